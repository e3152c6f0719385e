// Table context the classifiers share (FULLTEXT indexes, row format, VIRTUAL columns) and the
// shape of a classified clause.
import type { Catalog, ColumnDef, SessionState, Statement, TableDef, Target } from '../types';
import { findColumn } from '../catalog/lookup';
import { rowFormat } from './column-change';
import { atLeast } from '../targets';
import type { OpClass } from './facts';

export interface Classified {
  cls: OpClass;
  /** what the clause does, for the reason line */
  detail: string;
  /** builds a secondary index (turns MariaDB's instant column changes into a rebuild) */
  buildsIndex?: boolean;
  /** only adds or drops secondary indexes */
  indexOnly?: boolean;
  /** adds or drops a VIRTUAL column */
  virtualAddDrop?: boolean;
  /** adds an index on a VIRTUAL column added by the same statement */
  coversNewVirtual?: boolean;
  /** MySQL's refusal of ALGORITHM=INSTANT for this clause when it differs from the generic one (row versions used up) */
  instantRefusal?: string;
  /** partition maintenance: the partitions the clause names (`ALL` = every one) */
  partitions?: string[] | 'all';
}

export interface ClassifyContext {
  catalog: Catalog;
  target: Target;
  session: SessionState;
  statement: Statement;
}

/** FULLTEXT indexes the table keeps while the statement runs (those it drops do not count) */
export function fulltextCount(table: TableDef | undefined, statement?: Statement): number {
  const dropped = new Set((statement?.operations ?? []).flatMap((o) => (o.kind === 'drop-index' ? [o.name.toLowerCase()] : [])));
  return table?.indexes.filter((i) => i.kind === 'fulltext' && !dropped.has((i.name ?? '').toLowerCase())).length ?? 0;
}

export function hasUserFtsDocId(table: TableDef | undefined): boolean {
  return !!findColumn(table, 'FTS_DOC_ID');
}

/** instant column add/drop/reorder is impossible: COMPRESSED rows or a hidden FTS_DOC_ID (FULLTEXT) */
export function instantColumnsBlocked(table: TableDef | undefined, target?: Target): string | undefined {
  if (rowFormat(table) === 'COMPRESSED') return 'ROW_FORMAT=COMPRESSED';
  // the hidden FTS_DOC_ID stays even when the statement drops the FULLTEXT index
  if (fulltextCount(table) > 0) return 'the table has a FULLTEXT index';
  if (target && rowVersionsExhausted(table, target)) return `${table!.name} has reached ${MAX_ROW_VERSIONS} row versions since its last rebuild`;
  return undefined;
}

/** MySQL 8.0.29+: at most 64 row versions per table (instant ADD/DROP COLUMN), until a rebuild */
export const MAX_ROW_VERSIONS = 64;

export function rowVersionsExhausted(table: TableDef | undefined, target: Target): boolean {
  return target.flavor === 'mysql' && atLeast(target, 8, 0, 29) && (table?.rowVersions ?? 0) >= MAX_ROW_VERSIONS;
}

/** the server's refusal of ALGORITHM=INSTANT once the row versions are used up */
export function rowVersionsRefusal(table: TableDef): string {
  return `4092 Maximum row versions reached for table ${table.name}. No more columns can be added or dropped instantly. Please use COPY/INPLACE.`;
}

export function q(name: string): string {
  return `\`${name}\``;
}

export function isVirtual(col: ColumnDef | undefined): boolean {
  return !!col?.generated && !col.generated.stored;
}
