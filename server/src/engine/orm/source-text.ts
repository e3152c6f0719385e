// Line and comment arithmetic on model files (Prisma, TypeScript and Go all write `//` line
// comments and quote strings with `"`; TypeScript and Go also have `/* */`, `'` and backquotes).

/** the end of the line holding `offset` (before its line break) */
export function lineEndAt(text: string, offset: number): number {
  let e = offset;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  return e;
}

/** the start of the line holding `offset` */
export function lineStartAt(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

/** the end of a one-line declaration starting at `start`: its line without a trailing `//` comment and spaces */
export function declarationEnd(text: string, start: number): number {
  const end = lineEndAt(text, start);
  const comment = commentRanges(text.slice(start, end)).find((c) => c.line);
  let e = comment ? start + comment.start : end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

export interface CommentRange {
  start: number;
  end: number;
  /** a `//` comment (else `/* *\/`) */
  line: boolean;
}

/** the `//` and `/* *\/` comments of a C-like source, outside string literals */
export function commentRanges(text: string): CommentRange[] {
  const out: CommentRange[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '/' && text[i + 1] === '/') {
      const end = lineEndAt(text, i);
      out.push({ start: i, end, line: true });
      i = end;
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      out.push({ start: i, end, line: false });
      i = end;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      i = stringEnd(text, i);
    } else i++;
  }
  return out;
}

function stringEnd(text: string, open: number): number {
  const quote = text[open];
  let i = open + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && quote !== '`') i += 2;
    else if (ch === quote) return i + 1;
    else if ((ch === '\n' || ch === '\r') && quote !== '`') return i;
    else i++;
  }
  return i;
}

/**
 * The text with its comments turned into SQL comments and everything else made opaque, offsets
 * kept: `//` becomes `# ` (a SQL line comment of the same length), code characters become `x`,
 * whitespace and line breaks stay. The SQL ignore-directive reader then works on model files.
 */
export function commentsAsSql(text: string): string {
  const out = text.replace(/[^\s]/g, 'x').split('');
  for (const c of commentRanges(text)) {
    for (let i = c.start; i < c.end; i++) out[i] = text[i];
    if (c.line) {
      out[c.start] = '#';
      out[c.start + 1] = ' ';
    }
  }
  return out.join('');
}
