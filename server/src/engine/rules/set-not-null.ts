import { findKnownColumn, isNullable } from '../catalog/lookup';
import { existingTableOps, type Rule, type RuleContext } from './rule';
import type { ModifyOp } from './util/compat-column-diff';
import { groupByTable, listNames, reportGraded } from './util/compat-report';

export const setNotNull: Rule = {
  meta: {
    id: 'set-not-null',
    defaultSeverity: 'error',
    classes: ['FL', 'BC', 'RB'],
    description: 'A MODIFY or CHANGE that makes a nullable column NOT NULL, which fails on existing NULLs, breaks writers of NULL and rebuilds the table.',
    fixable: false,
  },
  check(ctx) {
    const unknown: ModifyOp[] = [];
    for (const op of existingTableOps(ctx)) {
      if (op.kind !== 'modify-column') continue;
      if (op.def.nullable !== false && !op.def.primaryKey) continue;
      // a table no migration creates may still know this column from an earlier ALTER of this file
      const known = findKnownColumn(ctx.catalog, op.table, op.column);
      const table = known?.table;
      const old = known?.column;
      const verb = op.via === 'change' ? 'CHANGE' : 'MODIFY';
      const help = `Stop writing NULL and give ${op.column} a DEFAULT first, backfill the NULL rows in batches, then make it NOT NULL (through an online-schema-change tool on big tables).`;
      if (!old) {
        unknown.push(op);
        continue;
      }
      if (!isNullable(table, old)) continue;
      const coercion = ctx.session.sqlModeStrict
        ? 'it fails with error 1265/1138 if any row holds NULL'
        : 'with a non-strict sql_mode existing NULLs are silently turned into 0 or \'\'';
      ctx.report({
        message: `${verb} makes nullable column ${op.table}.${op.column} NOT NULL: ${coercion}, the running app version may still write NULL (its INSERTs and UPDATEs then fail), and InnoDB rebuilds the table in place to do it.`,
        span: op.span,
        help,
      });
    }
    reportUnknown(ctx, unknown);
  },
};

/** one info finding per table for the clauses whose old column definition is unknown */
function reportUnknown(ctx: RuleContext, ops: readonly ModifyOp[]): void {
  for (const { ops: group, span } of groupByTable(ops)) {
    const first = group[0];
    const one = group.length === 1;
    const what = one
      ? `${first.via === 'change' ? 'CHANGE' : 'MODIFY'} makes ${first.table}.${first.column} NOT NULL, but Lockstep does not know its old definition (no earlier migration creates it), so it could not check whether it was nullable; if it was,`
      : `${group.length} MODIFY/CHANGE clauses make ${listNames(group.map((o) => o.column))} of ${first.table} NOT NULL, but Lockstep does not know their old definitions (no earlier migration creates them), so it could not check whether they were nullable; for any that was,`;
    reportGraded(ctx, {
      message: `${what} rows holding NULL make this fail and the running app version may still write NULL.`,
      span,
      help: `Stop writing NULL and give ${one ? first.column : 'each column'} a DEFAULT first, backfill the NULL rows in batches, then make ${one ? 'it' : 'them'} NOT NULL (through an online-schema-change tool on big tables).`,
    }, 'info');
  }
}
