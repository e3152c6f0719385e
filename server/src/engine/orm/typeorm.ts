// TypeORM entities (a .ts file) → OrmModel, read with the TypeScript compiler API and TypeORM's
// MySQL rules: `@Entity("name")` or the naming strategy's table name (the class name in
// snake_case), `@Column({ name, type, length, nullable, default, unique, precision, scale,
// unsigned })` with the column named by the naming strategy unless `name` says otherwise, the type
// from the property's TypeScript type when `type` is not given (string → varchar(255), number →
// int, boolean → tinyint, Date → datetime), `@PrimaryGeneratedColumn`, `@PrimaryColumn`,
// `@CreateDateColumn`, `@UpdateDateColumn`, `@DeleteDateColumn`, `@VersionColumn`. An entity
// that extends other classes has their columns, indexes and relations too (concrete table
// inheritance), whether the base is declared in this file or in one of `options.files`. Relations,
// junction tables and decorator indexes are read in typeorm-keys.ts and typeorm-junction.ts.
import type * as TS from 'typescript';
import type { Span } from '../types';
import type { ModelColumn, ModelIndex, ModelTable, OrmModel } from './model';
import { lineStartAt } from './source-text';
import { addKeys, type EntityLookup } from './typeorm-keys';
import { indexName, namingStrategy, type NamingStrategy } from './typeorm-naming';
import { classSources, type ClassSources, type TypeormParseOptions } from './typeorm-sources';

export type { TypeormParseOptions } from './typeorm-sources';

type TypeScript = typeof TS;
let loaded: TypeScript | undefined;

/** the compiler, loaded on the first entity file (it is large: a server that never sees one never loads it) */
export function typescript(): TypeScript {
  loaded ??= require('typescript') as TypeScript;
  return loaded;
}

const COLUMN_DECORATORS = new Set(['Column', 'PrimaryColumn', 'PrimaryGeneratedColumn', 'CreateDateColumn', 'UpdateDateColumn', 'DeleteDateColumn', 'VersionColumn']);

/** one `@Column`-like decorator call on a property, with the nodes fixes edit */
export interface ColumnDecorator {
  decorator: string;
  call: TS.CallExpression;
  options?: TS.ObjectLiteralExpression;
  property: TS.PropertyDeclaration;
  /** the declaration with its decorators */
  start: number;
}

export interface EntityClass {
  node: TS.ClassDeclaration;
  name: string;
  table: string;
  /** its own and its base classes' columns, the bases' first; a property redeclared here replaces the base's */
  columns: ColumnDecorator[];
  /** the `@Index(…)` / `@Unique(…)` decorators of the class and its bases */
  keys: DecoratorCall[];
  /** every property, its bases' too, for property-level `@Index` and relations */
  properties: TS.PropertyDeclaration[];
  /** the `extends` clause: where members declared in another file are reported */
  extendsSpan?: Span;
}

export interface DecoratorCall {
  name: string;
  call: TS.CallExpression;
}

export function parseTypeorm(text: string, options: TypeormParseOptions = {}): OrmModel {
  const naming = namingStrategy(options.naming);
  let sources: ClassSources;
  let entities: EntityClass[];
  try {
    sources = classSources(text, options.files);
    entities = entityClassesIn(sources, naming);
  } catch (err) {
    return { orm: 'typeorm', tables: [], problems: [`the entity file could not be read: ${err instanceof Error ? err.message : String(err)}`] };
  }
  const tables = entities.map((e) => toTable(text, e, naming));
  addKeys(text, entities, tables, naming, entityLookup(sources, entities, tables, naming));
  return { orm: 'typeorm', tables, problems: [] };
}

