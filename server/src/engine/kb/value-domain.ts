// Each column type's value domain, as data, and whether every value of one type is a value of
// another ("lossless"). One table-driven model instead of case-by-case rules, so that
// change-column-type tells a widening from a narrowing the same way for every pair of types.
// Sources: the MySQL manual's data-type pages (numeric ranges and precision, string capacities in
// bytes or characters, temporal ranges and fractional seconds) and the MariaDB pages for INET4,
// INET6 and UUID; MySQL 9 VECTOR(n) is n 4-byte floats.
import type { DataType } from '../types';

export type Domain =
  /** integers and DECIMAL: every value × 10^scale is an integer in [min, max] */
  | { kind: 'exact'; min: bigint; max: bigint; scale: number }
  /** FLOAT / DOUBLE: `mantissa` significant bits; FLOAT(M,D) also rounds to D decimals below 10^(M−D) */
  | { kind: 'approx'; mantissa: 24 | 53; unsigned: boolean; digits?: number; scale?: number }
  | { kind: 'bits'; bits: number }
  /** strings: at most `chars` characters and `bytes` bytes in `charset` ('binary' for byte strings); CHAR strips trailing spaces, BINARY pads with zero bytes */
  | { kind: 'string'; chars: number; bytes: number; charset: string; pad: 'none' | 'space' | 'zero'; length?: number }
  | { kind: 'temporal'; type: 'DATE' | 'DATETIME' | 'TIMESTAMP' | 'TIME' | 'YEAR'; fsp: number }
  | { kind: 'members'; set: boolean; members: string[] }
  | { kind: 'opaque'; name: 'JSON' | 'INET4' | 'INET6' | 'UUID' | 'VECTOR'; size?: number };

const INTEGER_BYTES: Record<string, number> = { TINYINT: 1, SMALLINT: 2, MEDIUMINT: 3, INT: 4, BIGINT: 8 };
const TEXT_BYTES: Record<string, number> = { TINYTEXT: 255, TEXT: 65_535, MEDIUMTEXT: 16_777_215, LONGTEXT: 4_294_967_295, TINYBLOB: 255, BLOB: 65_535, MEDIUMBLOB: 16_777_215, LONGBLOB: 4_294_967_295 };
const ALIASES: Record<string, string> = { INTEGER: 'INT', NUMERIC: 'DECIMAL', DEC: 'DECIMAL', FIXED: 'DECIMAL', REAL: 'DOUBLE', BOOL: 'TINYINT', BOOLEAN: 'TINYINT', 'DOUBLE PRECISION': 'DOUBLE', LONG: 'MEDIUMTEXT' };

const TEN = (n: number): bigint => 10n ** BigInt(n);

function integerDomain(bytes: number, unsigned: boolean): Domain {
  const bits = BigInt(bytes * 8);
  return unsigned ? { kind: 'exact', min: 0n, max: 2n ** bits - 1n, scale: 0 } : { kind: 'exact', min: -(2n ** (bits - 1n)), max: 2n ** (bits - 1n) - 1n, scale: 0 };
}

