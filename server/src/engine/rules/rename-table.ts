import type { Operation } from '../types';
import { existingTableOps, type Rule } from './rule';

type RenameOp = Extract<Operation, { kind: 'rename-table' }>;

/**
 * Part of an atomic swap (`RENAME TABLE t TO t_old, t_new TO t`, the cut-over of online-schema-change
 * tools): the old name is refilled, or the new name is vacated, by another rename of the statement.
 */
function isSwap(op: RenameOp, all: readonly Operation[]): boolean {
  const from = op.table.toLowerCase();
  const to = op.newName.toLowerCase();
  return all.some((o) => o !== op && o.kind === 'rename-table' && (o.newName.toLowerCase() === from || o.table.toLowerCase() === to));
}

export const renameTable: Rule = {
  meta: {
    id: 'rename-table',
    defaultSeverity: 'error',
    classes: ['BC'],
    description: 'Renaming an existing table (RENAME TABLE, ALTER TABLE … RENAME TO), which breaks every app instance still using the old name.',
    fixable: false,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      if (op.kind !== 'rename-table' || isSwap(op, ctx.statement.operations)) continue;
      ctx.report({
        message: `Renaming table ${op.table} to ${op.newName} breaks every running app instance that still queries ${op.table}, and online-schema-change tools refuse renames.`,
        span: op.span,
        help: `Create ${op.newName} and dual-write with a backfill (or rename and leave an updatable view named ${op.table}), switch reads and writes, then drop ${op.table} or the view in a later release.`,
      });
    }
  },
};
