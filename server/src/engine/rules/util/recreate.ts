// The "create from scratch" idiom of schema scripts: `DROP TABLE IF EXISTS t; CREATE TABLE t (…)`.
import { tableExists } from '../../catalog/lookup';
import { tableCreatedAfter } from './file-index';
import type { Catalog, Operation, Statement } from '../../types';

type DropTableOp = Extract<Operation, { kind: 'drop-table' }>;

/** the first statement after `after` (by index) that creates `table`, if any */
export function recreatedBy(statements: readonly Statement[], after: number, table: string): Statement | undefined {
  return tableCreatedAfter(statements, after, table);
}

/**
 * A `DROP TABLE IF EXISTS t` of a table that no earlier migration created, followed by a CREATE
 * TABLE t in the same file: a guard that makes a fresh-install script re-runnable, not the drop of
 * an existing table (when the catalog knows t, even only from an earlier ALTER, it is a real drop).
 */
export function isCreateGuard(op: DropTableOp, statement: Statement, statements: readonly Statement[], catalog: Catalog): boolean {
  return op.ifExists && !tableExists(catalog, op.table) && recreatedBy(statements, statement.index, op.table) !== undefined;
}

/** whether the statement is made only of such guards */
export function isOnlyCreateGuards(statement: Statement, statements: readonly Statement[], catalog: Catalog): boolean {
  return statement.operations.length > 0 && statement.operations.every((op) => op.kind === 'drop-table' && isCreateGuard(op, statement, statements, catalog));
}
