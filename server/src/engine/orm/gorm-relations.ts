// GORM associations as the foreign keys AutoMigrate creates on MySQL (gorm.io "Belongs To", "Has
// One", "Has Many", "Many To Many", "Constraints"). A field of another model's type is a relation:
// a slice is has-many (the key `<Model><PK>`, e.g. UserID, on the other table); a struct is has-one
// when the other model has that key, else belongs-to (`<Field><PK>`, e.g. CompanyID, on this
// table); a self-reference tries belongs-to first. `foreignKey:` and `references:` name the
// fields. The constraint is `fk_<declaring table>_<field name snake_case>` unless
// `constraint:name,…` names it, with `OnUpdate:`/`OnDelete:` from the tag; `constraint:-` and
// polymorphic relations make none, and a belongs-to whose model declares the same key as has-one /
// has-many gets none of its own. `many2many:` makes a join table of both models' keys (the
// composite primary key) with a constraint to each side, `fk_<join table>_<model snake_case>`.
// MySQL backs each key with an index named after it when no other index starts with its columns.
import type { Span } from '../types';
import { joinTableName, singular, snakeCase } from './gorm-naming';
import type { ModelColumn, ModelForeignKey, ModelTable } from './model';

/** a field of a model whose type is another model (or a slice of one) */
export interface RelationField {
  field: string;
  /** the struct name of the other model */
  target: string;
  many: boolean;
  tag: ReadonlyMap<string, string>;
  /** the field's declaration, in the text of the file declaring the model */
  span: Span;
}

/** a struct read as a table; `own`: declared in the file being read (not another file of its package) */
export interface GormModel {
  own: boolean;
  table: ModelTable;
  relations: RelationField[];
}

interface ResolvedKey {
  level: 'has' | 'belongs';
  holder: GormModel;
  referenced: GormModel;
  columns: ModelColumn[];
  refColumns: ModelColumn[];
  declaring: GormModel;
  relation: RelationField;
}

/**
 * Adds each relation's foreign key (and the index MySQL makes for it) to the table holding it, and
 * returns the join tables of the file's own many2many fields.
 */
export function addRelationKeys(models: readonly GormModel[]): ModelTable[] {
  const byStruct = new Map(models.map((m) => [m.table.model, m]));
  const keys: ResolvedKey[] = [];
  const joins = new Map<string, { table: ModelTable; own: boolean }>();
  for (const model of models) {
    for (const relation of model.relations) {
      const target = byStruct.get(relation.target);
      const constraint = relation.tag.get('constraint') ?? '';
      if (!target || constraint === '-' || relation.tag.has('polymorphic')) continue;
      const many2many = relation.tag.get('many2many');
      if (many2many && relation.many) {
        const name = joinTableName(many2many);
        if (!joins.has(name.toLowerCase())) {
          const table = joinTable(name, model, target, relation);
          if (table) joins.set(name.toLowerCase(), { table, own: model.own });
        }
        continue;
      }
      const key = resolve(model, target, relation);
      if (key) keys.push(key);
    }
  }
  for (const key of keys) {
    // a belongs-to whose other side declares the same key (has-one / has-many) is that key
    const twin = key.level === 'belongs' && keys.some((k) => k !== key && k.level === 'has' && k.holder === key.holder && k.referenced === key.referenced && sameColumns(k.columns, key.columns) && sameColumns(k.refColumns, key.refColumns));
    if (twin) continue;
    const fk = foreignKey(key);
    if (!key.holder.table.foreignKeys.some((k) => k.name.toLowerCase() === fk.name.toLowerCase())) key.holder.table.foreignKeys.push(fk);
  }
  for (const model of models) addKeyIndexes(model.table);
  const own = [...joins.values()].filter((j) => j.own).map((j) => j.table);
  for (const table of own) addKeyIndexes(table);
  return own;
}

/** GORM's guess of which side holds the key, in its order */
function resolve(model: GormModel, target: GormModel, relation: RelationField): ResolvedKey | undefined {
  const levels: ('has' | 'belongs')[] = relation.many ? ['has'] : model === target ? ['belongs', 'has'] : ['has', 'belongs'];
  for (const level of levels) {
    const primary = level === 'has' ? model : target;
    const foreign = level === 'has' ? target : model;
    const pairs = keyPairs(level, primary, foreign, relation);
    if (pairs) return { level, holder: foreign, referenced: primary, columns: pairs.columns, refColumns: pairs.refColumns, declaring: model, relation };
  }
  return undefined;
}

