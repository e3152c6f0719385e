// primary-key-change: dropping, replacing or adding the primary key of an existing table.
import { findTable } from '../catalog/lookup';
import type { Operation } from '../types';
import { existingTableOps, type Rule } from './rule';
import { ident } from './util/lock-text';

function pkColumns(op: Operation): string | undefined {
  if (op.kind === 'add-index' && op.index.kind === 'primary') return op.index.columns.map((c) => c.name).join(', ');
  if (op.kind === 'add-column' && op.column.primaryKey && !op.column.autoIncrement) return op.column.name; // AUTO_INCREMENT: add-auto-increment-column
  if (op.kind === 'modify-column' && op.def.primaryKey) return op.def.name;
  return undefined;
}

export const primaryKeyChange: Rule = {
  meta: {
    id: 'primary-key-change',
    defaultSeverity: 'error',
    classes: ['RB', 'LK', 'FL'],
    description: 'Dropping, replacing or adding the primary key of an existing table, which rebuilds the clustered index and every secondary index.',
    fixable: false,
  },
  check(ctx) {
    const ops = existingTableOps(ctx);
    const drop = ops.find((op) => op.kind === 'drop-primary-key');
    const add = ops.find((op) => pkColumns(op) !== undefined);
    if (!drop && !add) return;
    const table = ident((drop ?? add)!.table);
    if (drop && !add) {
      const def = findTable(ctx.catalog, drop.table);
      const otherKey = def?.indexes.some((i) => i.kind === 'unique') || def?.columns.some((c) => c.unique);
      const tools = def && !otherKey ? ', and with no other unique key left, online schema change tools can no longer work on it' : '';
      ctx.report({
        message: `DROP PRIMARY KEY alone on existing table ${table} is only possible with ALGORITHM=COPY: the table is copied and re-clustered with writes blocked${tools}.`,
        span: drop.span,
        help: 'Replace the key in one statement (DROP PRIMARY KEY, ADD PRIMARY KEY (…)) through an online schema change tool, or create a new table with the new key, dual-write, backfill and swap.',
      });
      return;
    }
    const columns = pkColumns(add!)!;
    const verb = drop ? `Replacing the primary key of existing table ${table} with (${columns})` : `Adding primary key (${columns}) to existing table ${table}`;
    ctx.report({
      message: `${verb} rebuilds the clustered index and every secondary index (the whole table), and fails on duplicate or NULL values in (${columns}) that already exist.`,
      span: add!.span,
      help: 'Check for duplicates and NULLs first, then run it through an online schema change tool that keeps a unique key, or create a new table with the new key and swap with RENAME TABLE.',
    });
  },
};
