// Online DDL for generated plans: every ALTER asserts the algorithm the knowledge base predicts for
// the target (INSTANT, else INPLACE with LOCK=NONE), so the server fails fast instead of copying.
import { applyStatement } from '../catalog/apply';
import { predict } from '../kb/predict';
import { parseFile } from '../parse';
import { assertionFor } from '../rules/util/lock-ddl';
import { initialSession } from '../session';
import type { Catalog, Prediction, SessionState, Target } from '../types';

/** seconds a generated DDL waits for a metadata lock before giving up (retry later, nothing queues behind it) */
export const LOCK_WAIT_SECONDS = 5;

export const LOCK_WAIT_SQL = `SET SESSION lock_wait_timeout = ${LOCK_WAIT_SECONDS}`;

export interface OnlineDdl {
  sql: string;
  prediction: Prediction | null;
  /** no ALGORITHM/LOCK clause makes it online: the server copies the table */
  copies: boolean;
}

/**
 * `ddl` (an ALTER TABLE / CREATE INDEX without ALGORITHM or LOCK) with the clause the prediction
 * says the target accepts; the working catalog is advanced past it.
 */
export function onlineDdl(ddl: string, catalog: Catalog, target: Target, session: Partial<SessionState> = {}): OnlineDdl {
  const [statement] = parseFile(ddl, { target });
  if (!statement) return { sql: ddl, prediction: null, copies: false };
  const prediction = predict(statement, catalog, target, { ...initialSession(), lockWaitTimeout: LOCK_WAIT_SECONDS, ...session });
  const clause = prediction ? assertionFor(statement, target, prediction) : undefined;
  applyStatement(catalog, statement, '<plan>');
  const sql = clause ? `${ddl}${statement.kind === 'alter-table' ? ',' : ''} ${clause}` : ddl;
  return { sql, prediction, copies: prediction?.algorithm === 'COPY' };
}

/** advance the working catalog past a statement that needs no clause (RENAME TABLE, DROP TABLE, CREATE TABLE, …) */
export function applyToCatalog(sql: string, catalog: Catalog, target: Target): void {
  for (const statement of parseFile(sql, { target })) applyStatement(catalog, statement, '<plan>');
}
