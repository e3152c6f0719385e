// Small builders for the single-edit fixes rules offer. Offsets are into the original file text.
import type { Fix, Span, Statement, TextEdit } from '../types';

export function insertAt(offset: number, newText: string): TextEdit {
  return { span: { start: offset, end: offset }, newText };
}

export function replaceSpan(span: Span, newText: string): TextEdit {
  return { span, newText };
}

/** the whitespace that starts the line containing `offset` */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const m = /^[ \t]*/.exec(text.slice(lineStart, offset));
  return m ? m[0] : '';
}

/** a new line of SQL inserted just before the statement, same indentation: `SET SESSION …;` */
export function insertLineBefore(text: string, statement: Statement, line: string): TextEdit {
  const indent = indentationAt(text, statement.span.start);
  return insertAt(statement.span.start, `${line}\n${indent}`);
}

/** appends `, <clause>` at the end of an ALTER TABLE statement's clause list (before the delimiter) */
export function appendAlterClause(statement: Statement, clause: string): TextEdit {
  return insertAt(statement.span.end, `, ${clause}`);
}

export function fix(title: string, edits: TextEdit[], preferred = false): Fix {
  return preferred ? { title, edits, preferred } : { title, edits };
}

/** applies edits (non-overlapping) to text; used by tests and the CLI's --fix */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}