/** the value domain of a column type; `charset` and its maximum bytes per character for character types */
export function domainOf(type: DataType, charset = 'utf8mb4', width = 4): Domain | undefined {
  const name = ALIASES[type.name.toUpperCase()] ?? type.name.toUpperCase();
  const unsigned = !!type.unsigned || !!type.zerofill;
  if (name in INTEGER_BYTES) return integerDomain(INTEGER_BYTES[name], unsigned);
  switch (name) {
    case 'DECIMAL': {
      const p = type.length ?? 10;
      const s = type.scale ?? 0;
      return { kind: 'exact', min: unsigned ? 0n : -(TEN(p) - 1n), max: TEN(p) - 1n, scale: s };
    }
    case 'FLOAT': case 'DOUBLE': {
      // FLOAT(p) with p > 24 is a DOUBLE; FLOAT(M,D)/DOUBLE(M,D) round to D decimals
      const mantissa = name === 'DOUBLE' || (type.scale === undefined && (type.length ?? 0) > 24) ? 53 : 24;
      const withScale = type.scale !== undefined ? { digits: type.length ?? 0, scale: type.scale } : {};
      return { kind: 'approx', mantissa, unsigned, ...withScale };
    }
    case 'BIT': return { kind: 'bits', bits: type.length ?? 1 };
    case 'CHAR': case 'VARCHAR': case 'NCHAR': case 'NVARCHAR': {
      const n = type.length ?? 1;
      const binary = type.charset?.toLowerCase() === 'binary';
      return { kind: 'string', chars: n, bytes: n * (binary ? 1 : width), charset: binary ? 'binary' : charset, pad: name.endsWith('VARCHAR') ? 'none' : 'space' };
    }
    case 'BINARY': return { kind: 'string', chars: type.length ?? 1, bytes: type.length ?? 1, charset: 'binary', pad: 'zero', length: type.length ?? 1 };
    case 'VARBINARY': return { kind: 'string', chars: type.length ?? 1, bytes: type.length ?? 1, charset: 'binary', pad: 'none' };
    case 'TINYTEXT': case 'TEXT': case 'MEDIUMTEXT': case 'LONGTEXT':
      // capacity in bytes: a single-byte charset holds as many characters as bytes
      return { kind: 'string', chars: TEXT_BYTES[name], bytes: TEXT_BYTES[name], charset, pad: 'none' };
    case 'TINYBLOB': case 'BLOB': case 'MEDIUMBLOB': case 'LONGBLOB':
      return { kind: 'string', chars: TEXT_BYTES[name], bytes: TEXT_BYTES[name], charset: 'binary', pad: 'none' };
    case 'DATE': case 'DATETIME': case 'TIMESTAMP': case 'TIME': case 'YEAR':
      return { kind: 'temporal', type: name, fsp: name === 'DATE' || name === 'YEAR' ? 0 : type.length ?? 0 };
    case 'ENUM': case 'SET': return { kind: 'members', set: name === 'SET', members: type.values ?? [] };
    case 'JSON': return { kind: 'opaque', name: 'JSON' };
    case 'INET4': case 'INET6': case 'UUID': return { kind: 'opaque', name };
    case 'VECTOR': return { kind: 'opaque', name: 'VECTOR', size: type.length ?? 2048 };
    default: return undefined;
  }
}

export interface Verdict {
  lossless: boolean;
  /** why not, for messages */
  why?: string;
}

const OK: Verdict = { lossless: true };
const lost = (why: string): Verdict => ({ lossless: false, why });

/** characters a value needs as text: its longest rendering (sign, digits, point, fractional seconds) */
function textLength(d: Domain): number | undefined {
  switch (d.kind) {
    case 'exact': {
      const digits = Math.max((d.max < 0n ? -d.max : d.max).toString().length, (d.min < 0n ? -d.min : d.min).toString().length);
      return digits + (d.min < 0n ? 1 : 0) + (d.scale > 0 ? 1 + (digits <= d.scale ? 1 : 0) : 0);
    }
    // FLOAT(M,D): sign, M digits and the point; otherwise the shortest text that reads back as the same
    // value: 9 (FLOAT) or 17 (DOUBLE) significant digits, sign, point and exponent (e-45 / e-308)
    case 'approx': return d.digits !== undefined ? d.digits + 1 + (d.scale ? 1 : 0) : d.mantissa === 24 ? 15 : 24;
    case 'temporal': {
      const base = { DATE: 10, DATETIME: 19, TIMESTAMP: 19, TIME: 10, YEAR: 4 }[d.type];
      return base + (d.fsp > 0 ? 1 + d.fsp : 0);
    }
    case 'members': return d.set ? d.members.reduce((n, m) => n + m.length, 0) + Math.max(0, d.members.length - 1) : Math.max(0, ...d.members.map((m) => m.length));
    case 'opaque': return d.name === 'INET4' ? 15 : d.name === 'INET6' ? 39 : d.name === 'UUID' ? 36 : undefined;
    default: return undefined;
  }
}

