// What a MODIFY/CHANGE (or a CONVERT TO CHARACTER SET) really changes in one column, compared with
// its old definition: a real type change, a VARCHAR length change in bytes, an ENUM/SET append,
// a charset or collation change, nullability, or attributes only.
import type { ColumnDef, DataType, TableDef } from '../types';
import { charsetBytes, columnCharset, isIndexed, isNullable } from '../catalog/lookup';
import { isCharacterType } from '../catalog/charsets';
import type { OpClass } from './facts';

export interface ColumnAspect {
  cls: OpClass;
  /** for the reason line, e.g. "VARCHAR 200 → 400 bytes" */
  detail: string;
}

const VARIABLE_LENGTH = new Set(['VARCHAR', 'VARBINARY', 'NVARCHAR']);
const INTEGER_TYPES = new Set(['TINYINT', 'SMALLINT', 'MEDIUMINT', 'INT', 'BIGINT']);

export function rowFormat(table: TableDef | undefined): string {
  return (table?.options.ROW_FORMAT ?? 'DYNAMIC').toUpperCase();
}

function enumStorageBytes(type: DataType): number {
  const n = type.values?.length ?? 0;
  if (type.name === 'ENUM') return n <= 255 ? 1 : 2;
  const bytes = Math.ceil(n / 8);
  return bytes > 4 ? 8 : bytes === 0 ? 1 : bytes;
}

function collationOf(table: TableDef | undefined, def: ColumnDef): string | undefined {
  if (def.type.collation) return def.type.collation.toLowerCase();
  // the BINARY attribute is the charset's _bin collation (measured: MariaDB 10.11 shows utf8mb4_bin)
  if (def.type.binary) return `${effectiveCharset(table, def)}_bin`;
  return def.type.charset ? undefined : table?.options.COLLATE?.toLowerCase();
}

/** VARCHAR/VARBINARY length change in bytes (with the old and new character sets) */
function lengthChange(oldBytes: number, newBytes: number, table: TableDef | undefined): ColumnAspect | undefined {
  if (newBytes === oldBytes) return undefined;
  const detail = `VARCHAR ${oldBytes} → ${newBytes} bytes`;
  if (newBytes < oldBytes) return { cls: 'varchar-shrink', detail: `${detail} (shrink)` };
  if (rowFormat(table) === 'REDUNDANT') return { cls: 'varchar-extend-redundant', detail: `${detail} under ROW_FORMAT=REDUNDANT` };
  if (oldBytes <= 255 && newBytes <= 255) return { cls: 'varchar-extend', detail: `${detail} (same 1-byte length prefix)` };
  if (oldBytes >= 256) return { cls: 'varchar-extend', detail: `${detail} (same 2-byte length prefix)` };
  if (oldBytes <= 127) return { cls: 'varchar-extend-from-small', detail: `${detail} (from ≤127 bytes)` };
  return { cls: 'varchar-extend-cross', detail: `${detail} (crosses 255 bytes: length prefix grows)` };
}

/** type-level difference (name, length, precision, sign, members, charset, collation) */
export function typeChange(table: TableDef | undefined, oldDef: ColumnDef, newDef: ColumnDef): ColumnAspect[] {
  const a = oldDef.type;
  const b = newDef.type;
  const name = a.name.toUpperCase();
  if (name !== b.name.toUpperCase()) return [{ cls: 'change-type', detail: `type ${a.text} → ${b.text}` }];
  // a spatial column's SRID is part of its type (MySQL: changing it is a data type change)
  if ((a.srid ?? -1) !== (b.srid ?? -1)) return [{ cls: 'change-type', detail: `SRID ${a.srid ?? 'none'} → ${b.srid ?? 'none'}` }];
  if ((a.unsigned ?? false) !== (b.unsigned ?? false) || (a.zerofill ?? false) !== (b.zerofill ?? false)) {
    return [{ cls: 'change-type', detail: `type ${a.text} → ${b.text} (sign/zerofill)` }];
  }
  if (name === 'ENUM' || name === 'SET') return enumChange(table, oldDef, newDef);
  if (VARIABLE_LENGTH.has(name)) return charsetAndLength(table, oldDef, newDef);
  if (!INTEGER_TYPES.has(name)) {
    if ((a.length ?? -1) !== (b.length ?? -1) || (a.scale ?? -1) !== (b.scale ?? -1)) {
      return [{ cls: 'change-type', detail: `type ${a.text} → ${b.text}` }];
    }
  }
  if (isCharacterType(a)) return charsetOnly(table, oldDef, newDef);
  return [];
}

