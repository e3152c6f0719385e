// How many bytes an index key part takes, for the server's key-length limits: a fixed-size type's
// storage size, a character column's characters × the charset's maximum width, a prefix's
// length. Undefined when the type's size is not known here (the check is then skipped).
import type { ColumnDef, IndexColumn, TableDef } from '../types';
import { columnCharsetBytes } from '../catalog/lookup';
import { isCharacterType } from '../catalog/charsets';

/** storage bytes of fixed-size types (https://dev.mysql.com/doc/refman/8.0/en/storage-requirements.html) */
const FIXED_BYTES: Record<string, number> = {
  TINYINT: 1, BOOL: 1, BOOLEAN: 1, SMALLINT: 2, MEDIUMINT: 3, INT: 4, INTEGER: 4, BIGINT: 8,
  FLOAT: 4, DOUBLE: 8, REAL: 8, DATE: 3, YEAR: 1, INET4: 4, INET6: 16, UUID: 16,
};

const BLOB_TYPES = new Set(['TINYBLOB', 'BLOB', 'MEDIUMBLOB', 'LONGBLOB', 'TINYTEXT', 'TEXT', 'MEDIUMTEXT', 'LONGTEXT', 'JSON', 'LONG']);

/** TEXT/BLOB family: an index on it needs a prefix length (MySQL error 1170) */
export function isBlobType(column: ColumnDef): boolean {
  return BLOB_TYPES.has(column.type.name.toUpperCase());
}

/** DECIMAL(p,s): 4 bytes per 9 digits on each side of the point, fewer for the leftover digits */
function decimalBytes(precision: number, scale: number): number {
  const leftover = [0, 1, 1, 2, 2, 3, 3, 4, 4, 4];
  const side = (digits: number) => Math.floor(digits / 9) * 4 + leftover[digits % 9];
  return side(precision - scale) + side(scale);
}

/** fractional-seconds bytes of TIME/DATETIME/TIMESTAMP(fsp) */
function fspBytes(fsp: number | undefined): number {
  return Math.ceil((fsp ?? 0) / 2);
}

/** bytes of the whole column in a key, or undefined when unknown (TEXT/BLOB have no full-length key) */
export function columnKeyBytes(table: TableDef | undefined, column: ColumnDef): number | undefined {
  const t = column.type;
  const name = t.name.toUpperCase();
  if (name in FIXED_BYTES) return FIXED_BYTES[name];
  switch (name) {
    case 'DECIMAL': case 'NUMERIC': case 'FIXED': return decimalBytes(t.length ?? 10, t.scale ?? 0);
    case 'TIME': return 3 + fspBytes(t.length);
    case 'DATETIME': return 5 + fspBytes(t.length);
    case 'TIMESTAMP': return 4 + fspBytes(t.length);
    case 'BIT': return Math.ceil((t.length ?? 1) / 8);
    case 'ENUM': return (t.values?.length ?? 0) > 255 ? 2 : 1;
    case 'SET': { const n = Math.ceil((t.values?.length ?? 0) / 8); return n > 4 ? 8 : Math.max(n, 1); }
    case 'BINARY': case 'VARBINARY': return t.length ?? 1;
    case 'CHAR': case 'VARCHAR': case 'NCHAR': case 'NVARCHAR': {
      const width = isCharacterType(t) ? columnCharsetBytes(table, column) : 1;
      return width === undefined ? undefined : (t.length ?? 1) * width;
    }
    default: return undefined;
  }
}

/** bytes of one key part: the prefix when written (characters × width for character columns), else the whole column */
export function keyPartBytes(table: TableDef | undefined, column: ColumnDef, part: IndexColumn): number | undefined {
  if (part.length === undefined) return columnKeyBytes(table, column);
  if (!isCharacterType(column.type)) return part.length;
  const width = columnCharsetBytes(table, column);
  return width === undefined ? undefined : part.length * width;
}
