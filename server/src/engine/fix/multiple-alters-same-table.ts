// Fix builder for multiple-alters-same-table: move the clauses of a later ALTER TABLE into the
// earlier one on the same table and delete the later statement.
import { delimiterAfter } from '../rules/util/lock-text';
import type { Operation, Statement, TextEdit } from '../types';

/** column and index names an operation names (lower-case), to refuse merges that depend on each other */
function namesOf(op: Operation): string[] {
  switch (op.kind) {
    case 'add-column': return [op.column.name];
    case 'drop-column': return [op.column];
    case 'rename-column': return [op.column, op.newName];
    case 'modify-column': return [op.column, op.newName ?? op.column];
    case 'set-default': case 'drop-default': return [op.column];
    case 'add-index': return [...(op.index.name ? [op.index.name] : []), ...op.index.columns.map((c) => c.name)];
    case 'drop-index': case 'index-visibility': return [op.name];
    case 'rename-index': return [op.name, op.newName];
    case 'add-foreign-key': return [...(op.fk.name ? [op.fk.name] : []), ...op.fk.columns];
    case 'drop-foreign-key': case 'drop-constraint': return [op.name];
    default: return [];
  }
}

function mergeable(st: Statement): boolean {
  return st.kind === 'alter-table' && st.origin === 'top-level' && st.analyzed && st.operations.length > 0
    && !st.ddlOptions.algorithmSpan && !st.ddlOptions.lockSpan && !st.ddlOptions.wait && !st.ddlOptions.online
    && st.operations.every((op) => op.kind !== 'rename-table' && op.kind !== 'partition' && op.kind !== 'unknown-clause');
}

/** the statements strictly between two of the list (by index; positions when the list is in index order) */
function statementsBetween(statements: readonly Statement[], first: Statement, second: Statement): readonly Statement[] {
  if (statements[first.index] === first && statements[second.index] === second) return statements.slice(first.index + 1, second.index);
  return statements.filter((s) => s.index > first.index && s.index < second.index);
}

/** the edits, or undefined when the merge could change what the statements do */
export function mergeAlters(text: string, statements: readonly Statement[], first: Statement, second: Statement, table: string): TextEdit[] | undefined {
  if (!mergeable(first) || !mergeable(second)) return undefined;
  const between = statementsBetween(statements, first, second);
  if (between.some((s) => s.tables.some((t) => t.toLowerCase() === table) || s.operations.some((op) => op.table.toLowerCase() === table))) return undefined;
  const firstNames = new Set(first.operations.flatMap(namesOf).map((n) => n.toLowerCase()));
  if (second.operations.flatMap(namesOf).some((n) => firstNames.has(n.toLowerCase()))) return undefined;
  const opsStart = Math.min(...second.operations.map((op) => op.span.start));
  const opsEnd = Math.max(...second.operations.map((op) => op.span.end));
  const clauses = text.slice(opsStart, opsEnd);
  // delete the second statement with its delimiter and the rest of its line
  const delimiter = delimiterAfter(text, second);
  let end = second.span.end;
  while (end < text.length && /[ \t]/.test(text[end])) end++;
  if (text.startsWith(delimiter, end)) end += delimiter.length;
  while (end < text.length && /[ \t]/.test(text[end])) end++;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  let start = second.span.start;
  while (start > 0 && /[ \t]/.test(text[start - 1])) start--;
  return [
    { span: { start: first.span.end, end: first.span.end }, newText: `, ${clauses}` },
    { span: { start, end }, newText: '' },
  ];
}
