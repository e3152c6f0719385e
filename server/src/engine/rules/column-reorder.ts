// column-reorder: FIRST/AFTER on ADD/MODIFY/CHANGE where the position costs a rebuild or a copy.
import { findTable } from '../catalog/lookup';
import { fix } from '../fix/edits';
import { atLeast } from '../targets';
import type { ColumnDef, Fix, Operation, Target } from '../types';
import { existingTableOps, type Rule } from './rule';
import { findInSpan, ident, removeWithLeadingSpace } from './util/lock-text';

type PositionedOp = Extract<Operation, { kind: 'add-column' | 'modify-column' }>;

export const columnReorder: Rule = {
  meta: {
    id: 'column-reorder',
    defaultSeverity: 'warning',
    classes: ['RB', 'LK'],
    description: 'A FIRST or AFTER position on an existing table that rebuilds or copies it where adding at the end (or not moving the column) would be instant.',
    fixable: true,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      if ((op.kind !== 'add-column' && op.kind !== 'modify-column') || !op.position) continue;
      const old = op.kind === 'modify-column' ? findTable(ctx.catalog, op.table)?.columns.find((c) => c.name.toLowerCase() === op.column.toLowerCase()) : undefined;
      const columns = findTable(ctx.catalog, op.table)?.columns;
      if (op.kind === 'modify-column' && alreadyThere(columns, op)) continue;
      if ('after' in op.position && op.position.after.toLowerCase() === (op.kind === 'add-column' ? op.column.name : op.column).toLowerCase()) continue; // AFTER itself: no move
      const why = reason(op, old, ctx.target);
      if (!why) continue;
      // GUI tools restate the current position on every MODIFY: without the old column order a move is only a guess
      const unknownOrder = op.kind === 'modify-column' && !old;
      const where = 'first' in op.position ? 'FIRST' : `AFTER ${ident(op.position.after)}`;
      const name = op.kind === 'add-column' ? op.column.name : op.newName ?? op.column;
      const clause = findInSpan(ctx.file.text, op.span, /\b(FIRST|AFTER\s+(`[^`]*`|"[^"]*"|[\w$]+))\s*$/i).pop();
      const fixes: Fix[] = clause
        ? [fix(op.kind === 'add-column' ? `Add ${name} at the end of the table` : `Keep ${name} where it is (drop ${where.replace(/`/g, '')})`, [removeWithLeadingSpace(ctx.file.text, clause)], true)]
        : [];
      ctx.report({
        severity: unknownOrder ? 'info' : undefined,
        message: unknownOrder
          ? `${where} on the MODIFY of ${ident(name)} may move the column in existing table ${ident(op.table)}; Lockstep does not know its current position (no earlier migration defines it). If it moves: ${why}`
          : `${op.kind === 'add-column' ? 'Adding' : 'Moving'} column ${ident(name)} ${where} in existing table ${ident(op.table)}: ${why}`,
        span: clause ?? op.span,
        help: op.kind === 'add-column' ? 'Add the column at the end of the table; column order does not matter to queries that name their columns.' : 'Do not reorder columns of an existing table; leave the position clause out.',
        fixes,
      });
    }
  },
};

/** why the position is costly on this target, or undefined when it is free */
function reason(op: PositionedOp, old: ColumnDef | undefined, target: Target): string | undefined {
  const generated = op.kind === 'add-column' ? op.column.generated : op.def.generated ?? old?.generated;
  if (op.kind === 'modify-column' && generated) {
    return `a ${generated.stored ? 'STORED' : 'VIRTUAL'} generated column can only be moved with ALGORITHM=COPY (MySQL and MariaDB), so the table is copied with writes blocked.`;
  }
  if (op.kind === 'modify-column') {
    return target.flavor === 'mysql' ? 'MySQL rebuilds the whole table to reorder columns (INPLACE with a rebuild, in every version).' : undefined;
  }
  if (generated?.stored) return undefined; // the STORED add is COPY anyway: add-stored-generated-column
  if (target.flavor === 'mysql') {
    return atLeast(target, 8, 0, 12) && !atLeast(target, 8, 0, 29)
      ? 'before MySQL 8.0.29 only a column added last is instant, anywhere else the table is rebuilt.'
      : undefined;
  }
  return atLeast(target, 10, 4) ? undefined : 'before MariaDB 10.4 only a column added last is instant, anywhere else the table is rebuilt.';
}

/** MODIFY … FIRST/AFTER naming the position the column already has (no reorder happens) */
function alreadyThere(columns: ColumnDef[] | undefined, op: Extract<Operation, { kind: 'modify-column' }>): boolean {
  if (!columns || !op.position) return false;
  const at = columns.findIndex((c) => c.name.toLowerCase() === op.column.toLowerCase());
  if (at < 0) return false;
  if ('first' in op.position) return at === 0;
  return at > 0 && columns[at - 1].name.toLowerCase() === op.position.after.toLowerCase();
}
