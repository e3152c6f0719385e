// Classifies what a MODIFY / CHANGE really changes, against the catalog's old definition, so that
// change-column-type, varchar-length-change, enum-set-change, charset-conversion (and the lost-
// attribute check) each report their own part and never the same change twice.
import { columnCharset, findKnownColumn, findTable } from '../../catalog/lookup';
import { charsetBytes, isCharacterType } from '../../catalog/charsets';
import type { Catalog, ColumnDef, DataType, Operation, TableDef, Target } from '../../types';
import { domainOf, holdsEveryValue, type Verdict } from '../../kb/value-domain';

export type ModifyOp = Extract<Operation, { kind: 'modify-column' }>;

export interface TypeChange {
  kind: 'type';
  from: string;
  to: string;
  /** values may not fit the new type (narrower, sign change, different family) */
  narrowing: boolean;
  /** signed ↔ unsigned on the same integer type */
  signChange: boolean;
  /** why some old values are not values of the new type (from the value-domain model) */
  why?: string;
}

export type VarcharVerdict = 'shrink' | 'cross-length-bytes' | 'same-length-bytes' | 'instant-mariadb';

export interface VarcharChange {
  kind: 'varchar';
  typeName: string;
  fromChars: number;
  toChars: number;
  fromBytes: number;
  toBytes: number;
  charset: string;
  verdict: VarcharVerdict;
}

export type EnumVerdict = 'append' | 'append-storage-grows' | 'remove' | 'reorder';

export interface EnumChange {
  kind: 'enum';
  typeName: string;
  verdict: EnumVerdict;
  removed: string[];
  from: string[];
  to: string[];
}

export interface CharsetChange {
  kind: 'charset';
  fromCharset: string;
  toCharset: string;
  fromCollation?: string;
  toCollation?: string;
  /** MODIFY wrote no CHARACTER SET: the column silently takes the table default */
  implicit: boolean;
}

export type LostAttribute = 'NOT NULL' | 'AUTO_INCREMENT' | 'COMMENT' | 'ON UPDATE' | 'INVISIBLE';

export interface ColumnDiff {
  table: TableDef | undefined;
  old: ColumnDef | undefined;
  type?: TypeChange;
  varchar?: VarcharChange;
  enumSet?: EnumChange;
  charset?: CharsetChange;
  lost: LostAttribute[];
}

const INT_BYTES: Record<string, number> = { TINYINT: 1, SMALLINT: 2, MEDIUMINT: 3, INT: 4, BIGINT: 8 };
const TEXT_RANK: Record<string, number> = { TINYTEXT: 1, TEXT: 2, MEDIUMTEXT: 3, LONGTEXT: 4, TINYBLOB: 1, BLOB: 2, MEDIUMBLOB: 3, LONGBLOB: 4 };
const FSP_TYPES = new Set(['DATETIME', 'TIMESTAMP', 'TIME']);

function typeName(t: DataType): string {
  const n = t.name.toUpperCase();
  return n === 'NUMERIC' ? 'DECIMAL' : n === 'INTEGER' ? 'INT' : n;
}

/** the parameters that matter for storage, display width excluded */
function storageParams(t: DataType): string {
  const n = typeName(t);
  if (n in INT_BYTES || n === 'YEAR') return '';
  if (n === 'DECIMAL') return `${t.length ?? 10},${t.scale ?? 0}`;
  if (n === 'CHAR' || n === 'BINARY' || n === 'BIT') return `${t.length ?? 1}`;
  if (FSP_TYPES.has(n)) return `${t.length ?? 0}`;
  if (n === 'ENUM' || n === 'SET') return '';
  if (n in TEXT_RANK) return '';
  return `${t.length ?? ''},${t.scale ?? ''}`;
}

function describe(t: DataType): string {
  const text = t.text?.trim() ? t.text.trim() : typeName(t);
  return t.srid !== undefined && !/\bSRID\b/i.test(text) ? `${text} SRID ${t.srid}` : text;
}

function isVarLength(n: string): boolean {
  return n === 'VARCHAR' || n === 'VARBINARY';
}

