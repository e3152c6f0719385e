// GORM models (Go structs) → OrmModel. The syntax tree comes from tree-sitter's Go grammar
// (web-tree-sitter), loaded by the shells because WebAssembly loads asynchronously; reading the
// tree is synchronous. GORM's rules for MySQL: the table is the struct name in snake_case and
// plural unless a `TableName()` method returns another; a column is the field name in snake_case
// (`UserID` → `user_id`) unless `gorm:"column:…"` says otherwise; `type:`, `size:`, `not null`,
// `default:`, `primaryKey`, `autoIncrement`, `unique`/`uniqueIndex`; `-` and `-:all` are not
// columns, `-:migration` is a column migrations leave alone; `gorm.Model` adds id, created_at,
// updated_at and deleted_at; a struct of the package embedded anonymously or with
// `gorm:"embedded;embeddedPrefix:x_"` adds its fields as columns (prefixed) and is not a table
// itself; `TableName()` may have a value or a pointer receiver; pointer and sql.Null* fields are
// nullable. Fields of other models' types are relations (foreign keys, join tables: gorm-relations),
// index tags are indexes (gorm-indexes). A Go package spans its directory: the caller may pass the
// texts of the package's other files (`siblings`), whose structs can then be embedded or related
// to; only this file's structs (and the join tables of its relations) are its tables.
import type { Node, Parser } from 'web-tree-sitter';
import type { Span } from '../types';
import { fieldIndexes, gormTagEntries, mergeIndexes, type IndexField } from './gorm-indexes';
import { addRelationKeys, type GormModel, type RelationField } from './gorm-relations';
import type { ModelColumn, ModelTable, OrmModel } from './model';
import { plural, snakeCase } from './gorm-naming';
import { lineStartAt } from './source-text';

export { plural, snakeCase } from './gorm-naming';

export type GoParser = Parser;

/** GORM's MySQL types for Go types (gorm.io/driver/mysql DataTypeOf, default string size unset) */
const GO_TYPES: Record<string, string> = {
  bool: 'TINYINT(1)',
  int: 'BIGINT',
  int64: 'BIGINT',
  int32: 'INT',
  int16: 'SMALLINT',
  int8: 'TINYINT',
  uint: 'BIGINT UNSIGNED',
  uint64: 'BIGINT UNSIGNED',
  uint32: 'INT UNSIGNED',
  uint16: 'SMALLINT UNSIGNED',
  uint8: 'TINYINT UNSIGNED',
  float64: 'DOUBLE',
  float32: 'FLOAT',
  string: 'LONGTEXT',
  'time.Time': 'DATETIME(3)',
  '[]byte': 'LONGBLOB',
  'sql.NullString': 'LONGTEXT',
  'sql.NullInt64': 'BIGINT',
  'sql.NullInt32': 'INT',
  'sql.NullBool': 'TINYINT(1)',
  'sql.NullFloat64': 'DOUBLE',
  'sql.NullTime': 'DATETIME(3)',
  'gorm.DeletedAt': 'DATETIME(3)',
};

export function parseGorm(text: string, parser: GoParser | undefined, siblings: readonly string[] = []): OrmModel {
  if (!parser) return { orm: 'gorm', tables: [], problems: ['the Go parser is not loaded'] };
  const tree = parser.parse(text);
  if (!tree) return { orm: 'gorm', tables: [], problems: ['the Go file could not be parsed'] };
  const others = siblings.map((s) => ({ text: s, tree: parser.parse(s) }));
  try {
    const sources = [{ text, root: tree.rootNode, own: true }, ...others.flatMap((o) => (o.tree ? [{ text: o.text, root: o.tree.rootNode, own: false }] : []))];
    const structs = new Map<string, StructDecl>();
    const tableNames = new Map<string, string>();
    // the file's own declarations first: they win a (mistaken) duplicate, and its relations come first
    for (const source of sources) {
      for (const [model, table] of tableNameMethods(source.root)) if (!tableNames.has(model)) tableNames.set(model, table);
      for (const spec of source.root.descendantsOfType('type_spec')) {
        const struct = spec?.childForFieldName('type');
        const name = spec?.childForFieldName('name');
        if (!spec || !struct || struct.type !== 'struct_type' || !name || spec.parent?.parent?.type !== 'source_file' || structs.has(name.text)) continue;
        structs.set(name.text, { spec, name, struct, text: source.text, own: source.own });
      }
    }
    const embedded = embeddedStructs(structs);
    const models: GormModel[] = [];
    for (const decl of structs.values()) {
      // a struct embedded in another is a group of that model's columns, not a table of its own (unless it has a TableName())
      if (embedded.has(decl.name.text) && !tableNames.has(decl.name.text)) continue;
      const model = toModel(decl, tableNames.get(decl.name.text), structs);
      if (model) models.push(model);
    }
    const joinTables = addRelationKeys(models);
    return { orm: 'gorm', tables: [...models.filter((m) => m.own).map((m) => m.table), ...joinTables], problems: [] };
  } finally {
    tree.delete();
    for (const o of others) o.tree?.delete();
  }
}