/** the entities of this file, and the ones relations name from the other files (read on first use) */
function entityLookup(sources: ClassSources, entities: readonly EntityClass[], tables: readonly ModelTable[], naming: NamingStrategy): EntityLookup {
  const others = new Map<string, { entity: EntityClass; table: ModelTable } | undefined>();
  return (name) => {
    const n = entities.findIndex((e) => e.name === name);
    if (n >= 0) return { entity: entities[n], table: tables[n] };
    if (!others.has(name)) {
      const node = sources.find(name);
      const entity = node ? entityClass(node, sources, naming) : undefined;
      others.set(name, entity ? { entity, table: toTable(entity.node.getSourceFile().text, entity, naming) } : undefined);
    }
    return others.get(name);
  };
}

/** the entity classes of a file (alone: base classes from other files are not seen) */
export function entityClasses(text: string, options: TypeormParseOptions = {}): EntityClass[] {
  return entityClassesIn(classSources(text, options.files), namingStrategy(options.naming));
}

function entityClassesIn(sources: ClassSources, naming: NamingStrategy): EntityClass[] {
  const ts = typescript();
  const out: EntityClass[] = [];
  for (const statement of sources.source.statements) {
    if (!ts.isClassDeclaration(statement)) continue;
    const entity = entityClass(statement, sources, naming);
    if (entity) out.push(entity);
  }
  return out;
}

function entityClass(node: TS.ClassDeclaration, sources: ClassSources, naming: NamingStrategy): EntityClass | undefined {
  const ts = typescript();
  const entity = decoratorCalls(ts, node).find((d) => d.name === 'Entity');
  if (!entity || !node.name) return undefined;
  const chain = inheritanceChain(ts, node, sources);
  // later classes in the chain (the entity itself last) replace a base's declaration of the same property
  const byName = new Map<string, TS.PropertyDeclaration>();
  for (const c of chain) for (const member of c.members) if (ts.isPropertyDeclaration(member)) byName.set(member.name.getText(), member);
  const properties = [...byName.values()];
  const columns: ColumnDecorator[] = [];
  for (const member of properties) {
    const column = decoratorCalls(ts, member).find((d) => COLUMN_DECORATORS.has(d.name));
    if (!column) continue;
    const options = column.call.arguments.find(ts.isObjectLiteralExpression);
    columns.push({ decorator: column.name, call: column.call, options, property: member, start: member.getStart() });
  }
  const keys = chain.flatMap((c) => decoratorCalls(ts, c).filter((d) => d.name === 'Index' || d.name === 'Unique'));
  const heritage = extendsClause(ts, node);
  const className = node.name.text;
  return {
    node,
    name: className,
    table: entityTableName(ts, entity.call) ?? naming.tableName(className),
    columns,
    keys,
    properties,
    ...(heritage ? { extendsSpan: { start: heritage.getStart(), end: heritage.getEnd() } } : {}),
  };
}

/** the class and the classes it extends, the farthest base first */
function inheritanceChain(ts: TypeScript, node: TS.ClassDeclaration, sources: ClassSources): TS.ClassDeclaration[] {
  const chain = [node];
  let current = node;
  for (;;) {
    const base = extendsClause(ts, current);
    const name = base && ts.isIdentifier(base.expression) ? base.expression.text : undefined;
    const next = name ? sources.find(name) : undefined;
    if (!next || chain.includes(next)) break;
    chain.unshift(next);
    current = next;
  }
  return chain;
}

function extendsClause(ts: TypeScript, node: TS.ClassDeclaration): TS.ExpressionWithTypeArguments | undefined {
  return node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
}

/** where a member of the entity is reported: its own declaration in this file, else the `extends` clause */
export function memberSpan(entity: EntityClass, node: TS.Node, own: Span): Span {
  return node.getSourceFile() === entity.node.getSourceFile() ? own : (entity.extendsSpan ?? { start: entity.node.getStart(), end: entity.node.getStart() });
}

export function decoratorCalls(ts: TypeScript, node: TS.HasDecorators): DecoratorCall[] {
  const out: DecoratorCall[] = [];
  for (const d of ts.getDecorators(node) ?? []) {
    if (!ts.isCallExpression(d.expression)) continue;
    const callee = d.expression.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name) out.push({ name, call: d.expression });
  }
  return out;
}

