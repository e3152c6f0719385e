// Partition maintenance the server refuses for the table's partitioning scheme (measured on MariaDB
// 10.11.19; the same errors in https://dev.mysql.com/doc/refman/8.0/en/partitioning-management.html):
// ADD PARTITION after a MAXVALUE partition (1481; RANGE COLUMNS 1493), a duplicate partition name
// (1517), DROP PARTITION on HASH/KEY (1512), COALESCE on RANGE/LIST (1509), removing every
// partition (1508), an unknown partition name (1507), any of these on an unpartitioned table (1505).
// MariaDB accepts ADD PARTITION after a LIST DEFAULT partition (measured); MySQL has no DEFAULT.
import type { Operation, PartitioningDef, TableDef, Target } from '../../types';
import { findTable } from '../../catalog/lookup';
import type { Refusal, RefusalContext } from './types';

const SOURCE = 'https://dev.mysql.com/doc/refman/8.0/en/partitioning-management.html; measured MariaDB 10.11.19';
type PartitionOp = Extract<Operation, { kind: 'partition' }>;
type Verdict = { errno: number; message: string; cause: string } | undefined;

const isHashOrKey = (p: PartitioningDef) => p.method === 'HASH' || p.method === 'KEY';
const isRangeOrList = (p: PartitioningDef) => p.method === 'RANGE' || p.method === 'LIST';

function unknownNames(p: PartitioningDef, names: readonly string[]): string[] {
  if (p.names.length === 0) return [];
  const known = new Set(p.names.map((n) => n.toLowerCase()));
  return names.filter((n) => n.toUpperCase() !== 'ALL' && !known.has(n.toLowerCase()));
}

function addVerdict(table: TableDef, p: PartitioningDef, op: PartitionOp): Verdict {
  const added = op.partitions;
  if (p.method === 'RANGE' && p.catchAll) {
    const last = p.names[p.names.length - 1] ?? 'the last partition';
    return p.columns
      ? { errno: 1493, message: 'VALUES LESS THAN value must be strictly increasing for each partition', cause: `\`${table.name}\` already ends with partition \`${last}\` VALUES LESS THAN (MAXVALUE, …): nothing can follow it` }
      : { errno: 1481, message: 'MAXVALUE can only be used in last partition definition', cause: `\`${table.name}\` already ends with partition \`${last}\` VALUES LESS THAN MAXVALUE: nothing can follow it` };
  }
  const existing = new Set(p.names.map((n) => n.toLowerCase()));
  const dup = added?.names.find((n) => existing.has(n.toLowerCase()));
  if (dup) return { errno: 1517, message: `Duplicate partition name ${dup}`, cause: `\`${table.name}\` already has a partition \`${dup}\`` };
  return undefined;
}

function dropVerdict(table: TableDef, p: PartitioningDef, op: PartitionOp, target: Target): Verdict {
  if (isHashOrKey(p)) return { errno: 1512, message: 'DROP PARTITION can only be used on RANGE/LIST partitions', cause: `\`${table.name}\` is partitioned by ${p.method}: use COALESCE PARTITION to reduce its partitions` };
  const names = op.names ?? [];
  const unknown = unknownNames(p, names);
  if (unknown.length > 0) {
    const message = target.flavor === 'mariadb' ? 'Wrong partition name or partition list' : 'Error in list of partitions to DROP';
    return { errno: 1507, message, cause: `\`${table.name}\` has no partition ${unknown.map((n) => `\`${n}\``).join(', ')}` };
  }
  if (p.names.length > 0 && isRangeOrList(p) && new Set(names.map((n) => n.toLowerCase())).size >= p.names.length) {
    return { errno: 1508, message: 'Cannot remove all partitions, use DROP TABLE instead', cause: `it drops every partition of \`${table.name}\`` };
  }
  return undefined;
}

function coalesceVerdict(table: TableDef, p: PartitioningDef, op: PartitionOp): Verdict {
  if (isRangeOrList(p)) return { errno: 1509, message: 'COALESCE PARTITION can only be used on HASH/KEY partitions', cause: `\`${table.name}\` is partitioned by ${p.method}` };
  const n = op.partitions?.count;
  if (isHashOrKey(p) && n !== undefined && p.count > 0 && n >= p.count) {
    return { errno: 1508, message: 'Cannot remove all partitions, use DROP TABLE instead', cause: `COALESCE PARTITION ${n} would remove all ${p.count} partitions of \`${table.name}\`` };
  }
  return undefined;
}

const MAINTENANCE = new Set(['add', 'drop', 'truncate', 'coalesce', 'reorganize', 'rebuild', 'exchange', 'optimize', 'analyze', 'check', 'repair', 'discard', 'import']);

function verdict(table: TableDef, op: PartitionOp, target: Target): Verdict {
  if (!table.partitioned) {
    // only a table a migration created is known to be unpartitioned (a schema source may not say)
    if (!MAINTENANCE.has(op.action) || !table.createdAt || table.fromCurrentSchema) return undefined;
    return { errno: 1505, message: 'Partition management on a not partitioned table is not possible', cause: `\`${table.name}\` is not partitioned` };
  }
  const p = table.partitioning;
  if (!p) return undefined;
  if (op.action === 'add') return addVerdict(table, p, op);
  if (op.action === 'drop') return dropVerdict(table, p, op, target);
  if (op.action === 'coalesce') return coalesceVerdict(table, p, op);
  return undefined;
}

export function partitionRefusals(ctx: RefusalContext): Refusal[] {
  const out: Refusal[] = [];
  for (const op of ctx.statement.operations) {
    if (op.kind !== 'partition') continue;
    const table = findTable(ctx.before, op.table);
    const v = table ? verdict(table, op, ctx.target) : undefined;
    if (v) out.push({ ...v, span: op.span, source: SOURCE });
  }
  return out;
}
