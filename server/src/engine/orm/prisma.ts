// schema.prisma → OrmModel, with @mrleebo/prisma-ast as the parser and Prisma's MySQL mapping
// rules: `@map`/`@@map` names, scalar types to their default MySQL types (String → VARCHAR(191),
// DateTime → DATETIME(3), …), `@db.*` native types, `@default`, `@unique`/`@@unique`/`@@index`
// (named `<table>_<columns>_key` / `_idx` unless `map:` says otherwise), `@id`/`@@id`, `@ignore`.
// Relation fields are not columns: their scalar foreign-key fields are; the keys themselves are
// read in prisma-relations.ts, the tables of implicit many-to-many relations in prisma-many-to-many.ts.
import type { Attribute, AttributeArgument, BlockAttribute, Datasource, Enum, Field, Model, PrismaParser, Value } from '@mrleebo/prisma-ast';
import type { Span } from '../types';
import type { ModelColumn, ModelIndex, ModelTable, OrmModel } from './model';
import { joinTables } from './prisma-many-to-many';
import { addRelationKeys, relationsEmulated } from './prisma-relations';
import { declarationEnd, lineEndAt } from './source-text';

type PrismaAst = typeof import('@mrleebo/prisma-ast');

let loaded: { ast: PrismaAst; parser: PrismaParser; visitor: ReturnType<PrismaAst['VisitorClassFactory']>['prototype'] } | undefined;

/**
 * The parser, loaded on the first schema.prisma: loading it builds the grammar (about 150 ms),
 * which a server that never sees a Prisma file should not pay at start-up. Our own parser
 * instance tracks locations (the package's default one does not).
 */
function prismaAst(): NonNullable<typeof loaded> {
  if (!loaded) {
    const ast = require('@mrleebo/prisma-ast') as PrismaAst;
    const parser = new ast.PrismaParser({ nodeLocationTracking: 'full' });
    loaded = { ast, parser, visitor: new (ast.VisitorClassFactory(parser))() };
  }
  return loaded;
}

/** an attribute argument or a value inside one */
type Arg = AttributeArgument['value'] | Value;

const SCALAR_TYPES: Record<string, string> = {
  String: 'VARCHAR(191)',
  Boolean: 'TINYINT(1)',
  Int: 'INT',
  BigInt: 'BIGINT',
  Float: 'DOUBLE',
  Decimal: 'DECIMAL(65,30)',
  DateTime: 'DATETIME(3)',
  Json: 'JSON',
  Bytes: 'LONGBLOB',
};

export function parsePrisma(text: string): OrmModel {
  let blocks;
  try {
    const { ast, parser, visitor } = prismaAst();
    blocks = ast.getSchema(text, { parser, visitor }).list;
  } catch (err) {
    return { orm: 'prisma', tables: [], problems: [`schema.prisma could not be parsed: ${firstLine(err)}`] };
  }
  const enums = new Map<string, Enum>();
  for (const b of blocks) if (b.type === 'enum') enums.set(b.name, b);
  const models = blocks.filter((b): b is Model => b.type === 'model');
  const modelNames = new Set(models.map((m) => m.name));
  const tables = models.map((m) => toTable(text, m, enums, modelNames));
  const withKeys = !relationsEmulated(blocks.filter((b): b is Datasource => b.type === 'datasource'));
  if (withKeys) addRelationKeys(text, models, tables);
  // relation tables first, so a model removed with its relation is dropped after the table whose
  // keys reference it (Prisma drops those keys first); the catalog accepts a key to a table created later
  return { orm: 'prisma', tables: [...joinTables(text, models, tables, withKeys), ...tables], problems: [] };
}

function toTable(text: string, model: Model, enums: ReadonlyMap<string, Enum>, modelNames: ReadonlySet<string>): ModelTable {
  const blockAttrs = model.properties.filter((p): p is BlockAttribute => p.type === 'attribute');
  const table = stringArg(blockAttrs.find((a) => a.name === 'map')?.args?.[0]?.value) ?? model.name;
  const start = model.location?.startOffset ?? 0;
  const nameStart = text.indexOf(model.name, start);
  const bodyEnd = closingBraceLine(text, nameStart);
  const fields = model.properties.filter((p): p is Field => p.type === 'field');
  const columns: ModelColumn[] = [];
  const primaryKey: string[] = [];
  const indexes: ModelIndex[] = [];
  for (const field of fields) {
    const column = toColumn(text, field, enums, modelNames);
    if (!column) continue;
    columns.push(column);
    const attrs = field.attributes ?? [];
    if (attrs.some((a) => a.name === 'id' && !a.group)) primaryKey.push(column.column);
    const unique = attrs.find((a) => a.name === 'unique' && !a.group);
    if (unique) indexes.push({ kind: 'unique', name: namedArg(unique, 'map') ?? `${table}_${column.column}_key`, columns: [column.column], span: column.span });
  }
  const columnOf = (field: string) => columns.find((c) => c.field === field)?.column ?? field;
  for (const attr of blockAttrs) {
    const fieldsArg = attr.args?.[0]?.value;
    const names = Array.isArray(fieldsArg) ? fieldsArg : isArrayValue(fieldsArg) ? fieldsArg.args : [];
    const cols = names.map((v) => columnOf(fieldName(v))).filter((n) => n !== '');
    if (cols.length === 0) continue;
    const span = attrSpan(text, attr, start);
    if (attr.name === 'id') primaryKey.push(...cols);
    if (attr.name === 'unique') indexes.push({ kind: 'unique', name: namedArg(attr, 'map') ?? `${table}_${cols.join('_')}_key`, columns: cols, span });
    if (attr.name === 'index') indexes.push({ kind: 'index', name: namedArg(attr, 'map') ?? `${table}_${cols.join('_')}_idx`, columns: cols, span });
  }
  return {
    model: model.name,
    table,
    columns,
    primaryKey,
    indexes,
    foreignKeys: [],
    span: { start, end: bodyEnd },
    nameSpan: { start: nameStart, end: nameStart + model.name.length },
    bodyEnd,
  };
}

