import { findColumn, findTable, isNullable } from '../catalog/lookup';
import { existingTableOps, type Rule } from './rule';
import { reportGraded } from './util/compat-report';

export const setNotNull: Rule = {
  meta: {
    id: 'set-not-null',
    defaultSeverity: 'error',
    classes: ['FL', 'BC', 'RB'],
    description: 'A MODIFY or CHANGE that makes a nullable column NOT NULL, which fails on existing NULLs, breaks writers of NULL and rebuilds the table.',
    fixable: false,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      if (op.kind !== 'modify-column') continue;
      if (op.def.nullable !== false && !op.def.primaryKey) continue;
      const table = findTable(ctx.catalog, op.table);
      const old = findColumn(table, op.column);
      const verb = op.via === 'change' ? 'CHANGE' : 'MODIFY';
      const help = `Stop writing NULL and give ${op.column} a DEFAULT first, backfill the NULL rows in batches, then make it NOT NULL (through an online-schema-change tool on big tables).`;
      if (!old) {
        reportGraded(ctx, {
          message: `${verb} makes ${op.table}.${op.column} NOT NULL, but Lockstep does not know its old definition (no earlier migration creates it), so it could not check whether it was nullable; if it was, rows holding NULL make this fail and the running app version may still write NULL.`,
          span: op.span,
          help,
        }, 'info');
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
  },
};
