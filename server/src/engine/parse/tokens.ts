// Tokens of one statement, with offsets into the ORIGINAL file. Comments are dropped. For SQL
// decoded from a string literal a position map turns local offsets into file offsets.
import { commentEnd, isQuote, isWhitespace, isWordChar, skipQuoted } from './lexer';

export type TokenKind = 'word' | 'ident' | 'string' | 'number' | 'variable' | 'punct';

export interface Token {
  kind: TokenKind;
  /** raw source text */
  text: string;
  /** words: upper-cased text; identifiers and strings: the decoded value; variables: name without @/@@ */
  value: string;
  /** offsets into the file */
  start: number;
  end: number;
  /** offsets into the text that was tokenized */
  localStart: number;
  localEnd: number;
}

/** local offsets → file offsets (identity for top-level text): where a character starts, where it ends */
export interface PositionMap {
  start(local: number): number;
  end(localLastChar: number): number;
}

const TWO_CHAR_PUNCT = new Set([':=', '<=', '>=', '<>', '!=', '||', '&&', '->', '<<', '>>']);
/** first characters of TWO_CHAR_PUNCT */
const TWO_CHAR_FIRST = new Set([58, 60, 62, 33, 124, 38, 45]);

/** bounded work: a statement is read up to this many tokens (a few hundred KB of SQL) */
export const MAX_TOKENS = 50_000;

export function tokenize(text: string, from: number, to: number, map?: PositionMap): Token[] {
  const tokens: Token[] = [];
  const startAt = map ? map.start : (k: number) => k;
  const endAt = map ? map.end : (k: number) => k + 1;
  let i = from;
  const push = (kind: TokenKind, s: number, e: number, value: string) => {
    tokens.push({ kind, text: text.slice(s, e), value, start: startAt(s), end: e > s ? endAt(e - 1) : startAt(s), localStart: s, localEnd: e });
  };
  while (i < to && tokens.length < MAX_TOKENS) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) {
      i++;
      continue;
    }
    const comment = c === 35 || c === 45 || c === 47 ? commentEnd(text, i) : -1;
    if (comment >= 0) {
      i = Math.min(comment, to);
      continue;
    }
    if (isQuote(c)) {
      const e = Math.min(skipQuoted(text, i), to);
      push(c === 96 ? 'ident' : 'string', i, e, decodeQuoted(text.slice(i, e)));
      i = e;
      continue;
    }
    if (c === 64) {
      // @var, @@var, @'quoted var'
      let j = i + 1;
      if (text.charCodeAt(j) === 64) j++;
      if (isQuote(text.charCodeAt(j))) {
        const e = Math.min(skipQuoted(text, j), to);
        push('variable', i, e, decodeQuoted(text.slice(j, e)));
        i = e;
        continue;
      }
      while (j < to && isWordChar(text.charCodeAt(j))) j++;
      push('variable', i, j, text.slice(i, j).replace(/^@@?/, ''));
      i = j;
      continue;
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < to && isWordChar(text.charCodeAt(j))) j++;
      const raw = text.slice(i, j);
      if (/^\d+$/.test(raw)) {
        // decimals and exponents: 1.5, 1e3, 2.5E-3
        let k = j;
        if (text[k] === '.' && /\d/.test(text[k + 1] ?? '')) {
          k++;
          while (k < to && /\d/.test(text[k])) k++;
        }
        const m = /^[eE][+-]?\d+/.exec(text.slice(k, Math.min(to, k + 12)));
        if (m) k += m[0].length;
        push('number', i, k, text.slice(i, k));
        i = k;
        continue;
      }
      push(/^\d+(\.\d+)?([eE]\d+)?$/.test(raw) ? 'number' : 'word', i, j, raw.toUpperCase());
      i = j;
      continue;
    }
    if (TWO_CHAR_FIRST.has(c) && i + 2 <= to) {
      const two = text.slice(i, i + 2);
      if (TWO_CHAR_PUNCT.has(two)) {
        push('punct', i, i + 2, two);
        i += 2;
        continue;
      }
    }
    const ch = text[i];
    push('punct', i, i + 1, ch);
    i++;
  }
  return tokens;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', Z: '\x1a' };

/** the value of a quoted run (quotes removed, escapes decoded) */
export function decodeQuoted(raw: string): string {
  return decodeWithMap(raw).value;
}

/**
 * Decodes a quoted literal and returns, for each character of the value, where it starts and
 * ends in `raw` (an escape is two characters), so text found inside can be mapped back.
 */
export function decodeWithMap(raw: string): { value: string; starts: number[]; ends: number[] } {
  const quote = raw[0];
  const backslash = quote !== '`';
  let value = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 1;
  const n = raw.length;
  while (i < n) {
    const ch = raw[i];
    if (ch === '\\' && backslash && i + 1 < n) {
      const next = raw[i + 1];
      value += ESCAPES[next] ?? next;
      starts.push(i);
      ends.push(i + 2);
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (raw[i + 1] === quote) {
        value += quote;
        starts.push(i);
        ends.push(i + 2);
        i += 2;
        continue;
      }
      break;
    }
    value += ch;
    starts.push(i);
    ends.push(i + 1);
    i++;
  }
  return { value, starts, ends };
}
