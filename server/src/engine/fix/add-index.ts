// Fix builder for add-index: split one ALTER TABLE into several, one group of clauses each.
import { delimiterAfter, maskQuoted } from '../rules/util/lock-text';
import type { Operation, Statement, TextEdit } from '../types';

export interface AlterPart {
  ops: Operation[];
  /** options appended to this part, e.g. `ALGORITHM=INPLACE, LOCK=NONE` */
  options?: string;
}

/**
 * Rewrites `ALTER TABLE t a, b, c` as `ALTER TABLE t a; ALTER TABLE t b, c` (parts in the given
 * order). Undefined when the statement's text is not a plain comma-separated clause list that can
 * be cut safely (statement options such as ALGORITHM=, trailing partition clauses, comments).
 */
export function splitAlter(text: string, statement: Statement, parts: readonly AlterPart[]): TextEdit | undefined {
  if (statement.kind !== 'alter-table' || statement.origin !== 'top-level') return undefined;
  if (statement.ddlOptions.algorithmSpan || statement.ddlOptions.lockSpan) return undefined;
  const ops = [...statement.operations].sort((a, b) => a.span.start - b.span.start);
  if (ops.length < 2) return undefined;
  const { start, end } = statement.span;
  if (ops.some((op) => op.span.start < start || op.span.end > end)) return undefined;
  const masked = maskQuoted(text.slice(start, end));
  const at = (offset: number): number => offset - start;
  for (let i = 1; i < ops.length; i++) {
    if (!/^\s*,\s*$/.test(masked.slice(at(ops[i - 1].span.end), at(ops[i].span.start)))) return undefined;
  }
  if (masked.slice(at(ops[ops.length - 1].span.end)).trim() !== '') return undefined;
  const header = text.slice(start, ops[0].span.start).trimEnd();
  const delimiter = delimiterAfter(text, statement);
  const rendered = parts
    .filter((p) => p.ops.length > 0)
    .map((p) => {
      const clauses = [...p.ops].sort((a, b) => a.span.start - b.span.start).map((op) => text.slice(op.span.start, op.span.end));
      return `${header} ${clauses.join(', ')}${p.options ? `, ${p.options}` : ''}`;
    });
  if (rendered.length < 2) return undefined;
  return { span: { start, end }, newText: rendered.join(`${delimiter}\n`) };
}
