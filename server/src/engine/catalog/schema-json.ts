// "What Lockstep believes the schema is", as JSON that compares fact by fact with what
// information_schema reports for the target (COLUMNS, STATISTICS, KEY_COLUMN_USAGE,
// REFERENTIAL_CONSTRAINTS, TABLES). Pure: catalog + target in, data out.
//
// The shape (`lockstep-schema/1`):
// - tables sorted by name; each with engine, collation (TABLES.TABLE_COLLATION), comment,
//   partitioned (CREATE_OPTIONS says `partitioned`), columns, indexes, foreign keys;
// - columns in ordinal order: `type` is COLUMN_TYPE (lower case, display widths as the flavor and
//   version write them), `default` is COLUMN_DEFAULT as the target writes it (MariaDB 10.2+: quoted
//   string literals, `NULL` for a nullable column without default, `current_timestamp()`; SQL null =
//   no default), charset/collation resolved (column, else table, else the database default);
// - indexes: PRIMARY first, then by name; their columns in key order with prefix lengths (null = whole
//   column, as STATISTICS.SUB_PART);
// - foreign keys by name, with the referential actions the server reports when none is written.
// Generated expressions and expression defaults are normalised (`normalizeExpression`): the server
// rewrites them (backticks, lower-case function names), so both sides compare in that form.
// A fact the catalog does not know is null and its field is listed in `unknown`; a table no
// migration created (known only from ALTERs) has `partial: true`: its missing parts are unknown.
import type { Catalog, ColumnDef, DataType, ForeignKeyDef, IndexDef, ReferentialAction, TableDef, Target } from '../types';
import { atLeast } from '../targets';
import { charsetBytes, charsetOfCollation, DATABASE_DEFAULT_CHARSET, DEFAULT_SERVER_CHARSET, defaultCollation, isCharacterType } from './charsets';
import { isNullable } from './lookup';

export const SCHEMA_JSON_FORMAT = 'lockstep-schema/1';

export interface SchemaJson {
  format: typeof SCHEMA_JSON_FORMAT;
  /** the target label the facts are written for, e.g. `mariadb-10.11` */
  target: string;
  tables: TableJson[];
}

export interface TableJson {
  name: string;
  /** present (true) when no migration created the table: what it lacks is unknown, not absent */
  partial?: true;
  engine: string | null;
  collation: string | null;
  comment: string | null;
  partitioned: boolean;
  columns: ColumnJson[];
  indexes: IndexJson[];
  foreignKeys: ForeignKeyJson[];
  /** names of the fields above whose value is not known (they are null) */
  unknown?: string[];
}

export interface ColumnJson {
  name: string;
  /** COLUMN_TYPE, e.g. `int(11) unsigned`, `varchar(255)`, `enum('a','b')` */
  type: string | null;
  nullable: boolean | null;
  /** COLUMN_DEFAULT as the target writes it; null: no default */
  default: string | null;
  charset: string | null;
  collation: string | null;
  generated: { expression: string; stored: boolean } | null;
  autoIncrement: boolean;
  /** `current_timestamp()` (MariaDB) / `CURRENT_TIMESTAMP` (MySQL) for ON UPDATE columns */
  onUpdate: string | null;
  comment: string;
  invisible: boolean;
  /** names of the fields above whose value is not known (they are null) */
  unknown?: string[];
}

export interface IndexJson {
  name: string;
  kind: 'primary' | 'unique' | 'index' | 'fulltext' | 'spatial';
  columns: { name: string | null; length: number | null; expression?: string }[];
  /** MariaDB IGNORED / MySQL INVISIBLE */
  ignored: boolean;
}

