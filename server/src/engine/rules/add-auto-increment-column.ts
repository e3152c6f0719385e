// add-auto-increment-column: an AUTO_INCREMENT column added to (or made on) an existing table.
import { findTable } from '../catalog/lookup';
import type { Operation } from '../types';
import { existingTableOps, type Rule } from './rule';
import { ident } from './util/lock-text';

export const addAutoIncrementColumn: Rule = {
  meta: {
    id: 'add-auto-increment-column',
    defaultSeverity: 'error',
    classes: ['RB', 'LK'],
    description: 'An AUTO_INCREMENT column added to an existing table (or an existing column made AUTO_INCREMENT), which rebuilds or copies the table with its writes blocked.',
    fixable: false,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      const column = autoIncrementColumn(findTable(ctx.catalog, op.table)?.columns, op);
      if (!column) continue;
      const message = op.kind === 'add-column'
        ? `AUTO_INCREMENT column ${ident(column)} on existing table ${ident(op.table)} makes the server number every existing row: the table is rebuilt with at least LOCK=SHARED, so writes are blocked for the whole rebuild.`
        : `Making column ${ident(column)} of existing table ${ident(op.table)} AUTO_INCREMENT counts as a column type change: only ALGORITHM=COPY can do it, so the table is copied with writes blocked.`;
      ctx.report({
        message,
        span: op.span,
        help: 'Create a new table with the AUTO_INCREMENT key, copy the rows over in batches (or with an online schema change tool) and swap the tables with RENAME TABLE.',
      });
    }
  },
};

/** the column an operation makes AUTO_INCREMENT (new, or an existing one that was not) */
function autoIncrementColumn(columns: { name: string; autoIncrement?: boolean }[] | undefined, op: Operation): string | undefined {
  if (op.kind === 'add-column' && op.column.autoIncrement) return op.column.name;
  if (op.kind === 'modify-column' && op.def.autoIncrement) {
    const old = columns?.find((c) => c.name.toLowerCase() === op.column.toLowerCase());
    if (old && !old.autoIncrement) return op.newName ?? op.column;
  }
  return undefined;
}
