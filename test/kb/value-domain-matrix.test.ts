// The value-domain model against the manual's data-type pages, over every ordered pair of the
// column types below. The expected answer is computed independently of the model: each type lists
// its extreme values as the manual gives them (ranges, precision, capacities in bytes or
// characters, padding), and "lossless" means every extreme value of the old type is a value of
// the new type. The model instead compares domains (intervals, capacities). Sources:
// https://dev.mysql.com/doc/refman/8.0/en/integer-types.html, …/fixed-point-types.html,
// …/floating-point-types.html, …/bit-type.html, …/storage-requirements.html,
// …/char.html, …/binary-varbinary.html, …/blob.html, …/datetime.html, …/time.html, …/year.html,
// MariaDB INET4/INET6/UUID pages, https://dev.mysql.com/doc/refman/9.0/en/vector.html.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { domainOf, holdsEveryValue } from '../../server/src/engine/kb/value-domain';
import type { DataType } from '../../server/src/engine/types';

/** a value of some column: what the manual says such a value can be */
type Value =
  | { kind: 'number'; text: string } // an exact decimal number
  /** a binary floating-point value (as stored); a FLOAT(M,D) value also has its display format */
  | { kind: 'float'; value: number; digits?: number; scale?: number }
  | { kind: 'bits'; value: bigint; width: number }
  /** `count` characters of one class, stored in `charset` (cp1252: '€', 'é'; bmp: 3 bytes in UTF-8 and not in cp1252; emoji: 4 bytes; byte: any byte) */
  | { kind: 'string'; chars: Chars; count: number; charset: string; trailing?: 'space' | 'zero' }
  | { kind: 'temporal'; type: 'date' | 'datetime' | 'time' | 'year'; text: string }
  | { kind: 'special'; type: 'JSON' | 'INET4' | 'INET6' | 'UUID' | 'VECTOR'; size: number; textLength: number };

type Chars = 'ascii' | 'cp1252' | 'bmp' | 'emoji' | 'byte';

interface Case {
  label: string;
  type: DataType;
  charset: string;
  samples: Value[];
  holds(v: Value): boolean;
}

// ---- numbers as exact rationals -------------------------------------------------------------
function rational(text: string): { num: bigint; den: bigint } {
  const neg = text.startsWith('-');
  const [i, f = ''] = text.replace('-', '').split('.');
  const num = BigInt(i + f) * (neg ? -1n : 1n);
  return { num, den: 10n ** BigInt(f.length) };
}

/** exact decimal text with at most `scale` fraction digits and |v| < 10^(precision−scale) */
function fitsDecimal(text: string, precision: number, scale: number, unsigned: boolean): boolean {
  const neg = text.startsWith('-');
  const [i, f = ''] = text.replace('-', '').split('.');
  const frac = f.replace(/0+$/, '');
  const int = i.replace(/^0+/, '');
  return !(unsigned && neg && (int !== '' || frac !== '')) && frac.length <= scale && int.length <= precision - scale;
}

/** the exact decimal expansion of a binary floating-point value */
function floatText(v: number): string {
  if (!Number.isFinite(v)) return 'NaN';
  const neg = v < 0;
  let x = Math.abs(v);
  let exp = 0;
  while (x !== Math.floor(x)) {
    x *= 2;
    exp++;
  }
  let num = BigInt(x);
  // num / 2^exp = num * 5^exp / 10^exp
  num *= 5n ** BigInt(exp);
  const s = num.toString().padStart(exp + 1, '0');
  const text = exp > 0 ? `${s.slice(0, s.length - exp)}.${s.slice(s.length - exp)}` : s;
  return `${neg ? '-' : ''}${text}`;
}