function classifyType(table: TableDef | undefined, oldCol: ColumnDef, nextCol: ColumnDef): TypeChange | undefined {
  const old = oldCol.type;
  const next = nextCol.type;
  const a = typeName(old);
  const b = typeName(next);
  const sameParams = storageParams(old) === storageParams(next);
  const signDiffers = !!old.unsigned !== !!next.unsigned;
  if (a === b && sameParams && !signDiffers && !!old.zerofill === !!next.zerofill && (old.srid ?? -1) === (next.srid ?? -1)) return undefined;
  if (a === b && isVarLength(a) && !signDiffers) return undefined; // a length change: varchar-length-change
  if (a === b && (a === 'ENUM' || a === 'SET')) return undefined; // member change: enum-set-change
  const verdict = valueVerdict(table, oldCol, nextCol);
  const narrowing = !verdict.lossless;
  // UNSIGNED → signed of a wider type (or of DECIMAL/FLOAT/DOUBLE) keeps every value: no sign warning
  return { kind: 'type', from: describe(old), to: describe(next), narrowing, signChange: a === b && signDiffers && narrowing, ...(verdict.why ? { why: verdict.why } : {}) };
}

/** whether every value of the old type is a value of the new one (the value-domain model); a type it does not know counts as a cast */
function valueVerdict(table: TableDef | undefined, oldCol: ColumnDef, nextCol: ColumnDef): Verdict {
  if ((oldCol.type.srid ?? -1) !== (nextCol.type.srid ?? -1)) return { lossless: false, why: 'a spatial value of another SRID is refused' };
  const domain = (col: ColumnDef) => {
    const charset = isCharacterType(col.type) ? normaliseCharset(columnCharset(table, col)) : 'binary';
    return domainOf(col.type, charset, charset === 'binary' ? 1 : charsetBytes(charset) ?? 4);
  };
  const from = domain(oldCol);
  const to = domain(nextCol);
  if (!from || !to) return { lossless: false };
  return holdsEveryValue(from, to);
}

function classifyVarchar(table: TableDef | undefined, old: ColumnDef, next: ColumnDef, target: Target): VarcharChange | undefined {
  const a = typeName(old.type);
  const b = typeName(next.type);
  if (a !== b || !isVarLength(a) || old.type.length === undefined || next.type.length === undefined) return undefined;
  if (old.type.length === next.type.length) return undefined;
  const oldCharset = a === 'VARBINARY' ? 'binary' : columnCharset(table, old);
  const newCharset = a === 'VARBINARY' ? 'binary' : columnCharset(table, next);
  const fromBytes = old.type.length * bytesPerChar(oldCharset);
  const toBytes = next.type.length * bytesPerChar(newCharset);
  let verdict: VarcharVerdict;
  if (next.type.length < old.type.length) verdict = 'shrink';
  else if ((fromBytes <= 255) === (toBytes <= 255)) verdict = 'same-length-bytes';
  else if (target.flavor === 'mariadb' && (fromBytes <= 127 || (table?.options.ROW_FORMAT ?? '').toUpperCase() === 'REDUNDANT')) verdict = 'instant-mariadb';
  else verdict = 'cross-length-bytes';
  return { kind: 'varchar', typeName: a, fromChars: old.type.length, toChars: next.type.length, fromBytes, toBytes, charset: newCharset, verdict };
}

/** unknown charsets count as 4 bytes per character, the widest common case */
function bytesPerChar(charset: string): number {
  return charset === 'binary' ? 1 : charsetBytes(charset) ?? 4;
}

function enumStorage(kind: string, members: number): number {
  if (kind === 'ENUM') return members > 255 ? 2 : 1;
  const bytes = Math.ceil(members / 8);
  return bytes > 4 ? 8 : bytes;
}

