// add-check-constraint: CHECK constraints added to an existing table (COPY to validate, fails on bad rows).
import { atLeast } from '../targets';
import { existingTableOps, type Rule } from './rule';
import { findInSpan, ident } from './util/lock-text';

export const addCheckConstraint: Rule = {
  meta: {
    id: 'add-check-constraint',
    defaultSeverity: 'warning',
    classes: ['RB', 'LK', 'FL'],
    description: 'A CHECK constraint added to an existing table, which copies the table to validate every row and fails if any existing row violates it.',
    fixable: false,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      if (op.kind !== 'add-check') continue;
      const name = op.check.name ? `${ident(op.check.name)} ` : '';
      const table = ident(op.table);
      const expr = op.check.expression.replace(/^\((.*)\)$/s, '$1');
      if (ctx.target.flavor === 'mysql' && !atLeast(ctx.target, 8, 0, 16)) {
        ctx.report({
          message: `CHECK constraint ${name}on ${table} is parsed and silently ignored by MySQL before 8.0.16: nothing will enforce it.`,
          span: op.span,
          help: 'Enforce the rule in the application (or upgrade to MySQL 8.0.16+ before relying on CHECK).',
        });
        continue;
      }
      if (ctx.target.flavor === 'mysql' && findInSpan(ctx.file.text, op.span, /\bNOT\s+ENFORCED\b/i).length > 0) continue;
      const how = `makes ${ctx.target.flavor === 'mariadb' ? 'MariaDB' : 'MySQL'} copy the table (ALGORITHM=COPY, writes blocked) to validate every row`;
      ctx.report({
        message: `CHECK constraint ${name}on existing table ${table} ${how}, and the statement fails if any existing row violates it.`,
        span: op.span,
        help: `Find violating rows first (SELECT COUNT(*) FROM ${op.table} WHERE NOT (${expr})), enforce the rule in the app, and use an online schema change tool on big tables.`,
      });
    }
  },
};
