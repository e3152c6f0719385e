import { fix, insertAt } from '../fix/edits';
import type { ColumnDef, Fix, Operation } from '../types';
import { tableExists } from '../catalog/lookup';
import type { Rule, RuleContext } from './rule';
import { primaryKeyAddedAfter } from './util/file-index';
import { indentationAt } from '../fix/edits';

type CreateOp = Extract<Operation, { kind: 'create-table' }>;

function isNotNull(columns: readonly ColumnDef[], name: string): boolean {
  const c = columns.find((x) => x.name.toLowerCase() === name.toLowerCase());
  return !!c && (c.nullable === false || !!c.primaryKey);
}

/** a PRIMARY KEY, or a UNIQUE key over NOT NULL columns (InnoDB clusters on it, and online-schema-change tools accept it) */
function hasKey(op: CreateOp): boolean {
  if (op.columns.some((c) => c.primaryKey)) return true;
  if (op.columns.some((c) => c.unique && c.nullable === false)) return true;
  return op.indexes.some((i) => i.kind === 'primary' || (i.kind === 'unique' && i.columns.length > 0 && i.columns.every((c) => !c.expression && isNotNull(op.columns, c.name))));
}

function addIdFix(ctx: RuleContext, op: CreateOp): Fix[] {
  const first = op.columns[0]?.span;
  if (!first || op.columns.some((c) => c.name.toLowerCase() === 'id')) return [];
  // a partitioned table's primary key must include the partitioning columns (error 1503), and a
  // table holds at most one AUTO_INCREMENT column (error 1075): no one-edit id column then
  if (op.partitioned || op.columns.some((c) => c.autoIncrement)) return [];
  const indent = indentationAt(ctx.file.text, first.start);
  const sameLine = ctx.file.text.lastIndexOf('\n', first.start - 1) < ctx.file.text.lastIndexOf('(', first.start - 1);
  const sep = sameLine ? ' ' : `\n${indent}`;
  return [fix('Add id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY', [insertAt(first.start, `id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,${sep}`)], true)];
}

function helpFor(op: CreateOp): string {
  if (op.partitioned) return 'Declare a primary key that includes every column of the partitioning expression.';
  const auto = op.columns.find((c) => c.autoIncrement);
  if (auto) return `Make the AUTO_INCREMENT column the key: PRIMARY KEY (${auto.name}).`;
  return 'Declare a primary key, e.g. id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY.';
}

export const tableWithoutPrimaryKey: Rule = {
  meta: {
    id: 'table-without-primary-key',
    defaultSeverity: 'warning',
    classes: ['LK', 'RB'],
    description: 'A CREATE TABLE without a primary key (or a unique key over NOT NULL columns), which rules out online schema changes on the table later.',
    fixable: true,
  },
  check(ctx) {
    for (const op of ctx.statement.operations) {
      if (op.kind !== 'create-table' || op.temporary || op.likeTable) continue;
      if (op.ifNotExists && tableExists(ctx.catalog, op.table)) continue; // a no-op: the table is already there
      if (hasKey(op) || primaryKeyAddedAfter(ctx.statements, ctx.statement.index, op.table)) continue;
      ctx.report({
        message: `Table ${op.table} has no primary key: InnoDB clusters it on a hidden row id, row-based replication has to scan for every changed row, and gh-ost, pt-online-schema-change and spirit refuse it, so every later change to it must lock.`,
        span: op.span,
        help: helpFor(op),
        fixes: addIdFix(ctx, op),
      });
    }
  },
};
