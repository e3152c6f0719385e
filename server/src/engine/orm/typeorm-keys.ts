// TypeORM keys beyond plain columns: relations that own a join column (`@ManyToOne`, and
// `@OneToOne` with `@JoinColumn`) as that column plus its foreign key, many-to-many junction
// tables (typeorm-junction.ts), and the indexes written as decorators — class-level
// `@Index([...])` / `@Index("name", [...], { unique })` / `@Unique([...])`, property-level
// `@Index()`. Names follow the naming strategy unless given. A relation to an entity that is
// neither in this file nor in the other files handed to the parse references its default table
// name and `id`, typed INT (what a `@PrimaryGeneratedColumn()` is).
import type * as TS from 'typescript';
import type { ModelColumn, ModelIndex, ModelTable } from './model';
import { decoratorCalls, type DecoratorCall, type EntityClass, memberSpan, option, typescript } from './typeorm';
import { junctionTables } from './typeorm-junction';
import { foreignKeyName, indexName, type NamingStrategy, relationIndexName } from './typeorm-naming';
import { lineEndAt } from './source-text';

type TypeScript = typeof TS;

/** an entity by its class name, with its table: this file's, else one of the other files' */
export type EntityLookup = (className: string) => { entity: EntityClass; table: ModelTable } | undefined;

/**
 * Adds relation columns, foreign keys and decorator indexes to the tables read from `entities`
 * (same order), and appends the junction tables of their many-to-many relations.
 */
export function addKeys(text: string, entities: readonly EntityClass[], tables: ModelTable[], naming: NamingStrategy, lookup: EntityLookup): void {
  const ts = typescript();
  entities.forEach((entity, n) => addRelations(ts, entity, tables[n], naming, lookup));
  entities.forEach((entity, n) => {
    const table = tables[n];
    for (const d of entity.keys) {
      const index = classIndex(ts, text, d, entity, table);
      if (index) table.indexes.push(index);
    }
    for (const property of entity.properties) {
      const d = decoratorCalls(ts, property).find((c) => c.name === 'Index');
      if (d) table.indexes.push(...propertyIndex(ts, d, property, table));
    }
  });
  const junctions = entities.flatMap((entity, n) => junctionTables(text, entity, tables[n], naming, lookup));
  for (const table of [...tables, ...junctions]) addForeignKeyIndexes(table);
  tables.push(...junctions);
}

/** MySQL backs each foreign key with an index named after it when no other index starts with its columns */
function addForeignKeyIndexes(table: ModelTable): void {
  for (const fk of table.foreignKeys) {
    const covered = [table.primaryKey, ...table.indexes.map((i) => i.columns)].some((cols) => startsWith(cols, fk.columns));
    if (!covered) table.indexes.push({ kind: 'index', name: fk.name, columns: fk.columns, span: fk.span, implicit: true });
  }
}

function addRelations(ts: TypeScript, entity: EntityClass, table: ModelTable, naming: NamingStrategy, lookup: EntityLookup): void {
  for (const property of entity.properties) {
    const calls = decoratorCalls(ts, property);
    const relation = calls.find((c) => c.name === 'ManyToOne' || c.name === 'OneToOne');
    const join = calls.find((c) => c.name === 'JoinColumn');
    // a one-to-one's join column sits on the side with @JoinColumn; a many-to-one always has it
    if (!relation || (relation.name === 'OneToOne' && !join)) continue;
    const targetName = relationTarget(ts, relation.call.arguments[0]);
    if (!targetName) continue;
    const targetTable = lookup(targetName)?.table;
    const options = relation.call.arguments.slice(1).find(ts.isObjectLiteralExpression);
    const joinOptions = join?.call.arguments.find(ts.isObjectLiteralExpression);
    const refProperty = stringOption(ts, joinOptions, 'referencedColumnName');
    const refColumn = targetTable ? (refProperty ? targetTable.columns.find((c) => c.field === refProperty) : targetTable.columns.find((c) => targetTable.primaryKey.includes(c.column))) : undefined;
    const property_ = property.name.getText();
    const columnName = stringOption(ts, joinOptions, 'name') ?? naming.joinColumnName(property_, refColumn?.field ?? refProperty ?? 'id');
    const span = memberSpan(entity, property, { start: property.getStart(), end: property.getEnd() });
    const nullable = option(ts, options, 'nullable')?.kind !== ts.SyntaxKind.FalseKeyword;
    if (!table.columns.some((c) => c.column.toLowerCase() === columnName.toLowerCase())) {
      const column: ModelColumn = {
        field: property_,
        column: columnName,
        sqlType: refColumn?.sqlType ?? 'INT',
        nullable,
        span,
        nameSpan: memberSpan(entity, property, { start: property.name.getStart(), end: property.name.getEnd() }),
      };
      table.columns.push(column);
    }
    if (relation.name === 'OneToOne') table.indexes.push({ kind: 'unique', name: relationIndexName(table.table, [columnName]), columns: [columnName], span });
    if (option(ts, options, 'createForeignKeyConstraints')?.kind === ts.SyntaxKind.FalseKeyword) continue;
    table.foreignKeys.push({
      name: stringOption(ts, joinOptions, 'foreignKeyConstraintName') ?? foreignKeyName(table.table, [columnName]),
      columns: [columnName],
      refTable: targetTable?.table ?? naming.tableName(targetName),
      refColumns: [refColumn?.column ?? refProperty ?? 'id'],
      onDelete: (stringOption(ts, options, 'onDelete') ?? 'NO ACTION').toUpperCase(),
      onUpdate: (stringOption(ts, options, 'onUpdate') ?? 'NO ACTION').toUpperCase(),
      span,
    });
  }
}

