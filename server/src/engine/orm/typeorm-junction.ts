// The junction table TypeORM creates for the owning side of a many-to-many relation
// (`@ManyToMany` with `@JoinTable`): named `<owner table>_<property>_<target table>` by the naming
// strategy unless `@JoinTable({ name })` says otherwise, one NOT NULL column per referenced key
// column of each side (`<table>Id` by default, `joinColumn` / `inverseJoinColumn` rename them;
// when both sides name their column alike, as a relation of an entity to itself does, they become
// `<name>_1` and `<name>_2`), typed as the column it references, both together the primary key,
// an index on each side's columns, and two foreign keys: the owner's ON DELETE / ON UPDATE
// CASCADE unless the relation sets them, the target's likewise when the target declares no
// inverse property, else the inverse property's own actions (NO ACTION unless it sets them).
import type * as TS from 'typescript';
import type { Span } from '../types';
import type { ModelColumn, ModelForeignKey, ModelTable } from './model';
import { lineStartAt } from './source-text';
import { decoratorCalls, type EntityClass, memberSpan, option, typescript } from './typeorm';
import { type EntityLookup, relationTarget, stringOption } from './typeorm-keys';
import { foreignKeyName, indexName, type NamingStrategy } from './typeorm-naming';

type TypeScript = typeof TS;

/** a referenced column: its property, column name and type */
type KeyColumn = Pick<ModelColumn, 'field' | 'column' | 'sqlType'>;

/** what a side of the junction is known by when its entity cannot be read: `id`, INT */
const GUESSED_KEY: KeyColumn = { field: 'id', column: 'id', sqlType: 'INT' };

export function junctionTables(text: string, entity: EntityClass, owner: ModelTable, naming: NamingStrategy, lookup: EntityLookup): ModelTable[] {
  const ts = typescript();
  const out: ModelTable[] = [];
  for (const property of entity.properties) {
    const calls = decoratorCalls(ts, property);
    const relation = calls.find((c) => c.name === 'ManyToMany');
    const joinTable = calls.find((c) => c.name === 'JoinTable');
    if (!relation || !joinTable) continue;
    const targetName = relationTarget(ts, relation.call.arguments[0]);
    if (!targetName) continue;
    const tableOptions = joinTable.call.arguments.find(ts.isObjectLiteralExpression);
    if (option(ts, tableOptions, 'synchronize')?.kind === ts.SyntaxKind.FalseKeyword) continue;
    const target = lookup(targetName);
    const targetTable = target?.table.table ?? naming.tableName(targetName);
    const propertyName = property.name.getText();
    const name = stringOption(ts, tableOptions, 'name') ?? naming.joinTableName(owner.table, propertyName, targetTable);

    const ownerJoins = joinColumnOptions(ts, tableOptions, 'joinColumn', 'joinColumns');
    const inverseJoins = joinColumnOptions(ts, tableOptions, 'inverseJoinColumn', 'inverseJoinColumns');
    const ownerKeys = referencedColumns(ts, owner, ownerJoins);
    const inverseKeys = target ? referencedColumns(ts, target.table, inverseJoins) : [guessedKey(ts, inverseJoins)];
    const ownerCols = ownerKeys.map((k) => joinColumnName(ts, ownerJoins, k) ?? naming.joinTableColumnName(owner.table, k.column));
    const inverseCols = inverseKeys.map((k) => joinColumnName(ts, inverseJoins, k) ?? naming.joinTableColumnName(targetTable, k.column));
    ownerCols.forEach((c, i) => {
      const j = inverseCols.indexOf(c);
      if (j < 0) return;
      ownerCols[i] = `${c}_1`;
      inverseCols[j] = `${c}_2`;
    });

    const span = memberSpan(entity, property, { start: property.getStart(), end: property.getEnd() });
    const nameSpan = memberSpan(entity, property, { start: property.name.getStart(), end: property.name.getEnd() });
    const column = (key: KeyColumn, columnName: string): ModelColumn => ({ field: columnName, column: columnName, sqlType: key.sqlType, nullable: false, span, nameSpan });
    const options = relation.call.arguments.slice(1).find(ts.isObjectLiteralExpression);
    const foreignKeys: ModelForeignKey[] = [];
    if (option(ts, options, 'createForeignKeyConstraints')?.kind !== ts.SyntaxKind.FalseKeyword) {
      const ownerActions = { onDelete: action(ts, options, 'onDelete') ?? 'CASCADE', onUpdate: action(ts, options, 'onUpdate') ?? 'CASCADE' };
      const fk = (columns: string[], refTable: string, refColumns: string[], joins: readonly TS.ObjectLiteralExpression[], actions: { onDelete: string; onUpdate: string }): ModelForeignKey => ({
        name: joins.map((j) => stringOption(ts, j, 'foreignKeyConstraintName')).find((n) => n !== undefined) ?? foreignKeyName(name, columns),
        columns,
        refTable,
        refColumns,
        ...actions,
        span,
      });
      foreignKeys.push(fk(ownerCols, owner.table, ownerKeys.map((k) => k.column), ownerJoins, ownerActions));
      foreignKeys.push(fk(inverseCols, targetTable, inverseKeys.map((k) => k.column), inverseJoins, inverseActions(ts, relation.call.arguments[1], target?.entity)));
    }
    out.push({
      model: `${entity.name}.${propertyName}`,
      table: name,
      columns: [...ownerKeys.map((k, i) => column(k, ownerCols[i])), ...inverseKeys.map((k, i) => column(k, inverseCols[i]))],
      primaryKey: [...ownerCols, ...inverseCols],
      indexes: [
        { kind: 'index', name: indexName(name, ownerCols), columns: ownerCols, span },
        { kind: 'index', name: indexName(name, inverseCols), columns: inverseCols, span },
      ],
      foreignKeys,
      span,
      nameSpan,
      bodyEnd: lineStartAt(text, span.start),
      joins: { models: [entity.name, targetName], fields: [span, inverseSpan(ts, entity, relation.call.arguments[1], target?.entity) ?? span] },
    });
  }
  return out;
}