/** bytes one character of `from` takes in `to` (the repertoire of `from` re-encoded) */
function widthIn(from: string, to: string): number | undefined {
  const f = from === 'utf8' ? 'utf8mb3' : from;
  const t = to === 'utf8' ? 'utf8mb3' : to;
  const max: Record<string, number> = { ascii: 1, latin1: 1, utf8mb3: 3, utf8mb4: 4, ucs2: 2, utf16: 4, utf32: 4 };
  if (f === t) return max[f];
  if (f === 'ascii') return 1;
  if (f === 'latin1') return t === 'utf8mb3' || t === 'utf8mb4' ? 3 : t === 'utf16' || t === 'utf32' ? 4 : t === 'ucs2' ? 2 : undefined; // cp1252 has € etc.
  if (f === 'utf8mb3') return t === 'utf8mb4' ? 3 : t === 'utf16' || t === 'utf32' ? 4 : undefined;
  if (f === 'ucs2') return t === 'utf8mb3' ? 3 : t === 'utf8mb4' ? 3 : undefined;
  return undefined; // utf8mb4 → a smaller repertoire: not every character fits
}

function strings(from: Extract<Domain, { kind: 'string' }>, to: Extract<Domain, { kind: 'string' }>): Verdict {
  if (from.charset === 'binary' && to.charset !== 'binary') return lost('byte strings need not be valid characters');
  if (to.pad === 'space' && from.pad !== 'space') return lost('CHAR drops trailing spaces');
  if (to.pad === 'zero' && !(from.pad === 'zero' && from.length === to.length)) return lost('BINARY pads shorter values with zero bytes');
  const chars = Math.min(from.chars, from.bytes); // every supported charset has 1-byte characters
  if (to.charset === 'binary') return to.bytes >= from.bytes ? OK : lost(`${from.bytes} bytes do not fit in ${to.bytes}`);
  const width = widthIn(from.charset, to.charset);
  if (width === undefined) return lost(`${from.charset} characters that ${to.charset} cannot store`);
  if (to.chars < chars) return lost(`${chars} characters do not fit in ${to.chars}`);
  // the same charset needs at most the old byte capacity; another one re-encodes every character
  const needed = from.charset === to.charset ? Math.min(from.bytes, chars * width) : chars * width;
  return to.bytes >= needed ? OK : lost(`up to ${needed} bytes do not fit in ${to.bytes}`);
}

function exactInto(from: Extract<Domain, { kind: 'exact' }>, to: Domain): Verdict {
  switch (to.kind) {
    case 'exact': {
      if (to.scale < from.scale) return lost(`${from.scale} decimals do not fit in ${to.scale}`);
      const k = TEN(to.scale - from.scale);
      if (from.min * k < to.min) return lost(from.min < 0n && to.min === 0n ? 'negative values do not fit an UNSIGNED type' : 'the smallest values do not fit');
      return from.max * k <= to.max ? OK : lost('the largest values do not fit');
    }
    case 'approx': {
      if (to.unsigned && from.min < 0n) return lost('negative values do not fit an UNSIGNED type');
      const big = from.max > -from.min ? from.max : -from.min;
      if (to.scale !== undefined && (to.scale < from.scale || big >= TEN(to.digits! - to.scale + from.scale))) return lost(`FLOAT(${to.digits},${to.scale}) rounds or limits the values`);
      return from.scale === 0 && big <= 2n ** BigInt(to.mantissa) ? OK : lost(`${to.mantissa === 24 ? 'FLOAT' : 'DOUBLE'} cannot represent every value exactly`);
    }
    case 'bits': return from.scale === 0 && from.min >= 0n && from.max < 2n ** BigInt(to.bits) ? OK : lost(`BIT(${to.bits}) holds only 0 … 2^${to.bits}−1`);
    case 'temporal': return lost('numbers are not dates or times');
    default: return toText(from, to);
  }
}

function approxInto(from: Extract<Domain, { kind: 'approx' }>, to: Domain): Verdict {
  if (to.kind === 'approx') {
    if (to.mantissa < from.mantissa) return lost('DOUBLE values lose precision as FLOAT');
    if (to.unsigned && !from.unsigned) return lost('negative values do not fit an UNSIGNED type');
    if (to.scale === undefined) return OK;
    if (from.scale === undefined || to.scale < from.scale || to.digits! - to.scale < from.digits! - from.scale) return lost(`FLOAT(${to.digits},${to.scale}) rounds or limits the values`);
    return OK;
  }
  if (to.kind === 'string') return toText(from, to);
  return lost('floating-point values are not exact');
}