function toColumn(text: string, field: Field, enums: ReadonlyMap<string, Enum>, modelNames: ReadonlySet<string>): ModelColumn | undefined {
  if (field.array) return undefined; // relation lists (and scalar lists, which MySQL has not)
  const attrs = field.attributes ?? [];
  const sqlType = columnType(field, attrs, enums);
  if (sqlType === undefined) return undefined;
  if (typeof field.fieldType === 'string' && modelNames.has(field.fieldType)) return undefined; // a relation field
  const start = field.location?.startOffset ?? 0;
  const nameSpan: Span = { start, end: start + field.name.length };
  const column: ModelColumn = {
    field: field.name,
    column: stringArg(attrs.find((a) => a.name === 'map' && !a.group)?.args?.[0]?.value) ?? field.name,
    sqlType,
    nullable: field.optional === true,
    span: { start, end: declarationEnd(text, start) },
    nameSpan,
  };
  const def = attrs.find((a) => a.name === 'default' && !a.group);
  if (def) applyDefault(column, def.args?.[0]?.value, sqlType);
  if (attrs.some((a) => a.name === 'ignore' && !a.group)) column.ignored = true;
  return column;
}

function columnType(field: Field, attrs: readonly Attribute[], enums: ReadonlyMap<string, Enum>): string | undefined {
  const native = attrs.find((a) => a.group === 'db');
  if (native) {
    const unsigned = native.name.startsWith('Unsigned');
    const base = (unsigned ? native.name.slice('Unsigned'.length) : native.name).toUpperCase();
    const args = (native.args ?? []).map((a) => String(a.value));
    return `${base}${args.length > 0 ? `(${args.join(',')})` : ''}${unsigned ? ' UNSIGNED' : ''}`;
  }
  const type = field.fieldType;
  if (typeof type !== 'string') {
    // Unsupported("…"): the database type as written
    const raw = type.name === 'Unsupported' ? stringArg(type.params?.[0]) : undefined;
    return raw?.toUpperCase();
  }
  const scalar = SCALAR_TYPES[type];
  if (scalar) return scalar;
  const values = enums.get(type)?.enumerators.flatMap((e) => (e.type === 'enumerator' ? [e.name] : []));
  return values ? `ENUM(${values.map((v) => `'${v}'`).join(',')})` : undefined;
}

function applyDefault(column: ModelColumn, value: Arg | undefined, sqlType: string): void {
  if (value === undefined || value === null) return;
  if (isFunction(value)) {
    if (value.name === 'autoincrement') column.autoIncrement = true;
    else if (value.name === 'now') column.default = `CURRENT_TIMESTAMP${/\((\d+)\)/.exec(sqlType)?.[0] ?? ''}`;
    else if (value.name === 'dbgenerated') {
      const expr = stringArg(value.params?.[0]);
      if (expr) column.default = `(${expr})`;
    }
    // uuid(), cuid(), nanoid(), ulid(): filled in by the client, not a database default
    return;
  }
  if (typeof value === 'boolean') column.default = value ? '1' : '0';
  else if (typeof value === 'number') column.default = String(value);
  else if (typeof value === 'string') {
    const quoted = stringArg(value);
    if (quoted !== undefined) column.default = sqlString(quoted);
    else if (value === 'true' || value === 'false') column.default = value === 'true' ? '1' : '0';
    else if (/^-?\d+(\.\d+)?$/.test(value)) column.default = value;
    else column.default = sqlString(value); // an enum member
  }
}

export function sqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** a Prisma string literal's value (`"x"` → x); undefined for anything else */
function stringArg(value: Arg | undefined): string | undefined {
  if (typeof value !== 'string' || value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? parsed : undefined;
  } catch {
    return value.slice(1, -1);
  }
}

function namedArg(attr: Attribute | BlockAttribute, key: string): string | undefined {
  for (const arg of attr.args ?? []) {
    const v = arg.value;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && v.type === 'keyValue' && v.key === key) return stringArg(v.value);
  }
  return undefined;
}

/** `[email, name]` members are names, or `name(sort: Desc)` / `name(length: 10)` calls */
function fieldName(v: Arg): string {
  if (typeof v === 'string') return v;
  if (isFunction(v)) return v.name;
  return '';
}

function isFunction(v: Arg | undefined): v is Extract<Value, { type: 'function' }> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.type === 'function';
}

function isArrayValue(v: Arg | undefined): v is Extract<Value, { type: 'array' }> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.type === 'array';
}

function attrSpan(text: string, attr: BlockAttribute, fallback: number): Span {
  const start = attr.location?.startOffset ?? fallback;
  return { start, end: lineEndAt(text, start) };
}

/** the start of the line holding the `}` that closes the block whose name starts at `from` */
function closingBraceLine(text: string, from: number): number {
  const close = /^[ \t]*\}/m;
  const rest = text.slice(from);
  const m = close.exec(rest);
  return m ? from + m.index : text.length;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}