/** an exact rational is a binary float with `bits` significant bits (and in range) */
function representable(text: string, bits: number): boolean {
  let { num, den } = rational(text);
  if (num < 0n) num = -num;
  while (den % 2n === 0n && num % 2n === 0n) {
    num /= 2n;
    den /= 2n;
  }
  while (den % 5n === 0n && num % 5n === 0n) {
    num /= 5n;
    den /= 5n;
  }
  let d = den;
  while (d % 2n === 0n) d /= 2n;
  if (d !== 1n) return false; // 0.1 has no finite binary expansion
  while (num > 0n && num % 2n === 0n) num /= 2n;
  const maxExp = bits === 24 ? 128 : 1024;
  return num < 2n ** BigInt(bits) && BigInt(text.replace('-', '').split('.')[0].length) <= BigInt(Math.ceil(maxExp * 0.30103) + 1);
}

function numberText(v: Value): string | undefined {
  if (v.kind === 'number') return v.text;
  if (v.kind === 'float') return floatText(v.value);
  if (v.kind === 'bits') return v.value.toString();
  if (v.kind === 'temporal' && v.type === 'year') return v.text;
  return undefined;
}

// ---- type cases -------------------------------------------------------------------------------
const T = (name: string, extra: Partial<DataType> = {}): DataType => ({ name, text: name, ...extra });

function integer(name: string, min: string, max: string, unsigned = false): Case {
  return {
    label: `${name}${unsigned ? ' UNSIGNED' : ''}`,
    type: T(name, { unsigned }),
    charset: 'binary',
    samples: [{ kind: 'number', text: min }, { kind: 'number', text: max }],
    holds: (v) => {
      const t = numberText(v);
      if (t === undefined || t.includes('.') && !/\.0*$/.test(t)) return false;
      const n = BigInt(t.split('.')[0]);
      return n >= BigInt(min) && n <= BigInt(max);
    },
  };
}

function decimal(p: number, s: number, unsigned = false): Case {
  const nines = '9'.repeat(p - s) + (s > 0 ? `.${'9'.repeat(s)}` : '');
  const tiny = s > 0 ? `0.${'0'.repeat(s - 1)}1` : '1';
  return {
    label: `DECIMAL(${p},${s})${unsigned ? ' UNSIGNED' : ''}`,
    type: T('DECIMAL', { length: p, scale: s, unsigned }),
    charset: 'binary',
    samples: [{ kind: 'number', text: nines }, { kind: 'number', text: unsigned ? '0' : `-${nines}` }, { kind: 'number', text: tiny }],
    holds: (v) => {
      const t = numberText(v);
      return t !== undefined && fitsDecimal(t, p, s, unsigned);
    },
  };
}

/** FLOAT/DOUBLE [(M,D)] [UNSIGNED]: stored binary values, rounded to D decimals below 10^(M−D) when M,D are given */
function float(bits: 24 | 53, opts: { m?: number; d?: number; unsigned?: boolean } = {}): Case {
  const round = bits === 24 ? Math.fround : (x: number) => x;
  const max = bits === 24 ? 3.4028234663852886e38 : Number.MAX_VALUE;
  const min = bits === 24 ? 1.401298464324817e-45 : Number.MIN_VALUE;
  const { m, d, unsigned = false } = opts;
  const samples: Value[] = m !== undefined && d !== undefined
    ? [round(Number('9'.repeat(m - d) + '.' + '9'.repeat(d))), round(Number(`0.${'0'.repeat(d - 1)}1`))].flatMap((x) => (unsigned ? [x] : [x, -x])).map((value) => ({ kind: 'float', value, digits: m, scale: d }))
    : [max, min, round(0.1)].flatMap((x) => (unsigned ? [x] : [x, -x])).map((value) => ({ kind: 'float', value }));
  const name = bits === 24 ? 'FLOAT' : 'DOUBLE';
  return {
    label: `${name}${m !== undefined ? `(${m},${d})` : ''}${unsigned ? ' UNSIGNED' : ''}`,
    type: T(name, { ...(m !== undefined ? { length: m, scale: d } : {}), unsigned }),
    charset: 'binary',
    samples,
    holds: (v) => {
      const t = numberText(v);
      if (t === undefined || v.kind === 'bits' && false) return false;
      if (unsigned && t.startsWith('-')) return false;
      if (!representable(t, bits)) return false;
      if (m === undefined || d === undefined) return true;
      // a FLOAT(M,D) value is its D-decimal display value: it fits where those digits fit
      if (v.kind === 'float' && v.scale !== undefined) return v.scale <= d && v.digits! - v.scale <= m - d;
      const x = Number(t);
      return Math.abs(x) < 10 ** (m - d) && round(Number(x.toFixed(d))) === x;
    },
  };
}