/** `() => User`, `type => User`, `'User'`, `User` → User */
export function relationTarget(ts: TypeScript, arg: TS.Expression | undefined): string | undefined {
  if (!arg) return undefined;
  if (ts.isStringLiteralLike(arg) || ts.isIdentifier(arg)) return arg.text;
  if (ts.isArrowFunction(arg) && !ts.isBlock(arg.body)) return relationTarget(ts, arg.body as TS.Expression);
  if (ts.isParenthesizedExpression(arg)) return relationTarget(ts, arg.expression);
  return undefined;
}

/** `@Index(["a", "b"])`, `@Index("name", ["a"], { unique: true })`, `@Index((e) => [e.a])`, `@Unique(...)` */
function classIndex(ts: TypeScript, text: string, d: DecoratorCall, entity: EntityClass, table: ModelTable): ModelIndex | undefined {
  const [first, ...rest] = d.call.arguments;
  const given = first && ts.isStringLiteralLike(first) ? first.text : undefined;
  const args = given === undefined ? [...d.call.arguments] : rest;
  const fields = args[0] ? fieldList(ts, args[0]) : undefined;
  if (!fields || fields.length === 0) return undefined;
  const columns = fields.map((f) => columnOf(table, f));
  const unique = d.name === 'Unique' || option(ts, args.find(ts.isObjectLiteralExpression), 'unique')?.kind === ts.SyntaxKind.TrueKeyword;
  const start = d.call.getStart() - 1; // the `@`
  const span = memberSpan(entity, d.call, { start, end: lineEndAt(text, start) });
  return { kind: unique ? 'unique' : 'index', name: given ?? indexName(table.table, columns), columns, span };
}

/** property-level `@Index()`, `@Index("name")`, `@Index({ unique: true })` */
function propertyIndex(ts: TypeScript, d: DecoratorCall, property: TS.PropertyDeclaration, table: ModelTable): ModelIndex[] {
  const column = table.columns.find((c) => c.field === property.name.getText());
  if (!column) return [];
  const [first] = d.call.arguments;
  // `@Index(["a", "b"])` on a property lists columns like the class-level form
  const listed = first && !ts.isStringLiteralLike(first) && !ts.isObjectLiteralExpression(first) ? fieldList(ts, first) : undefined;
  const columns = listed ? listed.map((f) => columnOf(table, f)) : [column.column];
  const given = first && ts.isStringLiteralLike(first) ? first.text : undefined;
  const unique = option(ts, d.call.arguments.find(ts.isObjectLiteralExpression), 'unique')?.kind === ts.SyntaxKind.TrueKeyword;
  return [{ kind: unique ? 'unique' : 'index', name: given ?? indexName(table.table, columns), columns, span: column.span }];
}

/** `["a", "b"]` or `(e) => [e.a, e.b]` → a, b */
function fieldList(ts: TypeScript, e: TS.Expression): string[] | undefined {
  let list: TS.Expression = e;
  if (ts.isArrowFunction(e) && !ts.isBlock(e.body)) list = e.body as TS.Expression;
  while (ts.isParenthesizedExpression(list)) list = list.expression;
  if (!ts.isArrayLiteralExpression(list)) return undefined;
  const out: string[] = [];
  for (const el of list.elements) {
    if (ts.isStringLiteralLike(el)) out.push(el.text);
    else if (ts.isPropertyAccessExpression(el)) out.push(el.name.text);
    else return undefined;
  }
  return out;
}

/** a property name (or a column name, which TypeORM also accepts) → the column */
function columnOf(table: ModelTable, name: string): string {
  return table.columns.find((c) => c.field === name)?.column ?? name;
}

export function stringOption(ts: TypeScript, options: TS.ObjectLiteralExpression | undefined, key: string): string | undefined {
  const v = option(ts, options, key);
  return v && ts.isStringLiteralLike(v) ? v.text : undefined;
}

function startsWith(columns: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= columns.length && prefix.every((c, i) => c.toLowerCase() === columns[i].toLowerCase());
}
