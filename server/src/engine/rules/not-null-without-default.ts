import { fix, replaceSpan, insertAt } from '../fix/edits';
import type { ColumnDef, Fix } from '../types';
import { existingTableOps, type Rule, type RuleContext } from './rule';
import { columnSpan, defaultLiteralFor, findKeyword } from './util/compat-sql';

/** NOT NULL with nothing that fills old rows and old INSERTs: no DEFAULT, not AUTO_INCREMENT, not generated, not a key column */
function needsDefault(column: ColumnDef): boolean {
  if (column.nullable !== false) return false;
  if (column.default && column.default.kind !== 'null') return false;
  return !column.autoIncrement && !column.generated && !column.primaryKey;
}

function fixes(ctx: RuleContext, column: ColumnDef, clause: { start: number; end: number }): Fix[] {
  const span = columnSpan(column, clause);
  const notNull = findKeyword(ctx.file.text, span, /\bNOT\s+NULL\b/i);
  if (!notNull) return [];
  const out: Fix[] = [fix(`Make ${column.name} nullable`, [replaceSpan(notNull, 'NULL')], true)];
  const literal = defaultLiteralFor(column.type, ctx.target);
  if (literal !== undefined) out.push(fix(`Add DEFAULT ${literal}`, [insertAt(notNull.end, ` DEFAULT ${literal}`)]));
  return out;
}

export const notNullWithoutDefault: Rule = {
  meta: {
    id: 'not-null-without-default',
    defaultSeverity: 'error',
    classes: ['BC'],
    description: 'Adding a NOT NULL column without a DEFAULT to an existing table, which breaks INSERTs from the running app version.',
    fixable: true,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      if (op.kind !== 'add-column' || !needsDefault(op.column)) continue;
      const col = op.column.name;
      const mode = ctx.session.sqlModeStrict
        ? 'fail with error 1364 (Field doesn\'t have a default value)'
        : 'silently store 0, \'\' or the first ENUM member (non-strict sql_mode)';
      ctx.report({
        message: `Column ${col} is added to existing table ${op.table} as NOT NULL without a DEFAULT: INSERTs from the running app version, which do not know ${col}, ${mode}; online-schema-change tools fail on it too.`,
        span: op.span,
        help: `Add ${col} as NULL (or NOT NULL with a DEFAULT), make the app write it, backfill in batches, then MODIFY it to NOT NULL in a later release.`,
        fixes: fixes(ctx, op.column, op.span),
      });
    }
  },
};
