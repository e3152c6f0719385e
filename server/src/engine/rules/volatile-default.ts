// volatile-default: a column added to an existing table with a non-deterministic DEFAULT (expr).
import { moveDefaultEdits } from '../fix/volatile-default';
import { fix } from '../fix/edits';
import { atLeast } from '../targets';
import type { Fix, Operation } from '../types';
import { existingTableOps, type Rule } from './rule';
import { ident } from './util/lock-text';

type AddColumnOp = Extract<Operation, { kind: 'add-column' }>;

/** functions MariaDB evaluates per row when adding a column (measured: UUID() forces COPY) */
const PER_ROW = /\b(UUID|UUID_SHORT|SYS_GUID)\s*\(/i;

export const volatileDefault: Rule = {
  meta: {
    id: 'volatile-default',
    defaultSeverity: 'warning',
    classes: ['RB', 'LK'],
    description: 'A column added to an existing table with a non-deterministic default such as UUID() or RAND(), which copies the table or gives every existing row the same value.',
    fixable: true,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      if (op.kind !== 'add-column') continue;
      const d = op.column.default;
      if (d?.kind !== 'expression' || !d.volatile) continue;
      const column = ident(op.column.name);
      const table = ident(op.table);
      const expr = `DEFAULT ${d.text.startsWith('(') ? d.text : `(${d.text})`}`;
      let message: string;
      if (ctx.target.flavor === 'mysql' && !atLeast(ctx.target, 8, 0, 13)) {
        message = `Column ${column} on existing table ${table} uses ${expr}, but MySQL before 8.0.13 does not support expression defaults: the statement fails.`;
      } else if (ctx.target.flavor === 'mysql') {
        message = `Column ${column} is added to existing table ${table} with ${expr}: MySQL cannot add a column with an expression default instantly, so it rebuilds the table to compute a value for every row.`;
      } else if (PER_ROW.test(d.text)) {
        message = `Column ${column} is added to existing table ${table} with ${expr}: MariaDB rejects INSTANT, NOCOPY and INPLACE for it and copies the table (ALGORITHM=COPY), blocking writes, to compute a value per row.`;
      } else {
        message = `Column ${column} is added to existing table ${table} with ${expr}: MariaDB adds it instantly but evaluates the expression once, so every existing row gets the same value.`;
      }
      ctx.report({
        message,
        span: op.span,
        help: 'Add the column without a default, set the default with ALTER … SET DEFAULT in a separate statement, then backfill existing rows in batches.',
        fixes: fixesFor(ctx.file.text, ctx.statement, op, ctx.target.flavor === 'mariadb' || atLeast(ctx.target, 8, 0, 13)),
      });
    }
  },
};

function fixesFor(text: string, statement: Parameters<typeof moveDefaultEdits>[1], op: AddColumnOp, supported: boolean): Fix[] {
  if (!supported || op.column.nullable === false) return [];
  const edits = moveDefaultEdits(text, statement, op);
  return edits ? [fix(`Add ${op.column.name} without a default, then SET DEFAULT in its own statement (backfill existing rows in batches)`, edits, true)] : [];
}
