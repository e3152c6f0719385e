// Keys the server refuses for their length: an index on TEXT/BLOB without a prefix (1170), a key
// part over the row format's column limit (1709), a key over 3072 bytes (1071).
// Measured on MariaDB 10.11.19 (strict sql_mode, DYNAMIC rows):
// - a non-unique single key part that is too long is cut to a prefix (with a warning), not refused;
// - a too-long or TEXT/BLOB UNIQUE key becomes a `USING HASH` long unique key (10.4+), not refused;
// - a PRIMARY KEY on TEXT without a prefix is 1170, a too-long one 1071;
// - COMPACT/REDUNDANT rows: a key part over 767 bytes is 1709 for every index kind.
// MySQL (manual, InnoDB limits): TEXT/BLOB key parts need a prefix (1170) and keys are limited to
// 3072 bytes (767 per column for COMPACT/REDUNDANT).
import type { IndexDef, TableDef, Target } from '../../types';
import { findColumn } from '../../catalog/lookup';
import { atLeast } from '../../targets';
import { rowFormat } from '../column-change';
import { isBlobType, keyPartBytes } from '../key-part-bytes';
import type { Refusal, TableChange } from './types';

const SOURCE = 'https://dev.mysql.com/doc/refman/8.0/en/innodb-limits.html; measured MariaDB 10.11.19';
const MAX_KEY = 3072;
const MAX_PART_COMPACT = 767;

type Verdict = { errno: number; message: string; cause: string } | undefined;

function hashesLongUnique(index: IndexDef, target: Target): boolean {
  return index.kind === 'unique' && target.flavor === 'mariadb' && atLeast(target, 10, 4, 0);
}

function label(index: IndexDef): string {
  return index.kind === 'primary' ? 'PRIMARY KEY' : `${index.kind === 'unique' ? 'UNIQUE ' : ''}index \`${index.name ?? '(unnamed)'}\``;
}

export function indexVerdict(table: TableDef, index: IndexDef, target: Target): Verdict {
  if (index.kind === 'fulltext' || index.kind === 'spatial') return undefined;
  const compact = ['COMPACT', 'REDUNDANT'].includes(rowFormat(table));
  const partLimit = compact ? MAX_PART_COMPACT : MAX_KEY;
  const hashes = hashesLongUnique(index, target);
  let total = 0;
  for (const part of index.columns) {
    if (part.expression) return undefined; // functional key part: its size is not known here
    const column = findColumn(table, part.name);
    if (!column) return undefined;
    if (isBlobType(column) && part.length === undefined) {
      if (target.flavor === 'mysql' || index.kind === 'primary') {
        return { errno: 1170, message: `BLOB/TEXT column '${column.name}' used in key specification without a key length`, cause: `${label(index)} on ${column.type.name} column \`${column.name}\` has no prefix length` };
      }
      if (hashes) return undefined;
      total += partLimit; // MariaDB cuts it to the longest prefix
      continue;
    }
    const bytes = keyPartBytes(table, column, part);
    if (bytes === undefined) return undefined;
    if (compact && bytes > partLimit) {
      return { errno: 1709, message: `Index column size too large. The maximum column size is ${partLimit} bytes`, cause: `key part \`${column.name}\` of ${label(index)} takes ${bytes} bytes; ROW_FORMAT=${rowFormat(table)} allows ${partLimit}` };
    }
    if (bytes > partLimit && index.kind === 'index' && index.columns.length === 1) return undefined; // cut to a prefix, with a warning
    total += Math.min(bytes, index.kind === 'index' ? partLimit : bytes);
  }
  if (total <= MAX_KEY || hashes) return undefined;
  return { errno: 1071, message: `Specified key was too long; max key length is ${MAX_KEY} bytes`, cause: `${label(index)} takes ${total} bytes, over the ${MAX_KEY}-byte key limit` };
}

/** indexes the statement adds or changes (a new index object, or one whose columns were redefined) */
function touchedIndexes(change: TableChange): IndexDef[] {
  const after = change.after;
  if (!after) return [];
  const before = change.before;
  if (!before) return after.indexes;
  const redefined = new Set(after.columns.filter((c) => !before.columns.includes(c)).map((c) => c.name.toLowerCase()));
  const rowFormatChanged = rowFormat(before) !== rowFormat(after);
  return after.indexes.filter((i) => rowFormatChanged || !before.indexes.includes(i) || i.columns.some((c) => redefined.has(c.name.toLowerCase())));
}

export function keyLengthRefusals(change: TableChange, target: Target): Refusal[] {
  const after = change.after;
  if (!after) return [];
  const out: Refusal[] = [];
  for (const index of touchedIndexes(change)) {
    const v = indexVerdict(after, index, target);
    // an index this statement defines points at its definition; an existing one (its span is in another statement) at the clause
    const own = !change.before?.indexes.includes(index) && index.span;
    if (v) out.push({ ...v, span: own || change.span, source: SOURCE });
  }
  return out;
}