function enumChange(table: TableDef | undefined, oldDef: ColumnDef, newDef: ColumnDef): ColumnAspect[] {
  const before = oldDef.type.values ?? [];
  const after = newDef.type.values ?? [];
  const kind = oldDef.type.name.toUpperCase();
  const same = before.length === after.length && before.every((v, i) => v === after[i]);
  if (same) {
    const cs = charsetOnly(table, oldDef, newDef);
    return cs.length > 0 ? [{ cls: 'enum-collation-change', detail: `${kind} character set/collation change` }] : [];
  }
  const appended = after.length > before.length && before.every((v, i) => v === after[i]);
  if (!appended) return [{ cls: 'enum-change', detail: `${kind} members reordered, inserted or removed` }];
  if (enumStorageBytes(oldDef.type) !== enumStorageBytes(newDef.type)) {
    return [{ cls: 'enum-change', detail: `${kind} grows from ${enumStorageBytes(oldDef.type)} to ${enumStorageBytes(newDef.type)} storage bytes` }];
  }
  return [{ cls: 'enum-append', detail: `${kind} members appended at the end` }];
}

function effectiveCharset(table: TableDef | undefined, def: ColumnDef): string {
  if (!isCharacterType(def.type)) return 'binary';
  return columnCharset(table, def);
}

function charsetAndLength(table: TableDef | undefined, oldDef: ColumnDef, newDef: ColumnDef): ColumnAspect[] {
  const oldCs = effectiveCharset(table, oldDef);
  const newCs = effectiveCharset(table, newDef);
  const oldWidth = charsetBytes(oldCs) ?? 4;
  const newWidth = charsetBytes(newCs) ?? 4;
  const oldBytes = (oldDef.type.length ?? 1) * oldWidth;
  const newBytes = (newDef.type.length ?? 1) * newWidth;
  if (oldCs !== newCs) {
    if (isWidening(oldCs, newCs)) {
      const length = lengthChange(oldBytes, newBytes, table);
      if (length && length.cls !== 'varchar-extend' && length.cls !== 'varchar-extend-from-small' && length.cls !== 'varchar-extend-redundant') return [length];
      return [{ cls: 'charset-widen', detail: `character set ${oldCs} → ${newCs}${length ? `, ${length.detail}` : ''}` }];
    }
    return [{ cls: 'charset-change', detail: `character set ${oldCs} → ${newCs}` }];
  }
  const out: ColumnAspect[] = [];
  const length = lengthChange(oldBytes, newBytes, table);
  if (length) out.push(length);
  out.push(...collationChange(table, oldDef, newDef));
  return out;
}

function isWidening(from: string, to: string): boolean {
  return (from === 'utf8mb3' || from === 'utf8') && to === 'utf8mb4';
}

function charsetOnly(table: TableDef | undefined, oldDef: ColumnDef, newDef: ColumnDef): ColumnAspect[] {
  const oldCs = effectiveCharset(table, oldDef);
  const newCs = effectiveCharset(table, newDef);
  if (oldCs !== newCs) {
    if (!isWidening(oldCs, newCs)) return [{ cls: 'charset-change', detail: `character set ${oldCs} → ${newCs}` }];
    if (['CHAR', 'NCHAR'].includes(oldDef.type.name.toUpperCase())) return charsetAndLength(table, oldDef, newDef);
    return [{ cls: 'charset-widen', detail: `character set ${oldCs} → ${newCs}` }];
  }
  return collationChange(table, oldDef, newDef);
}

