// Cuts a file into independently parseable chunks at top-level `;` so unchanged chunks keep their
// parse results across edits. Files whose statements depend on each other for splitting or
// extraction (DELIMITER, BEGIN … END bodies, PREPARE'd strings) are one chunk: the parse layer
// sees them whole, exactly as the CLI does.
import type { Span } from '../../engine';

const NEEDS_WHOLE_FILE = /\b(DELIMITER|BEGIN|PREPARE|EXECUTE)\b/i;

export function splitChunks(text: string): Span[] {
  if (text.length === 0) return [];
  if (NEEDS_WHOLE_FILE.test(text)) return [{ start: 0, end: text.length }];
  const chunks: Span[] = [];
  let chunkStart = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x2d /* - */ && text.charCodeAt(i + 1) === 0x2d && (isSpaceOrEnd(text, i + 2) || atLineStart(text, i))) {
      i = skipToLineEnd(text, i);
    } else if (c === 0x23 /* # */) {
      i = skipToLineEnd(text, i);
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === 0x27 /* ' */ || c === 0x22 /* " */ || c === 0x60 /* ` */) {
      i = skipQuoted(text, i, c);
    } else if (c === 0x3b /* ; */) {
      chunks.push({ start: chunkStart, end: i + 1 });
      chunkStart = i + 1;
      i++;
    } else {
      i++;
    }
  }
  if (chunkStart < n) chunks.push({ start: chunkStart, end: n });
  return chunks;
}

function isSpaceOrEnd(text: string, i: number): boolean {
  return i >= text.length || text.charCodeAt(i) <= 0x20;
}

function atLineStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  return j < 0 || text[j] === '\n' || text[j] === '\r';
}

function skipToLineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl + 1;
}

/** index just past the closing quote (backslash escapes except in backticks; doubled quotes) */
function skipQuoted(text: string, i: number, quote: number): number {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 0x5c /* \ */ && quote !== 0x60) {
      j += 2;
    } else if (c === quote) {
      if (text.charCodeAt(j + 1) === quote) j += 2;
      else return j + 1;
    } else {
      j++;
    }
  }
  return n;
}
