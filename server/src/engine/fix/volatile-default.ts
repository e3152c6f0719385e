// Fix builder for volatile-default: add the column without its DEFAULT (expr) and set the default
// in a following metadata-only ALTER … SET DEFAULT.
import { delimiterAfter, maskQuoted, removeWithLeadingSpace } from '../rules/util/lock-text';
import type { Operation, Span, Statement, TextEdit } from '../types';

type AddColumnOp = Extract<Operation, { kind: 'add-column' }>;

/** the span of `DEFAULT (expr)` inside a column clause, parentheses matched on quote-masked text */
function defaultExpressionSpan(text: string, clause: Span): Span | undefined {
  const masked = maskQuoted(text.slice(clause.start, clause.end));
  const m = /\bDEFAULT\s*\(/i.exec(masked);
  if (!m) return undefined;
  let depth = 0;
  for (let i = m.index + m[0].length - 1; i < masked.length; i++) {
    if (masked[i] === '(') depth++;
    else if (masked[i] === ')' && --depth === 0) return { start: clause.start + m.index, end: clause.start + i + 1 };
  }
  return undefined;
}

function quote(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

export function moveDefaultEdits(text: string, statement: Statement, op: AddColumnOp): TextEdit[] | undefined {
  if (statement.origin !== 'top-level' || statement.kind !== 'alter-table') return undefined;
  const span = defaultExpressionSpan(text, op.span);
  if (!span) return undefined;
  const expression = text.slice(span.start, span.end).replace(/^DEFAULT\s*/i, '');
  const table = op.schema ? `${quote(op.schema)}.${quote(op.table)}` : quote(op.table);
  const delimiter = delimiterAfter(text, statement);
  return [
    removeWithLeadingSpace(text, span),
    { span: { start: statement.span.end, end: statement.span.end }, newText: `${delimiter}\nALTER TABLE ${table} ALTER COLUMN ${quote(op.column.name)} SET DEFAULT ${expression}` },
  ];
}
