import { existingTableOps, type Rule } from './rule';
import { diffColumn, type EnumChange } from './util/compat-column-diff';
import { reportGraded } from './util/compat-report';
import { quoteString } from './util/compat-sql';

function members(values: readonly string[]): string {
  return values.map(quoteString).join(', ');
}

export const enumSetChange: Rule = {
  meta: {
    id: 'enum-set-change',
    defaultSeverity: 'error',
    classes: ['RB', 'BC', 'DL'],
    description: 'An ENUM or SET definition change other than appending members at the end, which copies the table, shifts stored ordinals or loses removed values.',
    fixable: false,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      if (op.kind !== 'modify-column') continue;
      const change: EnumChange | undefined = diffColumn(ctx.catalog, op, ctx.target).enumSet;
      if (!change || change.verdict === 'append') continue;
      const col = `${op.table}.${op.column}`;
      if (change.verdict === 'remove') {
        ctx.report({
          message: `${change.typeName} change on ${col} removes ${members(change.removed)}: rows holding ${change.removed.length > 1 ? 'them' : 'it'} fail the ALTER (strict mode) or become '' (data loss), the running app version may still write ${change.removed.length > 1 ? 'them' : 'it'}, and only ALGORITHM=COPY can do it.`,
          span: op.span,
          help: 'Stop writing the value, migrate the rows that hold it, then remove it with an online-schema-change tool in a later release.',
        });
      } else if (change.verdict === 'reorder') {
        ctx.report({
          message: `${change.typeName} change on ${col} reorders or inserts members (${members(change.from)} → ${members(change.to)}): the stored ordinals shift, so ORDER BY and numeric comparisons change for the running app version, and only ALGORITHM=COPY can do it.`,
          span: op.span,
          help: 'Append new members at the end of the list, keeping the existing ones in their order.',
        });
      } else {
        reportGraded(ctx, {
          message: `${change.typeName} change on ${col} appends members, but the member count grows past what the current storage size holds (${change.typeName === 'ENUM' ? '255 members' : '8, 16, 24 or 32 members'}), so only ALGORITHM=COPY can do it and writes are blocked for the whole copy.`,
          span: op.span,
          help: 'Run the change through an online-schema-change tool, or keep the member count within the current storage size.',
        }, 'warning');
      }
    }
  },
};
