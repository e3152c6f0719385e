// Splits a file into statements with exact offsets, as the mysql client would: comments, quotes,
// DELIMITER lines with any delimiter, `\G`, client commands, `USE db` without a delimiter, and
// CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT bodies written without a DELIMITER line (BEGIN … END
// nesting is tracked). Linear: a body left open at the end of the file is re-split once at its
// first delimiter and nesting is no longer tracked for the rest of the file.
// What makes the rest of the file unreadable is marked (`unclosed`) rather than swallowed: a quote or
// `/*` never closed, and a custom delimiter that never ends a statement holding several `;` ones.
import { commentEnd, isQuote, isUnclosedComment, isWhitespace, isWordChar, lineEnd, quotedEnd, skipQuoted, wordAt } from './lexer';

export interface RawStatement {
  /** offsets into the text, without the delimiter and surrounding whitespace/comments */
  start: number;
  end: number;
  /** the delimiter in force when the statement was read */
  delimiter: string;
  /** set when the statement runs to the end of the file because something in it is never closed */
  unclosed?: Unclosed;
}

export interface Unclosed {
  /** `string`: a `'` or `"` quote; `identifier`: a backtick; `delimiter`: the custom delimiter never ends the statement */
  what: 'string' | 'identifier' | 'comment' | 'delimiter';
  /** offset of the opening quote or `/*`; for `delimiter`, the statement's start */
  at: number;
}

export function splitStatements(text: string): RawStatement[] {
  const out: RawStatement[] = [];
  const n = text.length;
  let delimiter = ';';
  let trackBlocks = true;
  let i = 0;
  while (i < n) {
    i = triviaEnd(text, i);
    if (i >= n) break;
    if (isUnclosedComment(text, i)) {
      out.push({ start: i, end: trimmedEnd(text, i), delimiter, unclosed: { what: 'comment', at: i } });
      break;
    }
    if (wordAt(text, i, 'DELIMITER') && (text[i + 9] === ' ' || text[i + 9] === '\t')) {
      const eol = lineEnd(text, i);
      const word = text.slice(i + 10, eol).trim().split(/\s+/)[0] ?? '';
      if (word) delimiter = word;
      i = eol;
      continue;
    }
    if (isClientCommand(text, i)) {
      i = lineEnd(text, i);
      continue;
    }
    const compound = trackBlocks && delimiter === ';' && startsCompound(text, i);
    const result = scanStatement(text, i, delimiter, compound);
    if (result.unclosedBlock) {
      trackBlocks = false;
      const plain = scanStatement(text, i, delimiter, false);
      out.push({ start: i, end: plain.end, delimiter });
      i = plain.next;
      continue;
    }
    if (result.unclosed) {
      out.push({ start: i, end: result.end, delimiter, unclosed: result.unclosed });
      break;
    }
    if ((result.next >= n || result.beforeUnclosedComment) && delimiter !== ';' && holdsSeveralStatements(text, i, result.end)) {
      out.push({ start: i, end: result.end, delimiter, unclosed: { what: 'delimiter', at: i } });
      i = result.next;
      continue;
    }
    if (result.end > i) out.push({ start: i, end: result.end, delimiter });
    i = result.next;
  }
  return out;
}

/** whitespace and comments */
export function skipTrivia(text: string, i: number): number {
  const end = triviaEnd(text, i);
  return end < text.length && isUnclosedComment(text, end) ? text.length : end;
}

/** whitespace and closed comments: stops at a `/*` that is never closed */
function triviaEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) {
      i++;
      continue;
    }
    const end = commentEnd(text, i);
    if (end < 0 || (end === n && isUnclosedComment(text, i))) return i;
    i = end;
  }
  return i;
}

