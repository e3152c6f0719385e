// Columns that an earlier statement of the same file added: the running app version never used them.
import type { Statement } from '../../types';

/** whether a statement before `before` in this file adds (or renames a column into) table.column */
export function columnAddedEarlier(statements: readonly Statement[], before: Statement, table: string, column: string): boolean {
  const t = table.toLowerCase();
  const c = column.toLowerCase();
  for (const st of statements) {
    if (st === before || st.index >= before.index) break;
    for (const op of st.operations) {
      if (op.table.toLowerCase() !== t) continue;
      if (op.kind === 'add-column' && op.column.name.toLowerCase() === c) return true;
      if (op.kind === 'create-table' && op.columns.some((col) => col.name.toLowerCase() === c)) return true;
    }
  }
  return false;
}
