// Batched backfills as a stored procedure created, called and dropped by the migration itself: a
// migration file cannot loop in plain SQL, and a procedure runs unchanged from every migration tool
// (the conventions only differ in how they delimit its body). Each batch commits on its own.
//
// With a single-column integer primary key the batches walk key ranges up to a cutoff read when the
// backfill starts (`WHERE id > ? AND id <= ? AND <pending>`): rows inserted later are the new app
// version's to write. Without one, the fallback repeats `UPDATE … WHERE <pending> ORDER BY <key>
// LIMIT n` until no row changes; it needs `pending` to be false once a row is updated.
// Re-running either form is safe: only rows still pending are touched (resumable).
import { primaryKey } from '../catalog/lookup';
import type { TableDef } from '../types';
import type { Step } from './draft';
import { quoteId } from './sql';

const INTEGER_TYPES = new Set(['TINYINT', 'SMALLINT', 'MEDIUMINT', 'INT', 'BIGINT']);

export const DEFAULT_BATCH_SIZE = 1000;
/** pause between batches: lets replicas and other writers keep up */
export const BATCH_PAUSE_SECONDS = 0.05;

export interface BackfillSpec {
  table: TableDef;
  /** assignments after SET, e.g. "`surname` = `last_name`" */
  set: string;
  /** the condition a row still needing the backfill meets, e.g. "`surname` IS NULL AND `last_name` IS NOT NULL" */
  pending: string;
  /** names the procedure: lockstep_<purpose> */
  purpose: string;
  batchSize: number;
}

export interface Backfill {
  steps: Step[];
  /** returns 0 when every row is done */
  countQuery: string;
  form: 'key-range' | 'limit';
}

/** the single-column integer primary key the key-range form walks, if the table has one */
export function integerKey(table: TableDef): string | undefined {
  const pk = primaryKey(table);
  const name = pk?.columns.length === 1 ? pk.columns[0].name : table.columns.find((c) => c.primaryKey)?.name;
  if (!name || (pk && pk.columns.length !== 1)) return undefined;
  const column = table.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
  return column && INTEGER_TYPES.has(column.type.name.toUpperCase()) ? column.name : undefined;
}

export function procedureName(purpose: string): string {
  return `lockstep_${purpose.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`.slice(0, 64).replace(/_+$/, '');
}

export function backfill(spec: BackfillSpec): Backfill {
  const name = quoteId(procedureName(spec.purpose));
  const t = quoteId(spec.table.name);
  const key = integerKey(spec.table);
  const batch = Math.max(1, Math.floor(spec.batchSize));
  const body = key ? keyRangeBody(t, quoteId(key), spec, batch) : limitBody(t, spec, batch);
  return {
    steps: [
      { sql: `DROP PROCEDURE IF EXISTS ${name}`, note: key ? `batched backfill by ${key} range up to a cutoff ${key} read at the start; re-running it only touches rows still pending` : 'batched backfill (no single-column integer primary key: batches of LIMIT rows until none is pending); re-running it only touches rows still pending' },
      { sql: `CREATE PROCEDURE ${name}()\nBEGIN\n${body}\nEND`, compound: true },
      { sql: `CALL ${name}()` },
      { sql: `DROP PROCEDURE ${name}` },
    ],
    countQuery: `SELECT COUNT(*) FROM ${t} WHERE ${spec.pending}`,
    form: key ? 'key-range' : 'limit',
  };
}

function keyRangeBody(t: string, k: string, spec: BackfillSpec, batch: number): string {
  return keyRangeLoop(t, k, batch, [`UPDATE ${t} SET ${spec.set} WHERE ${k} > batch_start AND ${k} <= batch_end AND ${spec.pending};`]);
}

/**
 * The body of a procedure that walks `table` by its integer key `key` in batches of `batch` rows up
 * to the largest key when it starts, running `statements` (which see `batch_start` and `batch_end`)
 * per batch, each batch committed, with a pause between batches. `others` are tables whose keys
 * also count for the cutoff (rows only there are visited too).
 */
export function keyRangeLoop(table: string, key: string, batch: number, statements: readonly string[], others: readonly string[] = []): string {
  const bounds = others.length === 0
    ? [`  SELECT CAST(MIN(${key}) AS DECIMAL(20, 0)) - 1, MAX(${key}) INTO batch_start, cutoff FROM ${table};`]
    : [
        `  SELECT CAST(MIN(k) AS DECIMAL(20, 0)) - 1, MAX(k) INTO batch_start, cutoff FROM (${[table, ...others].map((t) => `SELECT MIN(${key}) AS k FROM ${t} UNION ALL SELECT MAX(${key}) FROM ${t}`).join(' UNION ALL ')}) AS bounds;`,
      ];
  // the batch ends at the `batch`-th next key of each table, whichever comes first
  const nextIn = (t: string) => `(SELECT MAX(${key}) FROM (SELECT ${key} FROM ${t} WHERE ${key} > batch_start ORDER BY ${key} LIMIT ${batch}) AS next_batch)`;
  const next = others.length === 0 ? nextIn(table) : `LEAST(${[table, ...others].map((t) => `COALESCE(${nextIn(t)}, cutoff)`).join(', ')})`;
  return [
    '  DECLARE batch_start DECIMAL(20, 0);',
    '  DECLARE batch_end DECIMAL(20, 0);',
    '  DECLARE cutoff DECIMAL(20, 0);',
    ...bounds,
    '  WHILE batch_start < cutoff DO',
    `    SET batch_end = ${next};`,
    '    IF batch_end IS NULL OR batch_end > cutoff THEN',
    '      SET batch_end = cutoff;',
    '    END IF;',
    ...statements.map((st) => `    ${st}`),
    '    COMMIT;',
    '    SET batch_start = batch_end;',
    `    DO SLEEP(${BATCH_PAUSE_SECONDS});`,
    '  END WHILE;',
  ].join('\n');
}

function limitBody(t: string, spec: BackfillSpec, batch: number): string {
  const pk = primaryKey(spec.table);
  const order = pk ? ` ORDER BY ${pk.columns.map((c) => quoteId(c.name)).join(', ')}` : '';
  return [
    '  DECLARE changed BIGINT DEFAULT 1;',
    '  WHILE changed > 0 DO',
    `    UPDATE ${t} SET ${spec.set} WHERE ${spec.pending}${order} LIMIT ${batch};`,
    '    SET changed = ROW_COUNT();',
    '    COMMIT;',
    `    DO SLEEP(${BATCH_PAUSE_SECONDS});`,
    '  END WHILE;',
  ].join('\n');
}
