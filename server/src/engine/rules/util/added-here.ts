// Columns that an earlier statement of the same file added: the running app version never used them.
import type { Statement } from '../../types';
import { addsColumnBefore } from './file-index';

/** whether a statement before `before` in this file adds (or renames a column into) table.column */
export function columnAddedEarlier(statements: readonly Statement[], before: Statement, table: string, column: string): boolean {
  return addsColumnBefore(statements, before.index, table, column);
}