/** `joinColumn: { … }` or `joinColumns: [{ … }, …]` */
function joinColumnOptions(ts: TypeScript, tableOptions: TS.ObjectLiteralExpression | undefined, single: string, plural: string): TS.ObjectLiteralExpression[] {
  const one = option(ts, tableOptions, single);
  if (one && ts.isObjectLiteralExpression(one)) return [one];
  const many = option(ts, tableOptions, plural);
  return many && ts.isArrayLiteralExpression(many) ? many.elements.filter(ts.isObjectLiteralExpression) : [];
}

/** the columns a side references: the ones its join columns name by `referencedColumnName`, else its primary key */
function referencedColumns(ts: TypeScript, table: ModelTable, joins: readonly TS.ObjectLiteralExpression[]): KeyColumn[] {
  const named = joins.map((j) => stringOption(ts, j, 'referencedColumnName')).filter((n): n is string => n !== undefined);
  if (named.length > 0) return named.map((n) => table.columns.find((c) => c.field === n) ?? { ...GUESSED_KEY, field: n, column: n });
  const primary = table.primaryKey.map((p) => table.columns.find((c) => c.column === p)).filter((c): c is ModelColumn => c !== undefined);
  return primary.length > 0 ? primary : [GUESSED_KEY];
}

function guessedKey(ts: TypeScript, joins: readonly TS.ObjectLiteralExpression[]): KeyColumn {
  const named = joins.map((j) => stringOption(ts, j, 'referencedColumnName')).find((n) => n !== undefined);
  return named ? { ...GUESSED_KEY, field: named, column: named } : GUESSED_KEY;
}

/** the join column given for a referenced column: one that names it, or one that names none */
function joinColumnName(ts: TypeScript, joins: readonly TS.ObjectLiteralExpression[], key: KeyColumn): string | undefined {
  for (const j of joins) {
    const referenced = stringOption(ts, j, 'referencedColumnName');
    const name = stringOption(ts, j, 'name');
    if (name && (!referenced || referenced === key.field)) return name;
  }
  return undefined;
}

function action(ts: TypeScript, options: TS.ObjectLiteralExpression | undefined, key: string): string | undefined {
  return stringOption(ts, options, key)?.toUpperCase();
}

/**
 * The target side's actions: its inverse property's (NO ACTION unless set) when the relation names
 * one and the target declares it (or cannot be read to tell), else CASCADE.
 */
function inverseActions(ts: TypeScript, inverseSide: TS.Expression | undefined, target: EntityClass | undefined): { onDelete: string; onUpdate: string } {
  const inverseName = inverseSide ? inversePropertyName(ts, inverseSide) : undefined;
  if (!inverseName) return { onDelete: 'CASCADE', onUpdate: 'CASCADE' };
  if (!target) return { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' };
  const property = target.properties.find((p) => p.name.getText() === inverseName);
  const relation = property ? decoratorCalls(ts, property).find((c) => c.name === 'ManyToMany') : undefined;
  if (!relation) return { onDelete: 'CASCADE', onUpdate: 'CASCADE' };
  const options = relation.call.arguments.slice(1).find(ts.isObjectLiteralExpression);
  return { onDelete: action(ts, options, 'onDelete') ?? 'NO ACTION', onUpdate: action(ts, options, 'onUpdate') ?? 'NO ACTION' };
}

/** the target's inverse property declaration, when it is in the owner's file */
function inverseSpan(ts: TypeScript, owner: EntityClass, inverseSide: TS.Expression | undefined, target: EntityClass | undefined): Span | undefined {
  const name = inverseSide ? inversePropertyName(ts, inverseSide) : undefined;
  const property = name ? target?.properties.find((p) => p.name.getText() === name) : undefined;
  if (!property || property.getSourceFile() !== owner.node.getSourceFile()) return undefined;
  return { start: property.getStart(), end: property.getEnd() };
}

/** `(tag) => tag.posts` or `'posts'` → posts */
function inversePropertyName(ts: TypeScript, e: TS.Expression): string | undefined {
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isArrowFunction(e) && !ts.isBlock(e.body) && ts.isPropertyAccessExpression(e.body)) return e.body.name.text;
  return undefined;
}