function bit(n: number): Case {
  return {
    label: `BIT(${n})`,
    type: T('BIT', { length: n }),
    charset: 'binary',
    samples: [{ kind: 'bits', value: 2n ** BigInt(n) - 1n, width: n }, { kind: 'bits', value: 0n, width: n }],
    holds: (v) => {
      if (v.kind === 'bits') return v.value < 2n ** BigInt(n);
      const t = numberText(v); // a number is stored as its bits
      return t !== undefined && /^\d+$/.test(t) && BigInt(t) < 2n ** BigInt(n);
    },
  };
}

// strings: bytes of one character of a class in a charset (undefined: not in its repertoire)
function charBytes(chars: Chars, charset: string): number | undefined {
  if (chars === 'byte') return charset === 'binary' ? 1 : undefined; // an arbitrary byte is not a character
  if (chars === 'ascii') return 1;
  if (charset === 'latin1') return chars === 'cp1252' ? 1 : undefined;
  if (charset === 'utf8mb3') return chars === 'emoji' ? undefined : 3;
  if (charset === 'utf8mb4') return chars === 'emoji' ? 4 : 3;
  return undefined;
}

/** bytes of a character stored in `target`: its own encoding when the target is a byte string */
function storedBytes(chars: Chars, source: string, target: string): number | undefined {
  return target === 'binary' ? charBytes(chars, source) : charBytes(chars, target);
}

/** the longest text form of a binary float: a FLOAT(M,D) prints M digits; otherwise the shortest
 * text that reads back as the same value has up to 9 (FLOAT) or 17 (DOUBLE) significant digits
 * (C's FLT_DECIMAL_DIG / DBL_DECIMAL_DIG), plus sign, point and a 2- or 3-digit negative exponent */
function floatTextLength(v: Extract<Value, { kind: 'float' }>): number {
  if (v.digits !== undefined) return (v.value < 0 ? 1 : 0) + v.digits + (v.scale ? 1 : 0);
  const single = Math.fround(v.value) === v.value;
  return (v.value < 0 ? 1 : 0) + (single ? 9 : 17) + 1 + (single ? 4 : 5);
}

/** the text of non-string values (numbers, dates, addresses) */
function asText(v: Value): { chars: Chars; count: number; charset: string; trailing?: 'space' | 'zero' } | undefined {
  if (v.kind === 'string') return v;
  if (v.kind === 'number') return { chars: 'ascii', count: v.text.length, charset: 'ascii' };
  if (v.kind === 'float') return { chars: 'ascii', count: floatTextLength(v), charset: 'ascii' };
  if (v.kind === 'temporal') return { chars: 'ascii', count: v.text.length, charset: 'ascii' };
  if (v.kind === 'special' && v.type !== 'VECTOR') return v.type === 'JSON' ? { chars: 'emoji', count: v.textLength, charset: 'utf8mb4' } : { chars: 'ascii', count: v.textLength, charset: 'ascii' };
  return undefined;
}

