import { findTable } from '../catalog/lookup';
import type { IndexColumn, TableDef } from '../types';
import { existingTableOps, type Rule, type RuleContext } from './rule';

/** an existing PRIMARY/UNIQUE key over a subset of the columns already makes them unique: no duplicates can exist */
function impliedByExistingKey(table: TableDef | undefined, columns: readonly IndexColumn[]): boolean {
  if (!table || columns.some((c) => c.expression)) return false;
  const names = new Set(columns.map((c) => c.name.toLowerCase()));
  return table.indexes.some((i) => (i.kind === 'primary' || i.kind === 'unique') && i.columns.length > 0
    && i.columns.every((c) => !c.length && !c.expression && names.has(c.name.toLowerCase())));
}

function report(ctx: RuleContext, table: string, what: string, columns: string, span: { start: number; end: number }): void {
  ctx.report({
    message: `${what} on ${table} (${columns}) fails with error 1062 if duplicates exist, the running app version may still insert duplicates (its writes then fail), and pt-online-schema-change would silently drop duplicate rows (INSERT IGNORE).`,
    span,
    help: 'Find and remove duplicates, make the app enforce uniqueness, then add the index natively or with gh-ost or spirit (not pt-online-schema-change).',
  });
}

export const addUniqueIndex: Rule = {
  meta: {
    id: 'add-unique-index',
    defaultSeverity: 'error',
    classes: ['FL', 'BC', 'DL'],
    description: 'A UNIQUE index or constraint added to an existing table, which fails on duplicates, breaks writers of duplicates and loses rows under pt-online-schema-change.',
    fixable: false,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      const table = findTable(ctx.catalog, op.table);
      if (op.kind === 'add-index' && op.index.kind === 'unique') {
        if (impliedByExistingKey(table, op.index.columns)) continue;
        const name = op.index.name ? `Unique index ${op.index.name}` : 'A unique index';
        report(ctx, op.table, name, op.index.columns.map((c) => c.expression ? `(${c.expression})` : c.name).join(', '), op.span);
      } else if (op.kind === 'add-column' && op.column.unique) {
        // a new column holds NULL (never duplicate) unless a default fills every row with one value
        const filled = op.column.default && op.column.default.kind !== 'null' && op.column.default.kind !== 'expression';
        if (!filled) continue;
        ctx.report({
          message: `New UNIQUE column ${op.table}.${op.column.name} gets the same DEFAULT in every existing row, so the ALTER fails with error 1062 as soon as ${op.table} has two rows.`,
          span: op.span,
          help: `Add ${op.column.name} as NULL without UNIQUE, backfill distinct values, then add the unique index in a later release.`,
        });
      } else if (op.kind === 'modify-column' && op.def.unique) {
        if (impliedByExistingKey(table, [{ name: op.column }])) continue;
        report(ctx, op.table, `Making ${op.column} UNIQUE`, op.column, op.span);
      }
    }
  },
};
