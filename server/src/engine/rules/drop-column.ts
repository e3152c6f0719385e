import { findColumn, findTable, foreignKeysOfColumn, indexesOfColumn } from '../catalog/lookup';
import { existingTableOps, type Rule } from './rule';
import { columnAddedEarlier } from './util/added-here';

export const dropColumn: Rule = {
  meta: {
    id: 'drop-column',
    defaultSeverity: 'error',
    classes: ['BC', 'DL'],
    description: 'Dropping a column of an existing table, which breaks the running app version that still reads or writes it and deletes its data.',
    fixable: false,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      if (op.kind !== 'drop-column') continue;
      const table = findTable(ctx.catalog, op.table);
      if (table && op.ifExists && !findColumn(table, op.column)) continue;
      if (columnAddedEarlier(ctx.statements, ctx.statement, op.table, op.column)) continue; // no running app version knows it yet
      const notes: string[] = [];
      const indexes = indexesOfColumn(table, op.column).map((i) => i.name ?? 'PRIMARY');
      if (indexes.length > 0) notes.push(` It is part of index ${indexes.join(', ')}, so the drop is not instant.`);
      const fks = foreignKeysOfColumn(table, op.column);
      if (fks.length > 0) notes.push(` Foreign key ${fks.map((f) => f.name ?? '(unnamed)').join(', ')} uses it: drop the key first.`);
      ctx.report({
        message: `Dropping column ${op.table}.${op.column} breaks the running app version, whose queries and ORM models still select or insert ${op.column}, and deletes its data.${notes.join('')}`,
        span: op.span,
        help: `Release 1: make the code stop reading and writing ${op.column} (Rails ignored_columns, Prisma @ignore, …) and deploy it everywhere; release 2: drop the column.`,
      });
    }
  },
  // the rest of the file only says whether an earlier statement added each dropped column
  dependency(ctx) {
    let key = '';
    for (const op of existingTableOps(ctx)) if (op.kind === 'drop-column') key += columnAddedEarlier(ctx.statements, ctx.statement, op.table, op.column) ? '1' : '0';
    return key;
  },
};