function entityTableName(ts: TypeScript, call: TS.CallExpression): string | undefined {
  const [first] = call.arguments;
  if (first && ts.isStringLiteralLike(first)) return first.text;
  if (first && ts.isObjectLiteralExpression(first)) {
    const name = option(ts, first, 'name');
    if (name && ts.isStringLiteralLike(name)) return name.text;
  }
  return undefined;
}

export function option(ts: TypeScript, options: TS.ObjectLiteralExpression | undefined, key: string): TS.Expression | undefined {
  for (const p of options?.properties ?? []) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === key) return p.initializer;
  }
  return undefined;
}

function toTable(text: string, entity: EntityClass, naming: NamingStrategy): ModelTable {
  const ts = typescript();
  const columns: ModelColumn[] = [];
  const primaryKey: string[] = [];
  const indexes: ModelIndex[] = [];
  for (const c of entity.columns) {
    const column = toColumn(ts, c, entity, naming);
    columns.push(column);
    const primary = c.decorator === 'PrimaryColumn' || c.decorator === 'PrimaryGeneratedColumn' || isTrue(ts, option(ts, c.options, 'primary'));
    if (primary) primaryKey.push(column.column);
    if (isTrue(ts, option(ts, c.options, 'unique'))) indexes.push({ kind: 'unique', name: indexName(entity.table, [column.column]), columns: [column.column], span: column.span });
  }
  const nameNode = entity.node.name!;
  const close = entity.node.getEnd() - 1;
  return {
    model: entity.name,
    table: entity.table,
    columns,
    primaryKey,
    indexes,
    foreignKeys: [],
    span: { start: entity.node.getStart(), end: entity.node.getEnd() },
    nameSpan: { start: nameNode.getStart(), end: nameNode.getEnd() },
    bodyEnd: lineStartAt(text, close),
  };
}

function toColumn(ts: TypeScript, c: ColumnDecorator, entity: EntityClass, naming: NamingStrategy): ModelColumn {
  const name = c.property.name.getText();
  const opts = c.options;
  const nameOption = option(ts, opts, 'name');
  const typeArg = c.call.arguments.find(ts.isStringLiteralLike);
  const typeOption = option(ts, opts, 'type');
  const written = typeArg?.text ?? (typeOption && ts.isStringLiteralLike(typeOption) ? typeOption.text : undefined);
  const generated = c.decorator === 'PrimaryGeneratedColumn' ? (typeArg?.text ?? 'increment') : undefined;
  const sqlType = generated === 'uuid' ? 'VARCHAR(36)' : columnType(ts, c, written);
  const column: ModelColumn = {
    field: name,
    column: nameOption && ts.isStringLiteralLike(nameOption) ? nameOption.text : naming.columnName(name),
    sqlType,
    nullable: isTrue(ts, option(ts, opts, 'nullable')) || c.decorator === 'DeleteDateColumn',
    span: memberSpan(entity, c.property, { start: c.start, end: c.property.getEnd() }),
    nameSpan: memberSpan(entity, c.property, { start: c.property.name.getStart(), end: c.property.name.getEnd() }),
  };
  if (generated === 'increment' || generated === 'identity') column.autoIncrement = true;
  const def = defaultSql(ts, option(ts, opts, 'default'));
  if (def !== undefined) column.default = def;
  if (c.decorator === 'CreateDateColumn' || c.decorator === 'UpdateDateColumn') column.default ??= 'CURRENT_TIMESTAMP(6)';
  return column;
}

