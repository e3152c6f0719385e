// A small lexer pass that finds SQL comments (`-- `, `#`, `/* */`) outside string literals and
// quoted identifiers, and which lines hold code. Executable comments (`/*!`, `/*M!`) and optimizer
// hints (`/*+`) count as code, not comments.

import { lineOf, lineStartsOf } from '../text/lines';
export interface SqlComment {
  kind: 'dash' | 'hash' | 'block';
  start: number;
  /** exclusive; for line comments the end of the line (before the line break) */
  end: number;
  /** the comment's text without its markers */
  bodyStart: number;
  bodyEnd: number;
}

export interface CommentScan {
  comments: SqlComment[];
  /** offsets where each line starts */
  lineStarts: number[];
  /** per line: true when the line holds anything that is not whitespace or a comment */
  codeLines: boolean[];
}

export function scanComments(text: string): CommentScan {
  const lineStarts = lineStartsOf(text);
  const codeLines = new Array<boolean>(lineStarts.length).fill(false);
  const comments: SqlComment[] = [];
  const markCode = (from: number, to: number) => {
    const last = lineOf(lineStarts, Math.max(from, to - 1));
    for (let l = lineOf(lineStarts, from); l <= last; l++) codeLines[l] = true;
  };
  const lineEnd = (from: number) => {
    let e = from;
    while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
    return e;
  };

  let line = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      i++;
      continue;
    }
    if (ch === '\r' || ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v') {
      i++;
      continue;
    }
    if (ch === '#' || (ch === '-' && text[i + 1] === '-' && isDashComment(text, i, lineStarts[line]))) {
      const end = lineEnd(i);
      comments.push({ kind: ch === '#' ? 'hash' : 'dash', start: i, end, bodyStart: i + (ch === '#' ? 1 : 2), bodyEnd: end });
      i = end;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const executable = text[i + 2] === '!' || text[i + 2] === '+' || (text[i + 2] === 'M' && text[i + 3] === '!');
      if (executable) {
        // the content is code; keep scanning inside it (quotes and nested line comments may follow)
        codeLines[line] = true;
        i += 3;
        continue;
      }
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      comments.push({ kind: 'block', start: i, end, bodyStart: i + 2, bodyEnd: close < 0 ? text.length : close });
      i = end;
      line = lineOf(lineStarts, i);
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      const end = quotedEnd(text, i);
      markCode(i, end);
      i = end;
      line = lineOf(lineStarts, i);
      continue;
    }
    codeLines[line] = true;
    i++;
  }
  return { comments, lineStarts, codeLines };
}

/** `--` starts a comment when followed by whitespace/end of line (MySQL), or at a line start (migration runners) */
function isDashComment(text: string, at: number, lineStart: number): boolean {
  const next = text[at + 2];
  if (next === undefined || /\s/.test(next)) return true;
  return text.slice(lineStart, at).trim() === '';
}

function quotedEnd(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && quote !== '`') {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return text.length;
}
