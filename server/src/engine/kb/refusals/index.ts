// Statements the server will refuse, found from the statement and the schema before it: the
// error number and message the server gives. Pure; never throws.
import type { Catalog, SessionState, Span, Statement, TableDef, Target } from '../../types';
import { applyStatement, tableKey } from '../../catalog/apply';
import { findTable } from '../../catalog/lookup';
import { autoIncrementRefusals } from './auto-increment';
import { foreignKeyColumnRefusals } from './foreign-key-columns';
import { keyLengthRefusals } from './key-length';
import { partitionRefusals } from './partitions';
import { uniqueKeyColumnRefusals } from './unique-key-columns';
import type { Refusal, RefusalContext, TableChange } from './types';

export type { Refusal } from './types';

const CHECKED = new Set(['create-table', 'alter-table', 'create-index', 'alter-tablespace']);

/** statements a flavor has no syntax for (measured on MariaDB 10.11.19) */
function syntaxRefusals(statement: Statement, target: Target): Refusal[] {
  if (statement.kind !== 'alter-tablespace' || target.flavor !== 'mariadb') return [];
  return [{
    errno: 1064,
    message: "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'TABLESPACE …'",
    span: statement.span,
    cause: 'ALTER TABLESPACE is MySQL syntax: MariaDB has no general tablespaces',
    source: 'measured MariaDB 10.11.19',
  }];
}

function within(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

/** a catalog of only the tables the statement names (their definitions are shared, never changed in place) */
function touchedTables(catalog: Catalog, statement: Statement): Catalog {
  const tables = new Map<string, TableDef>();
  for (const op of statement.operations) {
    for (const name of [op.table, op.kind === 'create-table' ? op.likeTable : undefined]) {
      const table = name ? catalog.tables.get(tableKey(name)) : undefined;
      if (table && name) tables.set(tableKey(name), table);
    }
  }
  return { tables };
}

/** every table the statement creates or changes, before and after */
function tableChanges(ctx: RefusalContext): TableChange[] {
  const seen = new Map<string, TableChange>();
  for (const op of ctx.statement.operations) {
    const key = op.table.toLowerCase();
    if (seen.has(key) || op.kind === 'drop-table' || op.kind === 'rename-table') continue;
    const before = op.kind === 'create-table' ? undefined : findTable(ctx.before, op.table);
    if (op.kind !== 'create-table' && !before) continue; // a table the catalog does not fully know: nothing to judge
    if (op.kind === 'create-table' && (op.likeTable || op.asSelect || (op.ifNotExists && findTable(ctx.before, op.table)))) continue;
    seen.set(key, { name: op.table, before, after: findTable(ctx.after, op.table), span: op.span });
  }
  return [...seen.values()];
}

export function refusals(statement: Statement, catalog: Catalog, target: Target, session: SessionState, path = 'migration.sql'): Refusal[] {
  try {
    if (!statement.analyzed || !CHECKED.has(statement.kind)) return [];
    const after = touchedTables(catalog, statement);
    applyStatement(after, statement, path);
    const ctx: RefusalContext = { statement, before: catalog, after, target, session };
    const out: Refusal[] = [...syntaxRefusals(statement, target), ...foreignKeyColumnRefusals(ctx), ...uniqueKeyColumnRefusals(ctx), ...partitionRefusals(ctx)];
    for (const change of tableChanges(ctx)) out.push(...autoIncrementRefusals(ctx, change), ...keyLengthRefusals(change, target));
    // a span from an earlier file (an index defined there) is replaced by this statement's first clause
    return out.map((r) => (within(r.span, statement.span) ? r : { ...r, span: statement.operations[0]?.span ?? statement.span }));
  } catch {
    return [];
  }
}