function toText(from: Domain, to: Domain): Verdict {
  if (to.kind !== 'string') return lost('a different kind of value');
  const n = textLength(from);
  if (n === undefined) return lost('no fixed text form');
  if (to.pad === 'zero') return lost('BINARY pads shorter values with zero bytes');
  return to.chars >= n && to.bytes >= n ? OK : lost(`values need up to ${n} characters, the new type holds ${to.chars}`);
}

const DATE_RANGE: Record<'DATE' | 'DATETIME' | 'TIMESTAMP', number> = { DATE: 0, DATETIME: 0, TIMESTAMP: 1 }; // 1: 1970–2038 only

function temporalInto(from: Extract<Domain, { kind: 'temporal' }>, to: Domain): Verdict {
  if (to.kind === 'string') return toText(from, to);
  if ((to.kind === 'exact' || to.kind === 'approx' || to.kind === 'bits') && from.type === 'YEAR') return exactInto({ kind: 'exact', min: 0n, max: 2155n, scale: 0 }, to);
  if (to.kind !== 'temporal') return lost('dates and times are not numbers');
  if (to.fsp < from.fsp) return lost(`fractional seconds ${from.fsp} → ${to.fsp} digits`);
  if (from.type === to.type) return OK;
  if (from.type === 'TIME' || to.type === 'TIME' || to.type === 'YEAR' || from.type === 'YEAR') return lost(`${from.type} values are not ${to.type} values`);
  if (to.type === 'DATE') return lost('the time of day is cut off');
  return DATE_RANGE[to.type] <= DATE_RANGE[from.type] ? OK : lost('TIMESTAMP holds only 1970–2038');
}

function opaqueInto(from: Extract<Domain, { kind: 'opaque' }>, to: Domain): Verdict {
  if (to.kind === 'opaque') {
    if (from.name === to.name) return from.size === to.size ? OK : lost(`VECTOR(${from.size}) values are not VECTOR(${to.size}) values`);
    return from.name === 'INET4' && to.name === 'INET6' ? OK : lost(`${from.name} values are not ${to.name} values`);
  }
  if (to.kind !== 'string') return lost(`${from.name} values are not numbers or dates`);
  if (from.name === 'JSON') return to.pad === 'none' && to.bytes >= TEXT_BYTES.LONGTEXT ? OK : lost('JSON documents can be up to 4 GB');
  if (to.charset === 'binary') {
    const bytes = from.name === 'VECTOR' ? 4 * (from.size ?? 0) : from.name === 'INET4' ? 4 : 16;
    return to.bytes >= bytes && (to.pad === 'none' || to.length === bytes) ? OK : lost(`${bytes} bytes do not fit`);
  }
  return toText(from, to);
}

/** whether every value of `from` is also a value of `to`, unchanged */
export function holdsEveryValue(from: Domain, to: Domain): Verdict {
  switch (from.kind) {
    case 'exact': return exactInto(from, to);
    case 'approx': return approxInto(from, to);
    case 'bits':
      if (to.kind === 'bits') return to.bits >= from.bits ? OK : lost(`BIT(${from.bits}) → BIT(${to.bits})`);
      // a BIT value as text is its bytes, not its digits
      if (to.kind === 'exact' || to.kind === 'approx') return exactInto({ kind: 'exact', min: 0n, max: 2n ** BigInt(from.bits) - 1n, scale: 0 }, to);
      return lost('bit values are not text');
    case 'string':
      if (to.kind === 'string') return strings(from, to);
      if (to.kind === 'opaque' && to.name === 'JSON') return lost('text need not be a JSON document');
      return lost('text need not be a number, date or address');
    case 'temporal': return temporalInto(from, to);
    case 'members':
      if (to.kind === 'members') return to.set === from.set && from.members.every((m) => to.members.includes(m)) ? OK : lost('members are missing');
      return toText(from, to);
    case 'opaque': return opaqueInto(from, to);
  }
}
