// Character-level scanning shared by the splitter, the executable-comment pass and the tokenizer:
// where quoted text and comments end. All functions are total: they never read past `text.length`.

export function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff;
}

export function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || code >= 0x80
  ) && code !== 0xa0 && code !== 0xfeff;
}

/** end (exclusive) of a quoted run starting at `i` (`'`, `"` or backtick), or the text length when it is never closed */
export function skipQuoted(text: string, i: number): number {
  const end = quotedEnd(text, i);
  return end < 0 ? text.length : end;
}

/** end (exclusive) of a quoted run starting at `i`, or -1 when the text ends before its closing quote; backslash escapes except in backticks, doubled quotes everywhere */
export function quotedEnd(text: string, i: number): number {
  const quote = text.charCodeAt(i);
  const backslashEscapes = quote !== 96;
  let j = i + 1;
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 92 && backslashEscapes) {
      j += 2;
      continue;
    }
    if (c === quote) {
      if (text.charCodeAt(j + 1) === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return -1;
}

/** `--` starts a comment when followed by whitespace/control/end, or (as migration runners treat it) at the start of a line */
export function isDashComment(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 45 || text.charCodeAt(i + 1) !== 45) return false;
  const next = text.charCodeAt(i + 2);
  if (Number.isNaN(next) || next <= 32 || next === 0xa0 || next === 0x3000) return true;
  return atLineStart(text, i);
}

function atLineStart(text: string, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** if a comment starts at `i`, its end (exclusive); otherwise -1. `/*!…*\/` left in the text counts as a comment. */
export function commentEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 35 || (c === 45 && isDashComment(text, i))) return lineEnd(text, i);
  if (c === 47 && text.charCodeAt(i + 1) === 42) {
    const close = text.indexOf('*/', i + 2);
    return close < 0 ? text.length : close + 2;
  }
  return -1;
}

/** whether a `/*` at `i` is never closed (`commentEnd` then runs it to the end of the text) */
export function isUnclosedComment(text: string, i: number): boolean {
  return text.charCodeAt(i) === 47 && text.charCodeAt(i + 1) === 42 && text.indexOf('*/', i + 2) < 0;
}

/** index of the next `\n` (or the text length) */
export function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

export function isQuote(code: number): boolean {
  return code === 39 || code === 34 || code === 96;
}

/** case-insensitive match of an ASCII word at `i`, not followed by another word character */
export function wordAt(text: string, i: number, upperWord: string): boolean {
  const n = upperWord.length;
  if (text.length - i < n) return false;
  for (let k = 0; k < n; k++) {
    let c = text.charCodeAt(i + k);
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== upperWord.charCodeAt(k)) return false;
  }
  const after = text.charCodeAt(i + n);
  return Number.isNaN(after) || !isWordChar(after);
}
