// Text helpers for the locking rules: quote-aware searches inside a clause and small edit builders.
import { lineOf as lineIndexOf, lineStartsOf } from '../../text/lines';
import type { Span, Statement, TextEdit } from '../../types';

/** the text with the insides of quoted strings, quoted identifiers and comments blanked (same length) */
export function maskQuoted(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === '\\' && c !== '`') { j += 2; continue; }
        if (text[j] === c) {
          if (text[j + 1] === c) { j += 2; continue; }
          break;
        }
        j++;
      }
      const end = Math.min(j, text.length - 1);
      out += c + blank(text.slice(i + 1, end)) + (j < text.length ? c : '');
      i = j + 1;
    } else if (c === '-' && text[i + 1] === '-' && /[\s]/.test(text[i + 2] ?? ' ')) {
      const j = lineEnd(text, i);
      out += blank(text.slice(i, j));
      i = j;
    } else if (c === '#') {
      const j = lineEnd(text, i);
      out += blank(text.slice(i, j));
      i = j;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const j = close < 0 ? text.length : close + 2;
      out += blank(text.slice(i, j));
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out.slice(0, text.length);
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

/** every match of `pattern` (global flag added) in the masked text of `span`, as absolute spans */
export function findInSpan(text: string, span: Span, pattern: RegExp): Span[] {
  const masked = maskQuoted(text.slice(span.start, span.end));
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const re = new RegExp(pattern.source, flags);
  const found: Span[] = [];
  for (let m = re.exec(masked); m; m = re.exec(masked)) {
    found.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return found;
}

/** the statement delimiter written after the statement (`;` unless a DELIMITER block is active) */
export function delimiterAfter(text: string, statement: Statement): string {
  const m = /^[ \t\r\n]*(\S+)/.exec(text.slice(statement.span.end));
  if (!m || m[1].startsWith(';')) return ';';
  const word = m[1];
  return /^[A-Za-z_(]/.test(word) ? ';' : word;
}

/** deletes a clause from a comma-separated list together with one adjoining comma */
export function removeListItem(text: string, span: Span): TextEdit {
  let start = span.start;
  while (start > 0 && /\s/.test(text[start - 1])) start--;
  if (text[start - 1] === ',') return { span: { start: start - 1, end: span.end }, newText: '' };
  let end = span.end;
  while (end < text.length && /[ \t]/.test(text[end])) end++;
  if (text[end] === ',') {
    end++;
    while (end < text.length && /[ \t]/.test(text[end])) end++;
    return { span: { start: span.start, end }, newText: '' };
  }
  return { span: { start, end: span.end }, newText: '' };
}

/** deletes a keyword phrase together with the whitespace before it (`c INT NULL AFTER id` → `c INT NULL`) */
export function removeWithLeadingSpace(text: string, span: Span): TextEdit {
  let start = span.start;
  while (start > 0 && /[ \t]/.test(text[start - 1])) start--;
  return { span: { start, end: span.end }, newText: '' };
}

/** 1-based line number of an offset */
export function lineOf(text: string, offset: number): number {
  return lineIndexOf(lineStartsCached(text), offset) + 1;
}

/** line starts of the last text asked about (rules ask about one file at a time) */
let cachedLines: { text: string; starts: number[] } | undefined;

function lineStartsCached(text: string): number[] {
  if (cachedLines?.text !== text) cachedLines = { text, starts: lineStartsOf(text) };
  return cachedLines.starts;
}

/** `name` in backticks for messages */
export function ident(name: string): string {
  return `\`${name}\``;
}