/** CHAR/VARCHAR/TEXT (characters, or bytes for TEXT) and BINARY/VARBINARY/BLOB (bytes) */
function stringType(label: string, type: DataType, charset: string, capacity: { chars?: number; bytes?: number }, pad: 'none' | 'space' | 'zero'): Case {
  const binary = charset === 'binary';
  const maxChars = capacity.chars ?? capacity.bytes!;
  const samples: Value[] = [];
  if (pad === 'zero') samples.push({ kind: 'string', chars: 'byte', count: capacity.bytes!, charset, trailing: 'zero' });
  else if (binary) samples.push({ kind: 'string', chars: 'byte', count: capacity.bytes!, charset }, { kind: 'string', chars: 'ascii', count: 1, charset });
  else {
    samples.push({ kind: 'string', chars: 'ascii', count: maxChars, charset });
    const wide: Chars[] = charset === 'latin1' ? ['cp1252'] : charset === 'utf8mb3' ? ['cp1252', 'bmp'] : ['cp1252', 'bmp', 'emoji'];
    for (const w of wide) {
      const width = charBytes(w, charset)!;
      samples.push({ kind: 'string', chars: w, count: Math.min(maxChars, Math.floor((capacity.bytes ?? maxChars * width) / width)), charset });
    }
    if (pad === 'none') samples.push({ kind: 'string', chars: 'ascii', count: 2, charset, trailing: 'space' });
  }
  return {
    label,
    type,
    charset,
    samples,
    holds: (v) => {
      if (v.kind === 'bits' || (v.kind === 'special' && v.type === 'VECTOR' && !binary)) return false;
      if (v.kind === 'special' && v.type === 'VECTOR') return pad !== 'zero' ? 4 * v.size <= capacity.bytes! : 4 * v.size === capacity.bytes;
      if (binary && v.kind === 'special' && (v.type === 'INET4' || v.type === 'INET6' || v.type === 'UUID')) {
        const bytes = v.type === 'INET4' ? 4 : 16;
        return pad === 'zero' ? capacity.bytes === bytes : bytes <= capacity.bytes!;
      }
      const s = asText(v);
      if (!s) return false;
      if (pad === 'space' && s.trailing === 'space') return false; // CHAR strips trailing spaces
      if (pad === 'zero' && !(s.trailing === 'zero' && s.count === capacity.bytes)) return false; // BINARY pads to its length
      const width = storedBytes(s.chars, s.charset, charset);
      if (width === undefined) return false;
      if (capacity.chars !== undefined && s.count > capacity.chars) return false;
      return capacity.bytes === undefined || s.count * width <= capacity.bytes;
    },
  };
}

const WIDTH: Record<string, number> = { latin1: 1, utf8mb3: 3, utf8mb4: 4, binary: 1 };
const chr = (name: string, n: number, charset: string, pad: 'none' | 'space') => stringType(`${name}(${n}) ${charset}`, T(name, { length: n }), charset, { chars: n, bytes: n * WIDTH[charset] }, pad);
const text = (name: string, bytes: number, charset: string) => stringType(`${name} ${charset}`, T(name), charset, { bytes }, 'none');
const bin = (name: string, n: number, pad: 'none' | 'zero') => stringType(`${name}(${n})`, T(name, { length: n }), 'binary', { bytes: n }, pad);
const blob = (name: string, bytes: number) => stringType(name, T(name), 'binary', { bytes }, 'none');

function temporal(name: string, fsp: number, samples: string[], holds: (v: Value) => boolean): Case {
  const kind = name === 'DATE' ? 'date' : name === 'TIME' ? 'time' : name === 'YEAR' ? 'year' : 'datetime';
  return { label: fsp ? `${name}(${fsp})` : name, type: T(name, fsp ? { length: fsp } : {}), charset: 'binary', samples: samples.map((text) => ({ kind: 'temporal', type: kind, text })), holds };
}