/** `func (User) TableName() string { return "people" }` → User → people */
function tableNameMethods(root: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of root.descendantsOfType('method_declaration')) {
    if (!m || m.childForFieldName('name')?.text !== 'TableName') continue;
    const receiver = m.childForFieldName('receiver')?.descendantsOfType('type_identifier')[0]?.text;
    const literal = m.childForFieldName('body')?.descendantsOfType(['interpreted_string_literal', 'raw_string_literal'])[0];
    if (receiver && literal) out.set(receiver, goString(literal.text));
  }
  return out;
}

/** a struct type declared at the top level of this file (`own`) or of another file of its package */
interface StructDecl {
  spec: Node;
  name: Node;
  struct: Node;
  /** the text of the file that declares it */
  text: string;
  own: boolean;
}

/** the struct's own fields (not those of nested struct types) */
function fieldsOf(struct: Node): Node[] {
  return struct.descendantsOfType('field_declaration').filter((f): f is Node => f !== null && f.parent?.parent?.id === struct.id);
}

/** the name of a field's struct type, through a pointer: `Base`, `*Base` → Base */
function structTypeName(type: Node): string {
  return type.type === 'pointer_type' ? (type.namedChildren[0]?.text ?? '') : type.text;
}

/** a field of another model's type: `Company`, `*Company`, `[]CreditCard`, `[]*CreditCard` */
function relationTarget(type: Node, structs: ReadonlyMap<string, StructDecl>): { target: string; many: boolean } | undefined {
  const many = type.type === 'slice_type';
  const element = many ? type.childForFieldName('element') : type;
  const name = element ? structTypeName(element) : '';
  return structs.has(name) ? { target: name, many } : undefined;
}

/** structs of the package embedded in another one (anonymously, or with the `embedded` tag) */
function embeddedStructs(structs: ReadonlyMap<string, StructDecl>): Set<string> {
  const out = new Set<string>();
  for (const { struct } of structs.values()) {
    for (const field of fieldsOf(struct)) {
      const type = field.childForFieldName('type');
      if (!type) continue;
      const anonymous = field.childrenForFieldName('name').length === 0;
      const tagNode = field.childForFieldName('tag');
      const tagged = tagNode ? gormTag(goString(tagNode.text)).has('embedded') : false;
      if ((anonymous || tagged) && structs.has(structTypeName(type))) out.add(structTypeName(type));
    }
  }
  return out;
}

function toModel(decl: StructDecl, tableName: string | undefined, structs: ReadonlyMap<string, StructDecl>): GormModel | undefined {
  const { spec, name, struct, text } = decl;
  const columns: ModelColumn[] = [];
  const primaryKey: string[] = [];
  const indexFields: IndexField[] = [];
  const relations: RelationField[] = [];
  let mapped = false;
  const table = tableName ?? plural(snakeCase(name.text));
  // `prefix`: an embedded struct's `embeddedPrefix:`; `anchor`: the embedding field, where its columns' findings go
  const collect = (fields: readonly Node[], prefix: string, anchor: Node | undefined, seen: ReadonlySet<string>): void => {
    for (const field of fields) {
      const type = field.childForFieldName('type');
      const names = field.childrenForFieldName('name').filter((n): n is Node => n !== null);
      const tagNode = field.childForFieldName('tag');
      const tagText = tagNode ? goString(tagNode.text) : '';
      const tag = gormTag(tagText);
      if (tagNode && /\bgorm:/.test(tagNode.text)) mapped = true;
      if (!type) continue;
      const inner = structs.get(structTypeName(type));
      const embeds = names.length === 0 || tag.has('embedded');
      if (embeds && inner && !seen.has(inner.name.text)) {
        // an embedded struct of the package: its fields are this table's columns, named with the prefix
        mapped = true;
        collect(fieldsOf(inner.struct), prefix + (tag.get('embeddedprefix') ?? ''), anchor ?? field, new Set([...seen, inner.name.text]));
        continue;
      }
      if (names.length === 0) {
        // embedded: gorm.Model brings its four columns
        if (type.text === 'gorm.Model') {
          mapped = true;
          columns.push(...gormModelColumns(anchor ?? field).map((c) => ({ ...c, column: prefix + c.column })));
          primaryKey.push(`${prefix}id`);
        }
        continue;
      }
      // `-` and `-:all`: not a column; `-:migration`: a column migrations leave alone
      if (tag.has('-') && tag.get('-') !== 'migration') continue;
      const relation = relationTarget(type, structs);
      if (relation) {
        // a relation of the model's own fields: its keys are resolved once every model is read
        if (!anchor && tag.get('-') !== 'migration') for (const fieldName of names) relations.push({ field: fieldName.text, ...relation, tag, span: { start: field.startIndex, end: field.endIndex } });
        continue;
      }
      for (const fieldName of names) {
        const own = toColumn(field, fieldName, type, tag);
        if (!own) continue;
        const column = anchor ? { ...own, column: prefix + own.column, span: { start: anchor.startIndex, end: anchor.endIndex }, nameSpan: { start: anchor.startIndex, end: anchor.endIndex } } : own;
        columns.push(column);
        if (tag.has('primarykey') || tag.has('primary_key') || (fieldName.text === 'ID' && !primaryKey.length)) primaryKey.push(column.column);
        indexFields.push(...fieldIndexes(gormTagEntries(tagText), table, column, columns.length));
      }
    }
  };
  collect(fieldsOf(struct), '', undefined, new Set([name.text]));
  if (!mapped && columns.length === 0) return undefined;
  const close = struct.endIndex - 1;
  const modelTable: ModelTable = {
    model: name.text,
    table,
    columns,
    primaryKey,
    indexes: mergeIndexes(indexFields),
    foreignKeys: [],
    span: { start: spec.startIndex, end: spec.endIndex },
    nameSpan: { start: name.startIndex, end: name.endIndex },
    bodyEnd: lineStartAt(text, close),
  };
  return { own: decl.own, table: modelTable, relations };
}