/** end of the last non-whitespace character at or after `from` */
function trimmedEnd(text: string, from: number): number {
  let end = text.length;
  while (end > from && isWhitespace(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Whether the text from `start` to `end` (the end of the file) reads as more than one statement with
 * the default delimiter: a custom delimiter left in force by mistake (the `DELIMITER ;` line
 * forgotten) runs them all together. A routine body (BEGIN … END) counts as one.
 */
function holdsSeveralStatements(text: string, start: number, end: number): boolean {
  const first = scanStatement(text, start, ';', startsCompound(text, start));
  return !first.unclosedBlock && first.next < end && triviaEnd(text, first.next) < end;
}

function isClientCommand(text: string, i: number): boolean {
  if (text[i] === '\\') return true;
  return wordAt(text, i, 'SOURCE') && /^[ \t]+\S/.test(text.slice(i + 6, i + 8));
}

interface ScanResult {
  /** end of the statement's last significant character */
  end: number;
  /** where scanning resumes */
  next: number;
  unclosedBlock: boolean;
  /** a quote never closed: the statement runs to the end of the file */
  unclosed?: Unclosed;
  /** no delimiter ended the statement: a `/*` never closed follows it (`next`) */
  beforeUnclosedComment?: boolean;
}

const BLOCK_STATEMENT_PREV = new Set([';', 'BEGIN', 'ATOMIC', 'THEN', 'ELSE', 'DO', ':', 'LOOP', 'REPEAT', 'ROW']);
/** statements that open a block when they start a statement (IF( and REPEAT( elsewhere are functions) */
const BLOCK_OPENERS = new Set(['IF', 'WHILE', 'LOOP', 'REPEAT']);
const END_SUFFIXES = new Set(['IF', 'CASE', 'LOOP', 'WHILE', 'REPEAT']);

function scanStatement(text: string, start: number, delimiter: string, compound: boolean): ScanResult {
  const n = text.length;
  const isUse = wordAt(text, start, 'USE');
  let lastSignificant = start;
  let depth = 0;
  let prev = '';
  let afterEnd = false;
  const delimiterFirst = delimiter.charCodeAt(0);
  const plainRun = compound || isUse ? undefined : plainRunPattern(delimiter);
  let i = start;
  while (i < n) {
    if (plainRun) {
      // skip characters that cannot end the statement or start a quote/comment
      plainRun.lastIndex = i;
      if (plainRun.test(text)) {
        let last = plainRun.lastIndex;
        while (last > i && isWhitespace(text.charCodeAt(last - 1))) last--;
        if (last > i) lastSignificant = last;
        i = plainRun.lastIndex;
        if (i >= n) break;
      }
    }
    const c = text.charCodeAt(i);
    if (c === delimiterFirst && depth === 0 && text.startsWith(delimiter, i)) {
      return { end: lastSignificant, next: i + delimiter.length, unclosedBlock: false };
    }
    if (isQuote(c)) {
      const close = quotedEnd(text, i);
      if (close < 0) return { end: trimmedEnd(text, i), next: n, unclosedBlock: false, unclosed: { what: c === 96 ? 'identifier' : 'string', at: i } };
      i = close;
      lastSignificant = i;
      prev = 'quoted';
      afterEnd = false;
      continue;
    }
    if (isWhitespace(c)) {
      if (isUse && (c === 10 || c === 13)) return { end: lastSignificant, next: i, unclosedBlock: false };
      i++;
      continue;
    }
    const comment = c === 35 || c === 45 || c === 47 ? commentEnd(text, i) : -1;
    if (comment >= 0) {
      // the statement ends before a comment that runs to the end of the file; the comment is reported on its own
      if (comment === n && isUnclosedComment(text, i)) return { end: lastSignificant, next: i, unclosedBlock: depth > 0, beforeUnclosedComment: true };
      if (isUse && comment > i) return { end: lastSignificant, next: comment, unclosedBlock: false };
      i = comment;
      continue;
    }
    if (depth === 0 && c === 92 && (text[i + 1] === 'G' || text[i + 1] === 'g')) {
      return { end: lastSignificant, next: i + 2, unclosedBlock: false };
    }
    if (compound && isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      const word = text.slice(i, j).toUpperCase();
      if (afterEnd && END_SUFFIXES.has(word)) {
        afterEnd = false;
      } else {
        afterEnd = false;
        if (word === 'BEGIN' || word === 'CASE') depth++;
        else if (BLOCK_OPENERS.has(word) && BLOCK_STATEMENT_PREV.has(prev) && !(word === 'REPEAT' && nextNonSpace(text, j) === '(')) depth++;
        else if (word === 'END' && depth > 0) {
          depth--;
          afterEnd = true;
        }
      }
      prev = word;
      i = j;
      lastSignificant = j;
      continue;
    }
    prev = text[i];
    afterEnd = false;
    i++;
    lastSignificant = i;
  }
  return { end: lastSignificant, next: n, unclosedBlock: depth > 0 };
}

const plainRunPatterns = new Map<string, RegExp>();

/** a sticky pattern for a run of characters that are neither the delimiter's first character, a quote, a comment starter nor a backslash */
function plainRunPattern(delimiter: string): RegExp {
  let re = plainRunPatterns.get(delimiter);
  if (!re) {
    const first = delimiter[0].replace(/[\\\]^-]/g, '\\$&');
    re = new RegExp(`[^'"\`#/\\-\\\\${first}]+`, 'y');
    plainRunPatterns.set(delimiter, re);
  }
  return re;
}

function nextNonSpace(text: string, i: number): string {
  while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
  return text[i] ?? '';
}

/** CREATE [OR REPLACE] [DEFINER=…] [SQL SECURITY …] [AGGREGATE] PROCEDURE|FUNCTION|TRIGGER|EVENT, or a MariaDB `BEGIN NOT ATOMIC` block */
export function startsCompound(text: string, i: number): boolean {
  const words = leadingWords(text, i, 12);
  if (words[0] === 'BEGIN') return words[1] === 'NOT' && words[2] === 'ATOMIC';
  if (words[0] !== 'CREATE') return false;
  for (let k = 1; k < words.length; k++) {
    const w = words[k];
    if (w === 'PROCEDURE' || w === 'FUNCTION' || w === 'TRIGGER' || w === 'EVENT') return true;
    if (w === 'TABLE' || w === 'INDEX' || w === 'VIEW' || w === 'DATABASE' || w === 'SCHEMA' || w === 'USER') return false;
  }
  return false;
}

/** upper-cased words at the start of a statement, skipping comments, quoted text and punctuation */
export function leadingWords(text: string, i: number, max: number, maxChars = 4000): string[] {
  const words: string[] = [];
  const n = Math.min(text.length, i + maxChars);
  while (i < n && words.length < max) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) {
      i++;
      continue;
    }
    const comment = commentEnd(text, i);
    if (comment >= 0) {
      i = comment;
      continue;
    }
    if (isQuote(c)) {
      i = skipQuoted(text, i);
      continue;
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      words.push(text.slice(i, j).toUpperCase());
      i = j;
      continue;
    }
    i++;
  }
  return words;
}
