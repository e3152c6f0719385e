// Prediction of algorithm / lock / rebuild per DDL statement for a target. Pure.
//
// Predicted: ALTER TABLE, CREATE INDEX, DROP INDEX, RENAME TABLE, TRUNCATE, OPTIMIZE TABLE, and
// MySQL's ALTER TABLESPACE (MariaDB has no such statement: no prediction, will-fail reports it).
// Not predicted (null): CREATE TABLE / DROP TABLE (no algorithm applies: a new table has no rows to
// copy and a dropped one is gone; their hazards are the rules' business), non-DDL statements, and
// statements no parser understood.
import type { Algorithm, Catalog, Prediction, SessionState, Statement, StatementKind, Target } from '../types';
import { findTable } from '../catalog/lookup';
import { classifyOperation } from './classify';
import type { Classified } from './classify';
import { rejection } from './clauses';
import { combine } from './combine';

const PREDICTED: ReadonlySet<StatementKind> = new Set<StatementKind>(['alter-table', 'create-index', 'drop-index', 'rename-table', 'truncate', 'optimize-table', 'alter-tablespace']);
/** operations whose prediction needs nothing from the catalog */
const CATALOG_FREE = new Set(['rename-table', 'truncate-table', 'partition', 'table-options', 'force', 'optimize-table', 'add-check', 'drop-foreign-key', 'set-default', 'drop-default', 'rename-index', 'index-visibility', 'system-versioning', 'enable-keys', 'disable-keys', 'alter-tablespace']);

/** the written (or session) algorithm makes the server do something other than its own choice */
function forcedNote(statement: Statement, acceptsAnyway: Algorithm[] | undefined, best: Algorithm, target: Target, session: SessionState): string {
  const written = statement.ddlOptions.algorithm;
  if (written && acceptsAnyway?.includes(written as Algorithm)) return `; ALGORITHM=${written} is accepted, but the table is copied anyway`;
  const fromSession = session.alterAlgorithm?.replace(/'/g, '').toUpperCase();
  if (target.flavor === 'mariadb' && !written && fromSession === 'COPY' && best !== 'COPY') return '; SET alter_algorithm=COPY in force: the server will copy the table';
  return '';
}

/** the phrase a reason carries when a definition the prediction needed was not in the catalog */
export const NOT_IN_CATALOG = 'not in the catalog';

/** the prediction guessed at an old definition the catalog did not have (e.g. assumed a type change) */
export function isGuessedPrediction(prediction: Prediction): boolean {
  return prediction.reason.includes(NOT_IN_CATALOG);
}

export function predict(statement: Statement, catalog: Catalog, target: Target, session: SessionState): Prediction | null {
  try {
    if (!statement.analyzed || !PREDICTED.has(statement.kind)) return null;
    const ops = statement.operations.filter((op) => op.kind !== 'create-table' && op.kind !== 'drop-table');
    if (ops.length === 0) return null;
    const ctx = { catalog, target, session, statement };
    const classified: Classified[] = ops.flatMap((op) => classifyOperation(op, ctx));
    const table = findTable(catalog, ops[0].table);
    const combined = combine(classified, table, target, statement);
    if (!combined) return null;
    const { algorithm, lock, rebuild, decisive } = combined;
    const needsCatalog = ops.some((op) => !CATALOG_FREE.has(op.kind));
    const missing = !table && needsCatalog ? `; table \`${ops[0].table}\` ${NOT_IN_CATALOG}: predicted from the statement as written` : '';
    const lockNote = lock !== 'NONE' && combined.lockReason && combined.lockReason.detail !== decisive.detail ? `; LOCK=${lock} because of ${combined.lockReason.detail}` : '';
    const note = forcedNote(statement, decisive.fact.acceptsAnyway, algorithm, target, session);
    const parts = combined.rewritesPartitions;
    const partsNote = parts === undefined ? '' : parts === 'all' ? ', re-creates every partition (not the table)' : `, re-creates partition${parts.length > 1 ? 's' : ''} ${parts.join(', ')} only`;
    const reason = `${decisive.detail}: ${algorithm}${rebuild ? ', rebuilds the table' : partsNote}, LOCK=${lock}${lockNote} (${decisive.fact.source})${missing}${note}`;
    const rejected = rejection(statement, combined, target, session);
    const out: Prediction = { algorithm, lock, rebuild, reason };
    if (parts !== undefined) out.rewritesPartitions = parts;
    if (rejected) out.rejected = rejected;
    return out;
  } catch {
    return null; // the engine never throws on bad input
  }
}
