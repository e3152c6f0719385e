// MariaDB refuses to drop one column of a multi-column UNIQUE or PRIMARY KEY (the remaining columns
// would no longer be unique): 1072 "Key column … doesn't exist in table" (measured 10.11.19;
// MariaDB ALTER TABLE docs, DROP COLUMN). Dropping the key, or all of its columns, in the same
// statement is accepted. MySQL removes the column from the key instead.
import type { IndexDef, Statement } from '../../types';
import { findTable } from '../../catalog/lookup';
import type { Refusal, RefusalContext } from './types';

const SOURCE = 'https://mariadb.com/docs/server/reference/sql-statements/data-definition/alter/alter-table (DROP COLUMN); measured MariaDB 10.11.19';

function droppedNames(statement: Statement, table: string, kind: 'drop-column' | 'drop-index'): Set<string> {
  const t = table.toLowerCase();
  const out = new Set<string>();
  for (const op of statement.operations) {
    if (op.table.toLowerCase() !== t) continue;
    if (kind === 'drop-column' && op.kind === 'drop-column') out.add(op.column.toLowerCase());
    if (kind === 'drop-index' && (op.kind === 'drop-index' || op.kind === 'drop-constraint')) out.add(op.name.toLowerCase());
    if (kind === 'drop-index' && op.kind === 'drop-primary-key') out.add('primary');
  }
  return out;
}

function indexName(index: IndexDef): string {
  return (index.kind === 'primary' ? 'PRIMARY' : index.name ?? '').toLowerCase();
}

export function uniqueKeyColumnRefusals(ctx: RefusalContext): Refusal[] {
  if (ctx.target.flavor !== 'mariadb') return [];
  const out: Refusal[] = [];
  for (const op of ctx.statement.operations) {
    if (op.kind !== 'drop-column') continue;
    const table = findTable(ctx.before, op.table);
    if (!table) continue;
    const columns = droppedNames(ctx.statement, op.table, 'drop-column');
    const indexes = droppedNames(ctx.statement, op.table, 'drop-index');
    const n = op.column.toLowerCase();
    const key = table.indexes.find((i) => (i.kind === 'unique' || i.kind === 'primary') && i.columns.length > 1
      && i.columns.some((c) => c.name.toLowerCase() === n)
      && !i.columns.every((c) => columns.has(c.name.toLowerCase()))
      && !indexes.has(indexName(i)));
    if (!key) continue;
    const label = key.kind === 'primary' ? 'PRIMARY KEY' : `UNIQUE key \`${key.name ?? '(unnamed)'}\``;
    out.push({
      errno: 1072,
      message: `Key column '${op.column}' doesn't exist in table`,
      span: op.span,
      cause: `column \`${op.column}\` is one of the columns of the ${label} (${key.columns.map((c) => c.name).join(', ')}), and MariaDB does not drop a column out of a multi-column unique key`,
      source: SOURCE,
    });
  }
  return out;
}