function keyPairs(level: 'has' | 'belongs', primary: GormModel, foreign: GormModel, relation: RelationField): { columns: ModelColumn[]; refColumns: ModelColumn[] } | undefined {
  const foreignKeys = names(relation.tag.get('foreignkey'));
  const references = names(relation.tag.get('references'));
  const columns: ModelColumn[] = [];
  let refColumns: ModelColumn[] = [];
  if (foreignKeys.length > 0) {
    for (const name of foreignKeys) {
      const found = lookUp(foreign, name);
      // a has-one key that names a field of this model too is read as belongs-to
      const ambiguous = level === 'has' && !relation.many && primary !== foreign && lookUp(primary, name) && !references.includes(name);
      if (!found || ambiguous) return undefined;
      columns.push(found);
    }
    if (references.length > 0) {
      const refs = lookUpAll(primary, references);
      if (!refs) return undefined;
      refColumns = refs;
    } else {
      const pk = primaryFields(primary);
      if (pk.length !== columns.length) return undefined;
      refColumns = pk;
    }
    return refColumns.length === columns.length ? { columns, refColumns } : undefined;
  }
  const candidates = references.length > 0 ? references.map((r) => lookUp(primary, r)).filter((r): r is ModelColumn => r !== undefined) : primaryFields(primary);
  for (const pk of candidates) {
    const base = level === 'belongs' ? relation.field : primary.table.model;
    const lookUpNames = [base + pk.field, ...(candidates.length === 1 ? [`${base}ID`, `${base}Id`, snakeCase(`${base}ID`)] : [])];
    const found = lookUpNames.map((n) => lookUp(foreign, n)).find((c) => c !== undefined);
    if (found) {
      columns.push(found);
      refColumns.push(pk);
    }
  }
  return columns.length > 0 ? { columns, refColumns } : undefined;
}

function foreignKey(key: ResolvedKey): ModelForeignKey {
  const constraint = key.relation.tag.get('constraint') ?? '';
  const comma = constraint.indexOf(',');
  const named = comma >= 0 && /^[A-Za-z_-]+$/.test(constraint.slice(0, comma)) ? constraint.slice(0, comma) : undefined;
  // the finding goes on the relation field when this file declares it, else on the key's own column here
  const span = key.declaring.own || !key.holder.own ? key.relation.span : key.columns[0].span;
  adoptKeyTypes(key.holder.table, key.columns, key.refColumns);
  return {
    name: named ?? `fk_${key.declaring.table.table}_${snakeCase(key.relation.field)}`,
    columns: key.columns.map((c) => c.column),
    refTable: key.referenced.table.table,
    refColumns: key.refColumns.map((c) => c.column),
    ...actions(constraint),
    span,
  };
}

/** `constraint:OnUpdate:CASCADE,OnDelete:SET NULL` → the referential actions */
function actions(constraint: string): Pick<ModelForeignKey, 'onDelete' | 'onUpdate'> {
  const out: Pick<ModelForeignKey, 'onDelete' | 'onUpdate'> = {};
  for (const part of constraint.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const key = part.slice(0, colon).trim().toUpperCase();
    const value = part.slice(colon + 1).trim().toUpperCase().replace(/\s+/g, ' ');
    if (!value) continue;
    if (key === 'ONDELETE') out.onDelete = value;
    if (key === 'ONUPDATE') out.onUpdate = value;
  }
  return out;
}

/**
 * GORM gives a key field its referenced field's data type: an integer key takes the sign of the
 * key it references (keeping its own width), a string key without a size takes the referenced size.
 */
function adoptKeyTypes(table: ModelTable, columns: readonly ModelColumn[], refColumns: readonly ModelColumn[]): void {
  columns.forEach((column, i) => {
    const sqlType = adoptedType(column.sqlType, refColumns[i].sqlType);
    if (sqlType === column.sqlType) return;
    const at = table.columns.indexOf(column);
    if (at >= 0) table.columns[at] = { ...column, sqlType };
  });
}