function toColumn(field: Node, fieldName: Node, type: Node, tag: ReadonlyMap<string, string>): ModelColumn | undefined {
  const pointer = type.type === 'pointer_type';
  const goType = (pointer ? type.namedChildren[0]?.text : type.text) ?? '';
  const explicit = tag.get('type');
  let sqlType = explicit !== undefined ? explicit.toUpperCase() : GO_TYPES[goType];
  if (sqlType === undefined) return undefined; // a relation or a type GORM maps through an interface
  const size = tag.get('size');
  if (explicit === undefined && size !== undefined && /^\d+$/.test(size)) {
    if (sqlType === 'LONGTEXT') sqlType = Number(size) < 65536 ? `VARCHAR(${size})` : 'MEDIUMTEXT';
  } else if (explicit === undefined && sqlType === 'LONGTEXT' && (tag.has('primarykey') || tag.has('index') || tag.has('uniqueindex') || tag.has('unique') || tag.has('default'))) {
    sqlType = 'VARCHAR(191)'; // GORM's size for keyed string columns
  }
  const primary = tag.has('primarykey') || tag.has('primary_key');
  const column: ModelColumn = {
    field: fieldName.text,
    column: tag.get('column') || snakeCase(fieldName.text),
    sqlType,
    nullable: !primary && !tag.has('not null') && !(fieldName.text === 'ID' && !pointer),
    span: { start: field.startIndex, end: field.endIndex },
    nameSpan: { start: fieldName.startIndex, end: fieldName.endIndex },
  };
  const def = tag.get('default');
  if (def !== undefined) column.default = defaultSql(def, sqlType);
  if (tag.has('autoincrement') || (primary && /INT/.test(sqlType) && tag.get('autoincrement') !== 'false') || (fieldName.text === 'ID' && /INT/.test(sqlType))) column.autoIncrement = true;
  if (tag.get('-') === 'migration') column.ignored = true;
  return column;
}

function gormModelColumns(field: Node): ModelColumn[] {
  const span: Span = { start: field.startIndex, end: field.endIndex };
  const col = (name: string, column: string, sqlType: string, nullable: boolean): ModelColumn => ({ field: name, column, sqlType, nullable, span, nameSpan: span });
  return [
    { ...col('ID', 'id', 'BIGINT UNSIGNED', false), autoIncrement: true },
    col('CreatedAt', 'created_at', 'DATETIME(3)', true),
    col('UpdatedAt', 'updated_at', 'DATETIME(3)', true),
    col('DeletedAt', 'deleted_at', 'DATETIME(3)', true),
  ];
}

/** `gorm:"column:name;type:varchar(100);not null"` → keys lower-cased (GORM matches them so) */
export function gormTag(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const value = /(?:^|\s)gorm:"((?:[^"\\]|\\.)*)"/.exec(tag)?.[1];
  if (value === undefined) return out;
  for (const part of value.split(';')) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const colon = trimmed.indexOf(':');
    const key = (colon < 0 ? trimmed : trimmed.slice(0, colon)).trim().toLowerCase();
    out.set(key === 'not null' || key === 'notnull' ? 'not null' : key, colon < 0 ? '' : trimmed.slice(colon + 1).trim());
  }
  return out;
}

/** the value of a Go string literal (raw `…` or interpreted "…") */
export function goString(literal: string): string {
  if (literal.startsWith('`')) return literal.slice(1, -1);
  try {
    const parsed: unknown = JSON.parse(literal);
    return typeof parsed === 'string' ? parsed : literal.slice(1, -1);
  } catch {
    return literal.slice(1, -1);
  }
}

function defaultSql(value: string, sqlType: string): string {
  if (/^'.*'$/.test(value) || /^-?\d+(\.\d+)?$/.test(value) || /^(NULL|CURRENT_TIMESTAMP(\(\d\))?)$/i.test(value)) return value;
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true' ? '1' : '0';
  if (/^\(.*\)$/.test(value)) return value;
  return /CHAR|TEXT|ENUM/.test(sqlType) ? `'${value.replace(/'/g, "''")}'` : value;
}