function collationChange(table: TableDef | undefined, oldDef: ColumnDef, newDef: ColumnDef): ColumnAspect[] {
  const before = collationOf(table, oldDef) ?? defaultCollation(effectiveCharset(table, oldDef));
  const after = collationOf(table, newDef) ?? defaultCollation(effectiveCharset(table, newDef));
  if (!before || !after || before === after) return [];
  const detail = `collation ${before} → ${after}`;
  return [isIndexed(table, oldDef.name) ? { cls: 'collation-change-indexed', detail: `${detail} on an indexed column` } : { cls: 'collation-change', detail }];
}

/** the server's default collation of a charset (MariaDB/MySQL 5.7 naming) */
function defaultCollation(charset: string): string | undefined {
  const known: Record<string, string> = { utf8mb4: 'utf8mb4_general_ci', utf8mb3: 'utf8mb3_general_ci', utf8: 'utf8mb3_general_ci', latin1: 'latin1_swedish_ci', ascii: 'ascii_general_ci', binary: 'binary' };
  return known[charset];
}

/** MODIFY/CHANGE compared with the old definition: every aspect that changes */
export function modifyAspects(table: TableDef | undefined, oldDef: ColumnDef, newDef: ColumnDef, strict: boolean): ColumnAspect[] {
  const out: ColumnAspect[] = [];
  const oldGen = oldDef.generated;
  const newGen = newDef.generated;
  if (oldGen || newGen) {
    if (!oldGen || !newGen || oldGen.stored !== newGen.stored) return [{ cls: 'change-type', detail: 'generated column kind changes' }];
    if (normaliseExpression(oldGen.expression) !== normaliseExpression(newGen.expression)) {
      out.push(oldGen.stored ? { cls: 'change-type', detail: 'STORED expression changes' } : { cls: 'virtual-expression-change', detail: 'VIRTUAL expression changes' });
    }
  }
  out.push(...typeChange(table, oldDef, newDef));
  const wasNullable = isNullable(table, oldDef);
  const nowNullable = newDef.nullable !== false && !newDef.primaryKey && !isPkColumn(table, oldDef);
  if (!oldGen && wasNullable && !nowNullable) {
    out.push(strict ? { cls: 'make-not-null', detail: 'NULL → NOT NULL' } : { cls: 'make-not-null-nonstrict', detail: 'NULL → NOT NULL outside strict mode' });
  } else if (!oldGen && !wasNullable && nowNullable) {
    out.push(rowFormat(table) === 'REDUNDANT' ? { cls: 'make-nullable-redundant', detail: 'NOT NULL → NULL under ROW_FORMAT=REDUNDANT' } : { cls: 'make-nullable', detail: 'NOT NULL → NULL' });
  }
  if (newDef.autoIncrement && !oldDef.autoIncrement) out.push({ cls: 'make-auto-increment', detail: 'becomes AUTO_INCREMENT' });
  if (oldDef.autoIncrement && !newDef.autoIncrement) out.push({ cls: 'drop-auto-increment', detail: 'AUTO_INCREMENT removed' });
  return out;
}

function isPkColumn(table: TableDef | undefined, def: ColumnDef): boolean {
  return !!def.primaryKey || !!table?.indexes.some((i) => i.kind === 'primary' && i.columns.some((c) => c.name.toLowerCase() === def.name.toLowerCase()));
}

function normaliseExpression(e: string): string {
  return e.replace(/[`\s()]/g, '').toLowerCase();
}

/** CONVERT TO CHARACTER SET cs [COLLATE c]: the aspects for each character column of the table */
export function convertAspects(table: TableDef, charset: string, collation: string | undefined): ColumnAspect[] {
  const out: ColumnAspect[] = [];
  const cs = charset.toLowerCase() === 'utf8' ? 'utf8mb3' : charset.toLowerCase();
  const coll = collation?.toLowerCase() ?? defaultCollation(cs);
  for (const col of table.columns) {
    if (!isCharacterType(col.type) || col.type.charset?.toLowerCase() === 'binary') continue;
    const converted: ColumnDef = { ...col, type: { ...col.type, charset: cs, collation: coll ?? `${cs}_general_ci` } };
    for (const aspect of typeChange(table, col, converted)) out.push({ ...aspect, detail: `${col.name}: ${aspect.detail}` });
  }
  return out;
}