const fraction = (t: string) => (t.split('.')[1] ?? '').length;
function dateTimeHolds(fsp: number, from: string, to: string, dateOnly: boolean) {
  return (v: Value) => {
    if (v.kind !== 'temporal' || (v.type !== 'date' && v.type !== 'datetime')) return false;
    if (dateOnly) return v.type === 'date';
    const full = v.type === 'date' ? `${v.text} 00:00:00` : v.text;
    return fraction(full) <= fsp && full.slice(0, 19) >= from && full.slice(0, 19) <= to;
  };
}
const timeHolds = (fsp: number) => (v: Value) => v.kind === 'temporal' && v.type === 'time' && fraction(v.text) <= fsp;

function special(type: 'JSON' | 'INET4' | 'INET6' | 'UUID' | 'VECTOR', size = 0): Case {
  const textLength = { JSON: 4_294_967_295 / 4, INET4: 15, INET6: 39, UUID: 36, VECTOR: 0 }[type];
  return {
    label: type === 'VECTOR' ? `VECTOR(${size})` : type,
    type: T(type, type === 'VECTOR' ? { length: size } : {}),
    charset: 'binary',
    samples: [{ kind: 'special', type, size, textLength }],
    holds: (v) => v.kind === 'special' && (v.type === type ? v.size === size : type === 'INET6' && v.type === 'INET4'),
  };
}

const CASES: Case[] = [
  integer('TINYINT', '-128', '127'), integer('TINYINT', '0', '255', true),
  integer('SMALLINT', '-32768', '32767'), integer('SMALLINT', '0', '65535', true),
  integer('MEDIUMINT', '-8388608', '8388607'), integer('MEDIUMINT', '0', '16777215', true),
  integer('INT', '-2147483648', '2147483647'), integer('INT', '0', '4294967295', true),
  integer('BIGINT', '-9223372036854775808', '9223372036854775807'), integer('BIGINT', '0', '18446744073709551615', true),
  decimal(5, 2), decimal(10, 2), decimal(10, 4), decimal(12, 2), decimal(10, 2, true), decimal(20, 0), decimal(30, 0),
  float(24), float(53), float(24, { unsigned: true }), float(53, { unsigned: true }),
  float(24, { m: 7, d: 4 }), float(24, { m: 7, d: 2 }), float(53, { m: 12, d: 4 }),
  bit(1), bit(8), bit(16),
  chr('CHAR', 10, 'utf8mb4', 'space'), chr('CHAR', 40, 'utf8mb4', 'space'), chr('VARCHAR', 10, 'utf8mb4', 'none'), chr('VARCHAR', 40, 'utf8mb4', 'none'),
  chr('VARCHAR', 255, 'utf8mb4', 'none'), chr('VARCHAR', 300, 'latin1', 'none'), chr('VARCHAR', 64, 'utf8mb3', 'none'), chr('VARCHAR', 16383, 'utf8mb4', 'none'),
  text('TINYTEXT', 255, 'utf8mb4'), text('TEXT', 65_535, 'utf8mb4'), text('TEXT', 65_535, 'latin1'), text('MEDIUMTEXT', 16_777_215, 'utf8mb4'), text('LONGTEXT', 4_294_967_295, 'utf8mb4'),
  bin('BINARY', 16, 'zero'), bin('BINARY', 20, 'zero'), bin('VARBINARY', 16, 'none'), bin('VARBINARY', 255, 'none'), bin('VARBINARY', 12, 'none'),
  blob('TINYBLOB', 255), blob('BLOB', 65_535), blob('MEDIUMBLOB', 16_777_215), blob('LONGBLOB', 4_294_967_295),
  temporal('DATE', 0, ['1000-01-01', '9999-12-31'], dateTimeHolds(0, '', '', true)),
  temporal('DATETIME', 0, ['1000-01-01 00:00:00', '9999-12-31 23:59:59'], dateTimeHolds(0, '1000-01-01 00:00:00', '9999-12-31 23:59:59', false)),
  temporal('DATETIME', 3, ['1000-01-01 00:00:00.000', '9999-12-31 23:59:59.999'], dateTimeHolds(3, '1000-01-01 00:00:00', '9999-12-31 23:59:59', false)),
  temporal('TIMESTAMP', 0, ['1970-01-01 00:00:01', '2038-01-19 03:14:07'], dateTimeHolds(0, '1970-01-01 00:00:01', '2038-01-19 03:14:07', false)),
  temporal('TIMESTAMP', 6, ['1970-01-01 00:00:01.000000', '2038-01-19 03:14:07.999999'], dateTimeHolds(6, '1970-01-01 00:00:01', '2038-01-19 03:14:07', false)),
  temporal('TIME', 0, ['-838:59:59', '838:59:59'], timeHolds(0)),
  temporal('TIME', 3, ['-838:59:58.999', '838:59:58.999'], timeHolds(3)),
  temporal('YEAR', 0, ['1901', '2155'], (v) => v.kind === 'temporal' && v.type === 'year'),
  special('JSON'), special('INET4'), special('INET6'), special('UUID'), special('VECTOR', 3), special('VECTOR', 4),
];

