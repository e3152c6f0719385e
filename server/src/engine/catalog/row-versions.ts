// MySQL 8.0.29+ gives a table a new row version for every ALTER that adds or drops columns
// instantly, up to 64; a rebuild starts again from 0
// (https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html, Column Operations,
// "Adding a column"; INFORMATION_SCHEMA.INNODB_TABLES.TOTAL_ROW_VERSIONS). The replay counts, per
// table, the statements that add or drop a stored column without anything that rebuilds the table.
// It does not know the target, so it counts on every target; the knowledge base only uses the
// count for MySQL 8.0.29+.
import type { Operation, Statement, TableDef } from '../types';

/** table options whose change rebuilds the table */
const REBUILDING_OPTIONS = new Set(['ROW_FORMAT', 'KEY_BLOCK_SIZE', 'ENGINE', 'ENCRYPTION', 'COMPRESSION']);

function sameType(table: TableDef | undefined, op: Extract<Operation, { kind: 'modify-column' }>): boolean {
  const old = table?.columns.find((c) => c.name.toLowerCase() === op.column.toLowerCase());
  if (!old) return false;
  const a = old.type;
  const b = op.def.type;
  return a.name === b.name && (a.length ?? -1) === (b.length ?? -1) && (a.scale ?? -1) === (b.scale ?? -1) && !!a.unsigned === !!b.unsigned
    && (a.charset ?? '') === (b.charset ?? '') && (a.collation ?? '') === (b.collation ?? '') && (old.nullable === false) === (op.def.nullable === false);
}

/** an operation after which the table is certainly rebuilt (row versions start again) */
function rebuilds(op: Operation, table: TableDef | undefined): boolean {
  switch (op.kind) {
    case 'force':
    case 'optimize-table':
    case 'truncate-table':
    case 'drop-primary-key':
    case 'convert-charset':
      return true;
    case 'add-index': return op.index.kind === 'primary' || (op.index.kind === 'fulltext' && !table?.indexes.some((i) => i.kind === 'fulltext'));
    case 'partition': return op.action === 'partition-by' || op.action === 'remove-partitioning';
    case 'table-options': return Object.keys(op.options).some((k) => REBUILDING_OPTIONS.has(k.toUpperCase()));
    case 'modify-column': return !sameType(table, op);
    default: return false;
  }
}

/** adds or drops a stored (not VIRTUAL) column */
function versionsRow(op: Operation, table: TableDef | undefined): boolean {
  if (op.kind === 'add-column') return !(op.column.generated && !op.column.generated.stored);
  if (op.kind !== 'drop-column') return false;
  const col = table?.columns.find((c) => c.name.toLowerCase() === op.column.toLowerCase());
  return !(col?.generated && !col.generated.stored);
}

/** the table's row-version count after the statement (its operations on this table), given the count before */
export function rowVersionsAfter(statement: Statement, tableName: string, table: TableDef | undefined): number | undefined {
  const key = tableName.toLowerCase();
  const ops = statement.operations.filter((op) => op.table.toLowerCase() === key && op.kind !== 'create-table');
  if (ops.length === 0) return table?.rowVersions;
  const forced = statement.ddlOptions.algorithm === 'COPY' || statement.ddlOptions.algorithm === 'INPLACE';
  if (ops.some((op) => rebuilds(op, table))) return 0;
  if (!ops.some((op) => versionsRow(op, table))) return table?.rowVersions;
  return forced ? 0 : (table?.rowVersions ?? 0) + 1;
}
