// Character-set facts the catalog and the rules need: bytes per character, charset of a collation.
import type { DataType, Target } from '../types';
import { atLeast } from '../targets';

/** maximum bytes per character (MySQL `SHOW CHARACTER SET` Maxlen) */
const MAX_BYTES: Record<string, number> = {
  armscii8: 1, ascii: 1, big5: 2, binary: 1, cp1250: 1, cp1251: 1, cp1256: 1, cp1257: 1, cp850: 1, cp852: 1, cp866: 1,
  cp932: 2, dec8: 1, eucjpms: 3, euckr: 2, gb18030: 4, gb2312: 2, gbk: 2, geostd8: 1, greek: 1, hebrew: 1, hp8: 1,
  keybcs2: 1, koi8r: 1, koi8u: 1, latin1: 1, latin2: 1, latin5: 1, latin7: 1, macce: 1, macroman: 1, sjis: 2, swe7: 1,
  tis620: 1, ucs2: 2, ujis: 3, utf16: 4, utf16le: 4, utf32: 4, utf8: 3, utf8mb3: 3, utf8mb4: 4,
};

export const DEFAULT_SERVER_CHARSET = 'utf8mb4';

/**
 * A column's charset when it is the database's default: a table created with no charset of its own
 * takes the database's, and its columns keep it when the table default later changes. The catalog
 * does not know the database default, so it records this marker; lookups resolve it.
 */
export const DATABASE_DEFAULT_CHARSET = 'default';

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

/** default collations that are not `<charset>_general_ci` (MariaDB 10.x / MySQL 5.7 naming otherwise) */
const DEFAULT_COLLATIONS: Record<string, string> = {
  latin1: 'latin1_swedish_ci', latin2: 'latin2_general_ci', latin5: 'latin5_turkish_ci', latin7: 'latin7_general_ci',
  binary: 'binary', big5: 'big5_chinese_ci', gb2312: 'gb2312_chinese_ci', gbk: 'gbk_chinese_ci', gb18030: 'gb18030_chinese_ci',
  sjis: 'sjis_japanese_ci', cp932: 'cp932_japanese_ci', ujis: 'ujis_japanese_ci', eucjpms: 'eucjpms_japanese_ci',
  euckr: 'euckr_korean_ci', tis620: 'tis620_thai_ci', hebrew: 'hebrew_general_ci', greek: 'greek_general_ci',
  koi8r: 'koi8r_general_ci', koi8u: 'koi8u_general_ci', cp1250: 'cp1250_general_ci', cp1251: 'cp1251_general_ci',
  cp1256: 'cp1256_general_ci', cp1257: 'cp1257_general_ci', dec8: 'dec8_swedish_ci', hp8: 'hp8_english_ci',
  swe7: 'swe7_swedish_ci', armscii8: 'armscii8_general_ci', geostd8: 'geostd8_general_ci', keybcs2: 'keybcs2_general_ci',
  macce: 'macce_general_ci', macroman: 'macroman_general_ci', cp850: 'cp850_general_ci', cp852: 'cp852_general_ci', cp866: 'cp866_general_ci',
};

/** the collation a charset gets when none is written (MySQL 8.0 made utf8mb4_0900_ai_ci the utf8mb4 default) */
export function defaultCollation(charset: string, target: Target): string | undefined {
  const c = charset.toLowerCase();
  if (c === 'utf8mb4') return target.flavor === 'mysql' && atLeast(target, 8) ? 'utf8mb4_0900_ai_ci' : 'utf8mb4_general_ci';
  if (DEFAULT_COLLATIONS[c]) return DEFAULT_COLLATIONS[c];
  return c in MAX_BYTES ? `${c}_general_ci` : undefined;
}
