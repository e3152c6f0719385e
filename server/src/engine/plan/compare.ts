// Compare-and-compensate for copied data: the query that finds rows whose copy disagrees with the
// original, and the batched statement that rewrites the copy from the original (the old side wins).
import type { TableDef } from '../types';
import { backfill, type Backfill } from './backfill';
import { differs, quoteId } from './sql';

export interface Compensation extends Backfill {
  /** counts the rows whose copy differs from the original: 0 when they agree */
  compareQuery: string;
}

/** `copy` (a column of `table`) must equal `source` (an expression over the same row) */
export function compensateColumn(table: TableDef, copy: string, source: string, purpose: string, batchSize: number, compared?: { copy: string; source: string }): Compensation {
  const pending = compared ? differs(compared.copy, compared.source) : differs(quoteId(copy), source);
  const fill = backfill({ table, set: `${quoteId(copy)} = ${source}`, pending, purpose, batchSize });
  return { ...fill, compareQuery: `SELECT COUNT(*) FROM ${quoteId(table.name)} WHERE ${pending}` };
}
