import { insertAt, fix } from '../fix/edits';
import { findColumn, findTable, isNullable } from '../catalog/lookup';
import type { ColumnDef, Fix } from '../types';
import { existingTableOps, type Rule } from './rule';
import type { ModifyOp } from './util/compat-column-diff';
import { reportGraded } from './util/compat-report';
import { defaultText, definitionEnd } from './util/compat-sql';

function restateDefault(text: string, op: ModifyOp, old: ColumnDef): Fix[] {
  const end = definitionEnd(text, op.def, op.position !== undefined);
  if (end === undefined || !old.default) return [];
  return [fix(`Restate DEFAULT ${defaultText(old.default)}`, [insertAt(end, ` DEFAULT ${defaultText(old.default)}`)], true)];
}

export const dropDefault: Rule = {
  meta: {
    id: 'drop-default',
    defaultSeverity: 'warning',
    classes: ['BC'],
    description: 'Removing the DEFAULT of a NOT NULL column (ALTER … DROP DEFAULT, or a MODIFY that leaves the default out), which breaks INSERTs that rely on it.',
    fixable: true,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      if (op.kind === 'drop-default') {
        const table = findTable(ctx.catalog, op.table);
        const old = findColumn(table, op.column);
        const help = `Keep the default until every writer sets ${op.column}; drop it in a later release.`;
        if (!old) {
          reportGraded(ctx, {
            message: `DROP DEFAULT on ${op.table}.${op.column}: Lockstep does not know the column's definition (no earlier migration creates it), so it could not check whether it is NOT NULL; if it is, INSERTs from the running app version that omit ${op.column} fail.`,
            span: op.span,
            help,
          }, 'info');
          continue;
        }
        if (isNullable(table, old) || !old.default) continue;
        ctx.report({
          message: `Dropping the default of NOT NULL column ${op.table}.${op.column}: INSERTs from the running app version that omit ${op.column} then fail in strict mode (error 1364).`,
          span: op.span,
          help,
        });
      } else if (op.kind === 'modify-column') {
        const table = findTable(ctx.catalog, op.table);
        const old = findColumn(table, op.column);
        if (!old?.default || old.default.kind === 'null' || op.def.default) continue;
        const nowNotNull = op.def.nullable === false || !!op.def.primaryKey;
        if (!nowNotNull && isNullable(table, old)) continue;
        ctx.report({
          message: `${op.via === 'change' ? 'CHANGE' : 'MODIFY'} restates NOT NULL column ${op.table}.${op.column} without its DEFAULT ${defaultText(old.default)}, which drops the default: INSERTs from the running app version that omit ${op.column} then ${nowNotNull ? 'fail in strict mode (error 1364)' : 'store NULL instead'}.`,
          span: op.span,
          help: `Restate DEFAULT ${defaultText(old.default)} in the column definition (MODIFY replaces the whole definition).`,
          fixes: restateDefault(ctx.file.text, op, old),
        });
      }
    }
  },
};