function modelSays(from: Case, to: Case): boolean {
  const d = (c: Case) => domainOf(c.type, c.charset === 'binary' ? 'binary' : c.charset, WIDTH[c.charset] ?? 4);
  const a = d(from);
  const b = d(to);
  assert.ok(a && b, `no domain for ${from.label} or ${to.label}`);
  return holdsEveryValue(a, b).lossless;
}

test('value-domain model: every pair of column types agrees with the manual\'s ranges and capacities', () => {
  const wrong: string[] = [];
  let pairs = 0;
  for (const from of CASES) {
    for (const to of CASES) {
      if (from === to) continue;
      pairs++;
      const expected = from.samples.every((v) => to.holds(v));
      const model = modelSays(from, to);
      if (expected !== model) wrong.push(`${from.label} → ${to.label}: manual says ${expected ? 'lossless' : 'lossy'}, model ${model ? 'lossless' : 'lossy'}`);
    }
  }
  console.log(`# value-domain matrix: ${CASES.length} types, ${pairs} type pairs checked, ${pairs - wrong.length} agree`);
  assert.deepEqual(wrong, []);
});

test('value-domain model: the conversions named in the manual', () => {
  const byLabel = new Map(CASES.map((c) => [c.label, c]));
  const say = (a: string, b: string) => modelSays(byLabel.get(a)!, byLabel.get(b)!);
  // widenings
  assert.equal(say('INT', 'BIGINT'), true);
  assert.equal(say('INT UNSIGNED', 'BIGINT'), true);
  assert.equal(say('DECIMAL(10,2) UNSIGNED', 'DECIMAL(10,2)'), true);
  assert.equal(say('FLOAT UNSIGNED', 'FLOAT'), true);
  assert.equal(say('TINYBLOB', 'VARBINARY(255)'), true);
  assert.equal(say('VARBINARY(255)', 'TINYBLOB'), true);
  assert.equal(say('VARCHAR(300) latin1', 'TEXT latin1'), true);
  assert.equal(say('INET4', 'INET6'), true);
  assert.equal(say('DATE', 'DATETIME'), true);
  // narrowings
  assert.equal(say('INT', 'INT UNSIGNED'), false);
  assert.equal(say('FLOAT(7,4)', 'FLOAT(7,2)'), false);
  assert.equal(say('DOUBLE', 'FLOAT'), false);
  assert.equal(say('BIT(16)', 'BIT(8)'), false);
  assert.equal(say('VARBINARY(16)', 'VARCHAR(40) utf8mb4'), false);
  assert.equal(say('VARBINARY(16)', 'BINARY(16)'), false);
  assert.equal(say('BINARY(16)', 'BINARY(20)'), false);
  assert.equal(say('VARCHAR(300) latin1', 'TINYTEXT utf8mb4'), false);
  assert.equal(say('VECTOR(4)', 'VECTOR(3)'), false);
});