/** TypeORM's MySQL column type for a property: the written `type`, else from the TypeScript type */
function columnType(ts: TypeScript, c: ColumnDecorator, written: string | undefined): string {
  const opts = c.options;
  const num = (key: string): number | undefined => {
    const v = option(ts, opts, key);
    return v && ts.isNumericLiteral(v) ? Number(v.text) : undefined;
  };
  const unsigned = isTrue(ts, option(ts, opts, 'unsigned')) ? ' UNSIGNED' : '';
  if (['CreateDateColumn', 'UpdateDateColumn', 'DeleteDateColumn'].includes(c.decorator) && !written) return 'DATETIME(6)';
  if (c.decorator === 'VersionColumn' && !written) return 'INT';
  const type = (written ?? tsTypeDefault(ts, c.property)).toLowerCase();
  switch (type) {
    case 'varchar':
    case 'nvarchar':
    case 'character varying':
      return `VARCHAR(${num('length') ?? 255})`;
    case 'char':
      return `CHAR(${num('length') ?? 1})`;
    case 'decimal':
    case 'numeric':
    case 'dec':
      return `DECIMAL(${num('precision') ?? 10},${num('scale') ?? 0})${unsigned}`;
    case 'boolean':
    case 'bool':
      return 'TINYINT';
    case 'integer':
      return `INT${unsigned}`;
    case 'simple-array':
    case 'simple-json':
      return 'TEXT';
    case 'enum': {
      const values = option(ts, opts, 'enum');
      const members = values && ts.isArrayLiteralExpression(values) ? values.elements.filter(ts.isStringLiteralLike).map((e) => `'${e.text}'`) : [];
      return members.length > 0 ? `ENUM(${members.join(',')})` : 'ENUM';
    }
    default: {
      const length = num('length');
      const base = type.toUpperCase();
      return `${base}${length !== undefined && /CHAR|BINARY/.test(base) ? `(${length})` : ''}${unsigned && /INT|FLOAT|DOUBLE/.test(base) ? unsigned : ''}`;
    }
  }
}

function tsTypeDefault(ts: TypeScript, property: TS.PropertyDeclaration): string {
  const t = property.type;
  if (!t) return 'varchar';
  if (t.kind === ts.SyntaxKind.NumberKeyword) return 'int';
  if (t.kind === ts.SyntaxKind.BooleanKeyword) return 'boolean';
  if (t.kind === ts.SyntaxKind.StringKeyword) return 'varchar';
  if (ts.isTypeReferenceNode(t) && t.typeName.getText() === 'Date') return 'datetime';
  // `string | null` and the like: the first member that says
  if (ts.isUnionTypeNode(t)) {
    for (const member of t.types) {
      if (member.kind === ts.SyntaxKind.NumberKeyword) return 'int';
      if (member.kind === ts.SyntaxKind.BooleanKeyword) return 'boolean';
      if (ts.isTypeReferenceNode(member) && member.typeName.getText() === 'Date') return 'datetime';
    }
  }
  return 'varchar';
}

function isTrue(ts: TypeScript, e: TS.Expression | undefined): boolean {
  return e !== undefined && e.kind === ts.SyntaxKind.TrueKeyword;
}

function defaultSql(ts: TypeScript, e: TS.Expression | undefined): string | undefined {
  if (!e) return undefined;
  if (ts.isNumericLiteral(e)) return e.text;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return `-${e.operand.text}`;
  if (ts.isStringLiteralLike(e)) return `'${e.text.replace(/'/g, "''")}'`;
  if (e.kind === ts.SyntaxKind.TrueKeyword) return '1';
  if (e.kind === ts.SyntaxKind.FalseKeyword) return '0';
  if (e.kind === ts.SyntaxKind.NullKeyword) return undefined;
  // default: () => "CURRENT_TIMESTAMP": the SQL expression as written
  if (ts.isArrowFunction(e) && ts.isStringLiteralLike(e.body)) return e.body.text;
  return undefined;
}

/** the span of a node in the source text */
export function nodeSpan(node: TS.Node): Span {
  return { start: node.getStart(), end: node.getEnd() };
}