function classifyEnum(old: DataType, next: DataType): EnumChange | undefined {
  const a = typeName(old);
  if (a !== typeName(next) || (a !== 'ENUM' && a !== 'SET')) return undefined;
  const from = old.values ?? [];
  const to = next.values ?? [];
  if (from.length === to.length && from.every((v, i) => v === to[i])) return undefined;
  const removed = from.filter((v) => !to.includes(v));
  let verdict: EnumVerdict;
  if (removed.length > 0) verdict = 'remove';
  else if (from.every((v, i) => v === to[i])) verdict = enumStorage(a, to.length) === enumStorage(a, from.length) ? 'append' : 'append-storage-grows';
  else verdict = 'reorder';
  return { kind: 'enum', typeName: a, verdict, removed, from, to };
}

function normaliseCharset(c: string): string {
  const l = c.toLowerCase();
  return l === 'utf8' ? 'utf8mb3' : l;
}

function classifyCharset(table: TableDef | undefined, old: ColumnDef, next: ColumnDef): CharsetChange | undefined {
  if (!isCharacterType(old.type) || !isCharacterType(next.type)) return undefined;
  const fromCharset = normaliseCharset(columnCharset(table, old));
  const toCharset = normaliseCharset(columnCharset(table, next));
  // the BINARY attribute is the charset's _bin collation
  const collationOf = (d: ColumnDef, cs: string) => d.type.collation?.toLowerCase() ?? (d.type.binary ? `${cs}_bin` : undefined);
  const fromCollation = collationOf(old, fromCharset);
  const toCollation = collationOf(next, toCharset);
  const implicit = !next.type.charset && !next.type.collation && !next.type.binary;
  if (fromCharset !== toCharset) return { kind: 'charset', fromCharset, toCharset, fromCollation, toCollation, implicit };
  if (fromCollation && toCollation && fromCollation !== toCollation) return { kind: 'charset', fromCharset, toCharset, fromCollation, toCollation, implicit: false };
  // `VARCHAR(n) BINARY` on a column that had the charset's default collation: it becomes case- and accent-sensitive
  if (!fromCollation && next.type.binary && !old.type.binary) return { kind: 'charset', fromCharset, toCharset, fromCollation: `the ${fromCharset} default`, toCollation, implicit: false };
  return undefined;
}

function lostAttributes(table: TableDef | undefined, old: ColumnDef, next: ColumnDef): LostAttribute[] {
  const lost: LostAttribute[] = [];
  const oldPk = !!old.primaryKey || !!table?.indexes.some((i) => i.kind === 'primary' && i.columns.some((c) => c.name.toLowerCase() === old.name.toLowerCase()));
  if (old.nullable === false && !oldPk && next.nullable !== false && !next.primaryKey) lost.push('NOT NULL');
  if (old.autoIncrement && !next.autoIncrement) lost.push('AUTO_INCREMENT');
  if (old.comment !== undefined && old.comment !== '' && next.comment === undefined) lost.push('COMMENT');
  if (old.onUpdate && !next.onUpdate) lost.push('ON UPDATE');
  if (old.invisible && !next.invisible) lost.push('INVISIBLE');
  return lost;
}

/** what the MODIFY/CHANGE changes; `old` undefined when the catalog does not know the column */
export function diffColumn(catalog: Catalog, op: ModifyOp, target: Target): ColumnDiff {
  // a partial table (no migration creates it) still knows the columns earlier ALTERs added or redefined
  const known = findKnownColumn(catalog, op.table, op.column);
  const table = known?.table ?? findTable(catalog, op.table);
  const old = known?.column;
  if (!old) return { table, old, lost: [] };
  const next = op.def;
  // a STORED generated column's values are stored: a type change copies and converts them like any column's
  const storedBoth = !!old.generated?.stored && !!next.generated?.stored;
  if ((old.generated || next.generated) && !storedBoth) return { table, old, lost: [] };
  if (storedBoth) return { table, old, type: classifyType(table, old, next), lost: [] };
  return {
    table,
    old,
    type: classifyType(table, old, next),
    varchar: classifyVarchar(table, old, next, target),
    enumSet: classifyEnum(old.type, next.type),
    charset: classifyCharset(table, old, next),
    lost: lostAttributes(table, old, next),
  };
}