export interface ForeignKeyJson {
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface SchemaJsonOptions {
  /** the database's default character set (tables that name none); default utf8mb4 */
  serverDefaultCharset?: string;
  /** the database's default collation; default: the charset's default collation for the target */
  serverDefaultCollation?: string;
  /** default_storage_engine; default InnoDB */
  defaultEngine?: string;
}

export function schemaToJson(catalog: Catalog, target: Target, options: SchemaJsonOptions = {}): SchemaJson {
  const tables = [...catalog.tables.values()].sort((a, b) => compareNames(a.name, b.name)).map((t) => tableToJson(t, target, options));
  return { format: SCHEMA_JSON_FORMAT, target: target.label, tables };
}

function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Tables

const ENGINE_NAMES: Record<string, string> = { innodb: 'InnoDB', myisam: 'MyISAM', aria: 'Aria', memory: 'MEMORY', heap: 'MEMORY', csv: 'CSV', archive: 'ARCHIVE', blackhole: 'BLACKHOLE', rocksdb: 'ROCKSDB' };

/** the table's own charset and collation (table options, else the database default) */
export function tableCharset(table: TableDef, target: Target, options: SchemaJsonOptions): { charset: string; collation: string | undefined } {
  const serverCharset = canonicalCharset(options.serverDefaultCharset ?? DEFAULT_SERVER_CHARSET, target);
  const ownCollation = table.options.COLLATE ? canonicalCollation(table.options.COLLATE, target) : undefined;
  const ownCharset = table.options.CHARSET ? canonicalCharset(table.options.CHARSET, target) : charsetOfCollation(ownCollation);
  if (!ownCharset || ownCharset === 'default') {
    const collation = options.serverDefaultCollation ? canonicalCollation(options.serverDefaultCollation, target) : defaultCollation(serverCharset, target);
    return { charset: serverCharset, collation };
  }
  return { charset: ownCharset, collation: ownCollation ?? defaultCollation(ownCharset, target) };
}

function tableToJson(table: TableDef, target: Target, options: SchemaJsonOptions): TableJson {
  const unknown: string[] = [];
  const engineOption = table.options.ENGINE;
  const engine = engineOption ? ENGINE_NAMES[engineOption.toLowerCase()] ?? engineOption : table.partial ? null : options.defaultEngine ?? 'InnoDB';
  if (engine === null) unknown.push('engine');
  const own = tableCharset(table, target, options);
  // a partial table's default charset is unknown unless an ALTER set it
  let collation: string | null = own.collation ?? null;
  if (table.partial && !table.options.CHARSET && !table.options.COLLATE) collation = null;
  if (collation === null) unknown.push('collation');
  const comment = table.options.COMMENT ?? (table.partial ? null : '');
  if (comment === null) unknown.push('comment');
  const out: TableJson = {
    name: table.name,
    engine,
    collation,
    comment,
    partitioned: table.partitioned,
    columns: table.columns.map((c) => columnToJson(table, c, target, options)),
    indexes: sortIndexes(table.indexes).map((i) => indexToJson(table, i)),
    foreignKeys: [...table.foreignKeys].sort((a, b) => compareNames(a.name ?? '', b.name ?? '')).map((fk) => foreignKeyToJson(fk, target)),
  };
  if (table.partial) {
    out.partial = true;
    unknown.push('partitioned');
  }
  if (unknown.length > 0) out.unknown = unknown;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Columns

function columnToJson(table: TableDef, column: ColumnDef, target: Target, options: SchemaJsonOptions): ColumnJson {
  const unknown: string[] = [];
  const type = column.type;
  const { charset, collation } = columnCharsetAndCollation(table, column, target, options);
  const typeText = columnType(type, charset, target);
  if (typeText === null) unknown.push('type');
  let nullable: boolean | null = !column.generated || target.flavor === 'mysql' ? isNullable(table, column) : true;
  // explicit_defaults_for_timestamp OFF: a TIMESTAMP is NOT NULL (and the first one gets automatic
  // default and on-update) unless NULL is written; which one is "first" is not tracked
  const implicitTimestamp = type.name === 'TIMESTAMP' && !explicitDefaultsForTimestamp(target) && column.nullable !== true;
  if (implicitTimestamp) nullable = false;
  let def = defaultOf(column, type, nullable === true, charset, target);
  let onUpdate = column.onUpdate ? currentTimestampText(column.onUpdate, target) : null;
  if (implicitTimestamp && !column.default) {
    def = undefined;
    onUpdate = null;
    unknown.push('onUpdate');
  }
  if (def === undefined) unknown.push('default');
  if (charset === undefined && isCharacterType(type)) unknown.push('charset');
  if (collation === undefined && isCharacterType(type)) unknown.push('collation');
  if (nullable === null) unknown.push('nullable');
  const out: ColumnJson = {
    name: column.name,
    type: typeText,
    nullable,
    default: def ?? null,
    charset: charset ?? null,
    collation: collation ?? null,
    generated: column.generated ? { expression: normalizeExpression(column.generated.expression), stored: column.generated.stored } : null,
    autoIncrement: column.autoIncrement === true,
    onUpdate,
    comment: column.comment ?? '',
    invisible: column.invisible === true,
  };
  if (unknown.length > 0) out.unknown = unknown;
  return out;
}

/** MySQL 8.0 and MariaDB 10.10 turned explicit_defaults_for_timestamp on by default */
function explicitDefaultsForTimestamp(target: Target): boolean {
  return target.flavor === 'mysql' ? atLeast(target, 8, 0, 2) : atLeast(target, 10, 10);
}

/** MariaDB 10.6+ and MySQL 8.0.30+ report utf8 as utf8mb3 */
export function canonicalCharset(charset: string, target: Target): string {
  const c = charset.toLowerCase();
  const mb3 = target.flavor === 'mariadb' ? atLeast(target, 10, 6) : atLeast(target, 8, 0, 30);
  if (c === 'utf8' && mb3) return 'utf8mb3';
  if (c === 'utf8mb3' && !mb3) return 'utf8';
  return c;
}

export function canonicalCollation(collation: string, target: Target): string {
  const c = collation.toLowerCase();
  const m = /^(utf8|utf8mb3)(_.*)$/.exec(c);
  return m ? canonicalCharset(m[1], target) + m[2] : c;
}

/** the charset and collation of a character column (undefined for other types) */
export function columnCharsetAndCollation(table: TableDef, column: ColumnDef, target: Target, options: SchemaJsonOptions): { charset?: string; collation?: string } {
  const type = column.type;
  if (type.name === 'JSON' && target.flavor === 'mariadb') return { charset: 'utf8mb4', collation: 'utf8mb4_bin' };
  if (!isCharacterType(type)) return {};
  const ownCollation = type.collation ? canonicalCollation(type.collation, target) : undefined;
  if (type.charset?.toLowerCase() === DATABASE_DEFAULT_CHARSET) {
    const database = tableCharset({ ...table, options: {} }, target, options);
    return { charset: database.charset, collation: ownCollation ?? database.collation };
  }
  const ownCharset = type.charset ? canonicalCharset(type.charset, target) : charsetOfCollation(ownCollation);
  if (ownCharset) return { charset: ownCharset, collation: ownCollation ?? defaultCollation(ownCharset, target) };
  if (table.partial && !table.options.CHARSET && !table.options.COLLATE) return {};
  return tableCharset(table, target, options);
}

const INT_WIDTHS: Record<string, [number, number]> = { TINYINT: [4, 3], SMALLINT: [6, 5], MEDIUMINT: [9, 8], INT: [11, 10], BIGINT: [20, 20] };
const NO_ARGS = new Set(['DATE', 'TINYTEXT', 'TEXT', 'MEDIUMTEXT', 'LONGTEXT', 'TINYBLOB', 'BLOB', 'MEDIUMBLOB', 'LONGBLOB', 'GEOMETRY', 'POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON', 'GEOMETRYCOLLECTION', 'UUID', 'INET4', 'INET6']);
const TEXT_SIZES: [string, number][] = [['TINY', 255], ['', 65_535], ['MEDIUM', 16_777_215], ['LONG', 4_294_967_295]];

/** COLUMN_TYPE as information_schema writes it; null when the type is not one the catalog can spell */
export function columnType(type: DataType, charset: string | undefined, target: Target): string | null {
  const name = type.name.toUpperCase();
  const sign = (type.unsigned ? ' unsigned' : '') + (type.zerofill ? ' zerofill' : '');
  const width = INT_WIDTHS[name];
  if (width) {
    // MySQL 8.0.19+ drops display widths except for ZEROFILL and TINYINT(1)
    const noWidth = target.flavor === 'mysql' && atLeast(target, 8, 0, 19) && !type.zerofill && !(name === 'TINYINT' && type.length === 1);
    const n = type.length ?? width[type.unsigned ? 1 : 0];
    return `${name.toLowerCase()}${noWidth ? '' : `(${n})`}${sign}`;
  }
  switch (name) {
    case 'DECIMAL':
      return `decimal(${type.length ?? 10},${type.scale ?? 0})${sign}`;
    case 'FLOAT':
    case 'DOUBLE': {
      if (type.length !== undefined && type.scale !== undefined) return `${name.toLowerCase()}(${type.length},${type.scale})${sign}`;
      // FLOAT(p): single precision up to 24 bits, double above
      const base = name === 'FLOAT' && type.length !== undefined && type.length > 24 ? 'double' : name.toLowerCase();
      return base + sign;
    }
    case 'BIT':
      return `bit(${type.length ?? 1})`;
    case 'CHAR':
    case 'BINARY':
      return `${name.toLowerCase()}(${type.length ?? 1})`;
    case 'VARCHAR':
    case 'VARBINARY':
      return type.length === undefined ? null : `${name.toLowerCase()}(${type.length})`;
    case 'ENUM':
    case 'SET':
      return `${name.toLowerCase()}(${(type.values ?? []).map(quoteString).join(',')})`;
    case 'TIME':
    case 'DATETIME':
    case 'TIMESTAMP':
      return type.length ? `${name.toLowerCase()}(${type.length})` : name.toLowerCase();
    case 'YEAR':
      return target.flavor === 'mysql' && atLeast(target, 8, 0, 19) ? 'year' : 'year(4)';
    case 'JSON':
      return target.flavor === 'mariadb' ? 'longtext' : 'json';
    case 'TEXT':
    case 'BLOB':
      return type.length === undefined ? name.toLowerCase() : sizedLob(name, type.length * (name === 'TEXT' ? charsetBytes(charset) ?? 4 : 1));
  }
  if (NO_ARGS.has(name)) return name.toLowerCase();
  return null;
}

/** TEXT(n) / BLOB(n): the smallest type that holds n bytes */
function sizedLob(name: string, bytes: number): string {
  const size = TEXT_SIZES.find(([, max]) => bytes <= max) ?? TEXT_SIZES[TEXT_SIZES.length - 1];
  return `${size[0]}${name}`.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Defaults

/** COLUMN_DEFAULT for the target; null = none; undefined = not known */
function defaultOf(column: ColumnDef, type: DataType, nullable: boolean, charset: string | undefined, target: Target): string | null | undefined {
  const mariadb = target.flavor === 'mariadb';
  const d = column.default;
  if (!d || column.generated) return nullable && mariadb ? 'NULL' : null;
  switch (d.kind) {
    case 'null':
      return mariadb ? 'NULL' : null;
    case 'current-timestamp':
      return currentTimestampText(d.text, target);
    case 'expression':
      return normalizeExpression(stripParens(d.text));
    case 'literal': {
      const value = literalValue(d.text);
      if (value === undefined) return undefined;
      const formatted = formatDefault(value, type, charset);
      if (formatted === undefined) return undefined;
      return mariadb || formatted.kind === 'raw' ? formatted.text : unquote(formatted.text);
    }
  }
}

type LiteralValue = { kind: 'string'; value: string } | { kind: 'number'; value: string } | { kind: 'bits'; value: string } | { kind: 'hex'; value: string };

/** the value of a DEFAULT literal as written: 'x', "x", _utf8mb4'x', N'x', 12, -1.5, TRUE, b'101', 0x1F */
function literalValue(text: string): LiteralValue | undefined {
  const t = text.trim();
  const bits = /^b'([01]*)'$|^0b([01]+)$/i.exec(t);
  if (bits) return { kind: 'bits', value: bits[1] ?? bits[2] };
  const hex = /^x'([0-9a-f]*)'$|^0x([0-9a-f]+)$/i.exec(t);
  if (hex) return { kind: 'hex', value: (hex[1] ?? hex[2]).toLowerCase() };
  if (/^true$/i.test(t)) return { kind: 'number', value: '1' };
  if (/^false$/i.test(t)) return { kind: 'number', value: '0' };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { kind: 'number', value: t.replace(/^\+/, '') };
  const str = /^(?:_\w+|n)?\s*(['"])([^]*)\1$/i.exec(t);
  if (str) return { kind: 'string', value: decodeString(str[2], str[1]) };
  return undefined;
}

function decodeString(body: string, quote: string): string {
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', Z: '\x1a' };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && i + 1 < body.length) {
      const next = body[++i];
      out += escapes[next] ?? next;
    } else if (ch === quote && body[i + 1] === quote) {
      out += quote;
      i++;
    } else out += ch;
  }
  return out;
}

export function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function unquote(text: string): string {
  return text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1).replace(/''/g, "'").replace(/\\\\/g, '\\') : text;
}

const INTEGER_TYPES = new Set(['TINYINT', 'SMALLINT', 'MEDIUMINT', 'INT', 'BIGINT', 'YEAR']);
const STRING_TYPES = new Set(['CHAR', 'VARCHAR', 'TINYTEXT', 'TEXT', 'MEDIUMTEXT', 'LONGTEXT', 'ENUM', 'SET', 'JSON']);

/** a literal default stored in the column's type, written as the server writes it back */
function formatDefault(value: LiteralValue, type: DataType, charset: string | undefined): { kind: 'quoted' | 'raw'; text: string } | undefined {
  const name = type.name.toUpperCase();
  if (value.kind === 'bits' || value.kind === 'hex') {
    const n = BigInt(value.kind === 'bits' ? `0b${value.value || '0'}` : `0x${value.value || '0'}`);
    if (name === 'BIT') return { kind: 'raw', text: `b'${n.toString(2)}'` };
    if (INTEGER_TYPES.has(name)) return { kind: 'raw', text: n.toString() };
    return undefined;
  }
  const text = value.value;
  const num = Number(text);
  if (INTEGER_TYPES.has(name)) return Number.isFinite(num) && text.trim() !== '' ? { kind: 'raw', text: String(Math.round(num)) } : undefined;
  if (name === 'DECIMAL') return Number.isFinite(num) && text.trim() !== '' ? { kind: 'raw', text: num.toFixed(type.scale ?? 0) } : undefined;
  if (name === 'FLOAT' || name === 'DOUBLE') return Number.isFinite(num) && text.trim() !== '' ? { kind: 'raw', text: type.scale !== undefined ? num.toFixed(type.scale) : String(num) } : undefined;
  if (name === 'BIT') return /^\d+$/.test(text) ? { kind: 'raw', text: `b'${BigInt(text).toString(2)}'` } : undefined;
  if (STRING_TYPES.has(name)) return charset || name === 'JSON' ? { kind: 'quoted', text: quoteString(text) } : undefined;
  if (name === 'DATE') return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { kind: 'quoted', text: quoteString(text) } : undefined;
  if (name === 'DATETIME' || name === 'TIMESTAMP') {
    const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?)?$/.exec(text);
    if (!m) return undefined;
    const fsp = type.length ?? 0;
    const fraction = fsp > 0 ? `.${(m[3] ?? '').padEnd(fsp, '0').slice(0, fsp)}` : '';
    return { kind: 'quoted', text: quoteString(`${m[1]} ${m[2] ?? '00:00:00'}${fraction}`) };
  }
  return undefined;
}

/** CURRENT_TIMESTAMP, NOW(), LOCALTIMESTAMP(3)… → `current_timestamp(3)` (MariaDB) / `CURRENT_TIMESTAMP(3)` (MySQL) */
function currentTimestampText(text: string, target: Target): string {
  const precision = /\(\s*(\d+)\s*\)/.exec(text)?.[1];
  const p = precision && precision !== '0' ? precision : '';
  return target.flavor === 'mariadb' ? `current_timestamp(${p})` : `CURRENT_TIMESTAMP${p ? `(${p})` : ''}`;
}

function stripParens(text: string): string {
  let t = text.trim();
  while (t.startsWith('(') && t.endsWith(')') && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim();
  return t;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * An expression in a form that does not depend on how it was written or how the server rewrote it:
 * identifier quotes removed, words lower-cased, spaces only where two words meet. String literals
 * are kept as they are.
 */
export function normalizeExpression(text: string): string {
  const tokens = text.match(/'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"|`(?:[^`]|``)*`|[A-Za-z0-9_$.]+|\S/g) ?? [];
  let out = '';
  let prevWord = false;
  for (const token of tokens) {
    const word = /^[`A-Za-z0-9_$]/.test(token);
    const piece = token.startsWith('`') ? token.slice(1, -1).replace(/``/g, '`').toLowerCase() : token.startsWith("'") || token.startsWith('"') ? token : token.toLowerCase();
    if (word && prevWord) out += ' ';
    out += piece;
    prevWord = word;
  }
  return out;
}

/**
 * COLUMN_DEFAULT as read from information_schema, in the form `schemaToJson` writes: expression
 * defaults normalised like the catalog's, literals as they are.
 */
export function normalizeServerDefault(text: string | null): string | null {
  if (text === null) return null;
  if (/^(NULL|'.*'|[+-]?[\d.]+(e[+-]?\d+)?|b'[01]*')$/is.test(text)) return text;
  if (/^current_timestamp(\(\d*\))?$/i.test(text)) return text;
  return normalizeExpression(text);
}

// ---------------------------------------------------------------------------------------------
// Indexes and foreign keys

function sortIndexes(indexes: readonly IndexDef[]): IndexDef[] {
  return [...indexes].sort((a, b) => (a.kind === 'primary' ? -1 : b.kind === 'primary' ? 1 : compareNames(a.name ?? '', b.name ?? '')));
}

function indexToJson(table: TableDef, index: IndexDef): IndexJson {
  return {
    name: index.kind === 'primary' ? 'PRIMARY' : index.name ?? '',
    kind: index.kind,
    columns: index.columns.map((c) => {
      if (c.expression !== undefined) return { name: null, length: null, expression: normalizeExpression(c.expression) };
      return { name: table.columns.find((col) => col.name.toLowerCase() === c.name.toLowerCase())?.name ?? c.name, length: prefixLength(table, c.name, c.length) };
    }),
    ignored: index.hidden === true,
  };
}

/** SUB_PART: a prefix as long as the whole (fixed-width or VARCHAR) column is no prefix */
function prefixLength(table: TableDef, column: string, length: number | undefined): number | null {
  if (length === undefined) return null;
  const def = table.columns.find((c) => c.name.toLowerCase() === column.toLowerCase());
  const name = def?.type.name.toUpperCase();
  const full = name === 'CHAR' || name === 'BINARY' ? def?.type.length ?? 1 : name === 'VARCHAR' || name === 'VARBINARY' ? def?.type.length : undefined;
  return full !== undefined && length >= full ? null : length;
}

function foreignKeyToJson(fk: ForeignKeyDef, target: Target): ForeignKeyJson {
  // no action written: MariaDB reports RESTRICT, MySQL NO ACTION
  const none: ReferentialAction = target.flavor === 'mariadb' ? 'RESTRICT' : 'NO ACTION';
  return { name: fk.name ?? '', columns: [...fk.columns], refTable: fk.refTable, refColumns: [...fk.refColumns], onDelete: fk.onDelete ?? none, onUpdate: fk.onUpdate ?? none };
}