function adoptedType(own: string, referenced: string): string {
  const int = /^(TINYINT|SMALLINT|MEDIUMINT|INT|BIGINT)( UNSIGNED)?$/;
  const a = int.exec(own);
  const b = int.exec(referenced);
  if (a && b) return `${a[1]}${b[2] ?? ''}`;
  if (own === 'LONGTEXT' && /^VARCHAR\(\d+\)$/.test(referenced)) return referenced;
  return own;
}

/** the join table of a many2many field: both models' keys, the composite primary key, a constraint to each */
function joinTable(name: string, model: GormModel, target: GormModel, relation: RelationField): ModelTable | undefined {
  const ownKeys = names(relation.tag.get('foreignkey'));
  const refKeys = names(relation.tag.get('references'));
  const ownFields = ownKeys.length > 0 ? lookUpAll(model, ownKeys) : primaryFields(model);
  const refFields = refKeys.length > 0 ? lookUpAll(target, refKeys) : primaryFields(target);
  if (!ownFields?.length || !refFields?.length) return undefined;
  const joinOwn = names(relation.tag.get('joinforeignkey'));
  const joinRef = names(relation.tag.get('joinreferences'));
  const column = (fieldName: string, of: ModelColumn): ModelColumn => ({ field: fieldName, column: snakeCase(fieldName), sqlType: of.sqlType, nullable: false, span: relation.span, nameSpan: relation.span });
  const ownColumns = ownFields.map((f, i) => column(title(joinOwn[i]) || model.table.model + f.field, f));
  const taken = new Set(ownColumns.map((c) => c.field));
  const refColumns = refFields.map((f, i) => {
    let fieldName = title(joinRef[i]) || target.table.model + f.field;
    // a self-referencing many2many: the other side's key is named after the field (`Friends` → FriendID)
    if (taken.has(fieldName)) fieldName = relation.field !== target.table.model ? singular(relation.field) + f.field : `${fieldName}Reference`;
    return column(fieldName, f);
  });
  const refName = target.table.model === model.table.model ? relation.field : target.table.model;
  const key = (side: string, columns: ModelColumn[], to: GormModel, toColumns: ModelColumn[]): ModelForeignKey => ({
    name: `fk_${name}_${snakeCase(side)}`,
    columns: columns.map((c) => c.column),
    refTable: to.table.table,
    refColumns: toColumns.map((c) => c.column),
    ...actions(relation.tag.get('constraint') ?? ''),
    span: relation.span,
  });
  return {
    model: name,
    table: name,
    columns: [...ownColumns, ...refColumns],
    primaryKey: [...ownColumns, ...refColumns].map((c) => c.column),
    indexes: [],
    foreignKeys: [key(model.table.model, ownColumns, model, ownFields), key(refName, refColumns, target, refFields)],
    span: relation.span,
    nameSpan: relation.span,
    bodyEnd: relation.span.start,
    joins: { models: [model.table.model, target.table.model], fields: [relation.span, relation.span] },
  };
}

/** the index MySQL creates for each key no other index (or the primary key) starts with */
function addKeyIndexes(table: ModelTable): void {
  for (const fk of table.foreignKeys) {
    const covered = [table.primaryKey, ...table.indexes.map((i) => i.columns)].some((cols) => startsWith(cols, fk.columns));
    if (!covered) table.indexes.push({ kind: 'index', name: fk.name, columns: fk.columns, span: fk.span, implicit: true });
  }
}

/** GORM's LookUpField: a column name, else a field name */
function lookUp(model: GormModel, name: string): ModelColumn | undefined {
  return model.table.columns.find((c) => c.column === name) ?? model.table.columns.find((c) => c.field === name);
}

/** every named field, or undefined when one is missing */
function lookUpAll(model: GormModel, names: readonly string[]): ModelColumn[] | undefined {
  const found = names.map((n) => lookUp(model, n));
  return found.every((c): c is ModelColumn => c !== undefined) ? found : undefined;
}

function primaryFields(model: GormModel): ModelColumn[] {
  return model.table.primaryKey.map((k) => model.table.columns.find((c) => c.column === k)).filter((c): c is ModelColumn => c !== undefined);
}

/** `foreignKey:A,B` → A, B */
function names(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function title(name: string | undefined): string {
  return name ? name[0].toUpperCase() + name.slice(1) : '';
}

function sameColumns(a: readonly ModelColumn[], b: readonly ModelColumn[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

function startsWith(columns: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= columns.length && prefix.every((c, i) => c.toLowerCase() === columns[i].toLowerCase());
}
