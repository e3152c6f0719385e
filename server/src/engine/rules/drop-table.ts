import { referencingForeignKeys } from '../catalog/lookup';
import { existingTableOps, type Rule } from './rule';
import { lineOf } from './util/lock-text';
import { isCreateGuard, recreatedBy } from './util/recreate';

export const dropTable: Rule = {
  meta: {
    id: 'drop-table',
    defaultSeverity: 'error',
    classes: ['BC', 'DL'],
    description: 'Dropping an existing table, which deletes its data and breaks the running app version that still queries it.',
    fixable: false,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      if (op.kind !== 'drop-table' || op.temporary) continue;
      if (isCreateGuard(op, ctx.statement, ctx.statements, ctx.catalog)) continue;
      const recreate = recreatedBy(ctx.statements, ctx.statement.index, op.table);
      const recreateNote = recreate ? ` The CREATE TABLE at line ${lineOf(ctx.file.text, recreate.span.start)} brings it back empty.` : '';
      const children = referencingForeignKeys(ctx.catalog, op.table).filter((r) => r.table.name.toLowerCase() !== op.table.toLowerCase());
      const fkNote = children.length > 0
        ? ` Table ${[...new Set(children.map((c) => c.table.name))].join(', ')} still references it by foreign key, so the drop fails (error 3730) unless foreign_key_checks=0.`
        : '';
      ctx.report({
        message: `Dropping table ${op.table} deletes its data and breaks the running app version, which still reads and writes it.${recreateNote}${fkNote}`,
        span: op.span,
        help: `Release 1: stop every read and write of ${op.table} (optionally RENAME TABLE ${op.table} TO ${op.table}_old and wait); release 2: drop it.`,
      });
    }
  },
};
