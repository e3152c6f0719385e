import { findTable, foreignKeysOfColumn, referencingForeignKeys } from '../catalog/lookup';
import type { Span } from '../types';
import { existingTableOps, type Rule } from './rule';
import { columnAddedEarlier } from './util/added-here';

export const renameColumn: Rule = {
  meta: {
    id: 'rename-column',
    defaultSeverity: 'error',
    classes: ['BC'],
    description: 'Renaming a column of an existing table (RENAME COLUMN, or CHANGE with a new name), which breaks every app instance still using the old name.',
    fixable: false,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      let from: string;
      let to: string;
      let span: Span;
      if (op.kind === 'rename-column') {
        [from, to, span] = [op.column, op.newName, op.span];
      } else if (op.kind === 'modify-column' && op.newName !== undefined) {
        [from, to, span] = [op.column, op.newName, op.span];
      } else continue;
      if (from.toLowerCase() === to.toLowerCase()) continue; // column names are case-insensitive
      if (columnAddedEarlier(ctx.statements, ctx.statement, op.table, from)) continue; // no running app version knows it yet
      const table = findTable(ctx.catalog, op.table);
      const inFk = foreignKeysOfColumn(table, from).length > 0 || referencingForeignKeys(ctx.catalog, op.table, from).length > 0;
      const fkNote = inFk && ctx.target.flavor === 'mysql' ? ' A foreign key uses it, so MySQL can only rename it with ALGORITHM=INPLACE.' : '';
      ctx.report({
        message: `Renaming column ${op.table}.${from} to ${to} breaks every running app instance that still uses ${from}: no deploy can switch code and schema at the same instant.${fkNote}`,
        span,
        help: `Rename only in the ORM mapping if you can (Prisma @map, GORM column tag, TypeORM name); otherwise add ${to}, dual-write and backfill, switch reads to ${to}, then drop ${from} in a later release.`,
      });
    }
  },
  // the rest of the file only says whether an earlier statement added each renamed column
  dependency(ctx) {
    let key = '';
    for (const op of existingTableOps(ctx)) {
      const from = op.kind === 'rename-column' || (op.kind === 'modify-column' && op.newName !== undefined) ? op.column : undefined;
      if (from !== undefined) key += columnAddedEarlier(ctx.statements, ctx.statement, op.table, from) ? '1' : '0';
    }
    return key;
  },
};
