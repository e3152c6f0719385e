// Character-set facts the catalog and the rules need: bytes per character, charset of a collation.
import type { DataType } from '../types';

/** maximum bytes per character (MySQL `SHOW CHARACTER SET` Maxlen) */
const MAX_BYTES: Record<string, number> = {
  armscii8: 1, ascii: 1, big5: 2, binary: 1, cp1250: 1, cp1251: 1, cp1256: 1, cp1257: 1, cp850: 1, cp852: 1, cp866: 1,
  cp932: 2, dec8: 1, eucjpms: 3, euckr: 2, gb18030: 4, gb2312: 2, gbk: 2, geostd8: 1, greek: 1, hebrew: 1, hp8: 1,
  keybcs2: 1, koi8r: 1, koi8u: 1, latin1: 1, latin2: 1, latin5: 1, latin7: 1, macce: 1, macroman: 1, sjis: 2, swe7: 1,
  tis620: 1, ucs2: 2, ujis: 3, utf16: 4, utf16le: 4, utf32: 4, utf8: 3, utf8mb3: 3, utf8mb4: 4,
};

export const DEFAULT_SERVER_CHARSET = 'utf8mb4';

/** bytes per character of a character set; undefined when unknown */
export function charsetBytes(charset: string | undefined): number | undefined {
  if (!charset) return undefined;
  return MAX_BYTES[charset.toLowerCase()];
}

/** `utf8mb4_unicode_ci` → `utf8mb4`; `binary` → `binary` */
export function charsetOfCollation(collation: string | undefined): string | undefined {
  if (!collation) return undefined;
  const c = collation.toLowerCase();
  if (c === 'binary') return 'binary';
  const prefix = c.split('_')[0];
  return prefix in MAX_BYTES ? prefix : undefined;
}

const CHARACTER_TYPES = new Set(['CHAR', 'VARCHAR', 'TINYTEXT', 'TEXT', 'MEDIUMTEXT', 'LONGTEXT', 'ENUM', 'SET', 'NCHAR', 'NVARCHAR']);

/** string types that carry a character set (not BINARY/VARBINARY/BLOB) */
export function isCharacterType(type: DataType): boolean {
  return CHARACTER_TYPES.has(type.name.toUpperCase()) && type.charset?.toLowerCase() !== 'binary';
}

const TEXT_CAPACITY: [string, number][] = [
  ['TINYTEXT', 255],
  ['TEXT', 65_535],
  ['MEDIUMTEXT', 16_777_215],
  ['LONGTEXT', 4_294_967_295],
];

/** the smallest TEXT type that holds as many characters in the new charset as `name` held in the old one */
export function textTypeForBytes(name: string, bytesBefore: number, bytesAfter: number): string {
  const at = TEXT_CAPACITY.findIndex(([n]) => n === name.toUpperCase());
  if (at < 0) return name;
  const chars = Math.floor(TEXT_CAPACITY[at][1] / bytesBefore);
  const fit = TEXT_CAPACITY.slice(at).find(([, capacity]) => chars * bytesAfter <= capacity);
  return fit ? fit[0] : 'LONGTEXT';
}
