// Measures what the live server does with one DDL statement on the scratch copies: the best
// algorithm it accepts, the weakest lock, whether the table was rebuilt (a new InnoDB table id).
// Every try starts from a fresh copy of the table state before the statement (DDL is not
// transactional, so the try schema is rebuilt from the state schema each time).
import type { Connection } from 'mysql2/promise';
import type { Algorithm, LockLevel, Statement } from '../engine';
import { errnoOf, errorText, type Link, type RowData } from './connection';
import { resetTries, type Scratch } from './scratch';
import { withClause } from './sql';
import type { Measured } from './types';

const LOCKS: LockLevel[] = ['NONE', 'SHARED', 'EXCLUSIVE'];
/** the statement has no place for ALGORITHM=/LOCK= (parse error): MariaDB can still be probed through alter_algorithm */
const SYNTAX_ERROR = 1064;

export interface TryOutcome {
  ok: boolean;
  errno?: number;
  message?: string;
  affectedRows: number;
  rebuilt: boolean;
  /** the table ids could not be read */
  rebuildUnknown?: boolean;
  ms: number;
}

export interface MeasureContext {
  link: Link;
  conn: Connection;
  scratch: Scratch;
  flavor: 'mysql' | 'mariadb';
  /** real names (in the state schema) of the tables a try needs */
  tables: string[];
}

/** InnoDB table ids of a schema's tables (partitions included), by InnoDB name */
export async function tableIds(link: Link, conn: Connection, flavor: 'mysql' | 'mariadb', schema: string): Promise<Map<string, number> | null> {
  const view = flavor === 'mariadb' ? 'INNODB_SYS_TABLES' : 'INNODB_TABLES';
  try {
    const rows = await link.query(conn, `SELECT NAME AS n, TABLE_ID AS id FROM information_schema.${view} WHERE NAME LIKE ?`, [`${schema}/%`]);
    return tableIdsFrom(rows);
  } catch (err) {
    // the InnoDB views need the PROCESS privilege: the rebuild is then not measured
    if (errnoOf(err) === 1227) return null;
    throw err;
  }
}

/** rows of the INNODB_TABLES (MySQL) / INNODB_SYS_TABLES (MariaDB) query (columns n, id) → id by InnoDB name */
export function tableIdsFrom(rows: readonly RowData[]): Map<string, number> {
  return new Map(rows.map((r) => [String(r.n), Number(r.id)]));
}

/** said once in the messages when the InnoDB table ids could not be read */
export const REBUILD_NOT_MEASURED = 'rebuild not measured: reading InnoDB table ids (information_schema) needs the PROCESS privilege';

/** `schema/t#P#p0` → `schema/t` (MySQL writes `#p#`) */
function baseName(name: string): string {
  return name.replace(/#p#.*$/i, '');
}

/**
 * Rebuilt: an object that exists before and after under the same name got an id that did not
 * exist before, or all of a table's objects were replaced (PARTITION BY, REMOVE PARTITIONING).
 * Ids moving between names (RENAME, EXCHANGE PARTITION) are not rebuilds.
 */
export function wasRebuilt(before: Map<string, number>, after: Map<string, number>): boolean {
  const oldIds = new Set(before.values());
  const afterByBase = new Map<string, number[]>();
  for (const [name, id] of after) {
    if (before.has(name) && !oldIds.has(id)) return true;
    afterByBase.set(baseName(name), [...(afterByBase.get(baseName(name)) ?? []), id]);
  }
  const beforeBases = new Set([...before.keys()].map(baseName));
  for (const [base, ids] of afterByBase) {
    if (beforeBases.has(base) && ids.every((id) => !oldIds.has(id))) return true;
  }
  return false;
}

/** runs `sql` once in a freshly rebuilt try schema */
export async function tryOnce(ctx: MeasureContext, sql: string, alterAlgorithm?: Algorithm): Promise<TryOutcome> {
  const { link, conn } = ctx;
  await resetTries(link, conn, ctx.scratch, ctx.tables);
  const before = await tableIds(link, conn, ctx.flavor, ctx.scratch.tries);
  if (alterAlgorithm) await link.exec(conn, `SET SESSION alter_algorithm = '${alterAlgorithm}'`);
  const started = performance.now();
  try {
    const res = await link.exec(conn, sql);
    const ms = performance.now() - started;
    // OPTIMIZE TABLE reports failures as result rows
    const failed = res.rows.find((r) => String(r.Msg_type).toLowerCase() === 'error');
    if (failed) return { ok: false, message: String(failed.Msg_text), affectedRows: 0, rebuilt: false, ms };
    const after = await tableIds(link, conn, ctx.flavor, ctx.scratch.tries);
    if (!before || !after) return { ok: true, affectedRows: res.affectedRows, rebuilt: false, rebuildUnknown: true, ms };
    return { ok: true, affectedRows: res.affectedRows, rebuilt: wasRebuilt(before, after), ms };
  } catch (err) {
    // a broken connection is the run's failure, not the statement's
    if (isConnectionError(err)) throw err;
    return { ok: false, errno: errnoOf(err), message: errorText(err, link.secrets).replace(/^\d+\s+/, ''), affectedRows: 0, rebuilt: false, ms: performance.now() - started };
  } finally {
    if (alterAlgorithm) await link.exec(conn, "SET SESSION alter_algorithm = 'DEFAULT'");
  }
}

export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; fatal?: boolean; name?: string };
  const message = (err as { message?: unknown })?.message;
  return (
    e?.name === 'DryRunError' ||
    e?.fatal === true ||
    e?.code === 'PROTOCOL_CONNECTION_LOST' ||
    e?.code === 'PROTOCOL_SEQUENCE_TIMEOUT' ||
    e?.errno === 1927 ||
    e?.errno === 2013 ||
    (typeof message === 'string' && /closed state|connection lost|Connection was killed/i.test(message))
  );
}

function refusal(r: TryOutcome): string {
  return `${r.errno ?? ''} ${r.message ?? ''}`.trim();
}

/** the refusal is about the LOCK level, not the algorithm */
function lockError(r: TryOutcome): boolean {
  return !r.ok && /^LOCK=/i.test(r.message ?? '');
}

/**
 * The ALGORITHM=/LOCK= clauses tried for one algorithm, weakest lock first. MySQL refuses any LOCK
 * clause next to ALGORITHM=INSTANT (error 1221, "Incorrect usage of ALGORITHM=INSTANT and LOCK=…"):
 * INSTANT is tried alone there, and never blocks DML (reported as LOCK=NONE).
 */
export function clauseTries(flavor: 'mysql' | 'mariadb', algorithm: Algorithm): { lock: LockLevel; clause: string }[] {
  if (flavor === 'mysql' && algorithm === 'INSTANT') return [{ lock: 'NONE', clause: 'ALGORITHM=INSTANT' }];
  return LOCKS.map((lock) => ({ lock, clause: `ALGORITHM=${algorithm}, LOCK=${lock}` }));
}

export interface MeasureResult {
  measured: Measured | null;
  /** every try refused the statement for a reason that is not about ALGORITHM/LOCK */
  error: string | null;
}

/** ALGORITHM=/LOCK= tries, best first; MariaDB statements that take no clause are probed through alter_algorithm */
export async function measureStatement(ctx: MeasureContext, statement: Statement, sql: string): Promise<MeasureResult> {
  const algorithms: Algorithm[] = ctx.flavor === 'mariadb' ? ['INSTANT', 'NOCOPY', 'INPLACE', 'COPY'] : ['INSTANT', 'INPLACE', 'COPY'];
  const messages: string[] = [];
  const accepted = (r: TryOutcome, algorithm: string, lock: string): MeasureResult => {
    if (r.rebuildUnknown) messages.push(REBUILD_NOT_MEASURED);
    return { measured: { algorithm, lock, rebuild: r.rebuilt, messages }, error: null };
  };
  const note = (r: TryOutcome) => {
    const m = refusal(r);
    if (m && !messages.includes(m)) messages.push(m);
  };
  const takesClause = statement.kind === 'alter-table' || statement.kind === 'create-index' || statement.kind === 'drop-index';
  let syntaxOnly = true;
  let other: string | null = null;
  if (takesClause) {
    for (const a of algorithms) {
      for (const { lock: l, clause } of clauseTries(ctx.flavor, a)) {
        const r = await tryOnce(ctx, withClause(sql, clause));
        if (r.ok) return accepted(r, r.affectedRows > 0 ? 'COPY' : a, l);
        note(r);
        if (r.errno !== SYNTAX_ERROR) syntaxOnly = false;
        if (r.errno !== undefined && r.errno !== 1845 && r.errno !== 1846 && r.errno !== SYNTAX_ERROR && !lockError(r)) other ??= refusal(r);
        if (!lockError(r)) break;
      }
    }
  }
  if (ctx.flavor === 'mariadb' && (!takesClause || syntaxOnly) && statement.kind !== 'create-table' && statement.kind !== 'drop-table') {
    // alter_algorithm is "this or better": the first accepted is the algorithm; the lock is not measured
    for (const a of algorithms) {
      const r = await tryOnce(ctx, sql, a);
      if (r.ok) {
        const algorithm = r.affectedRows > 0 ? 'COPY' : a;
        messages.push('the statement takes no LOCK clause: the lock is the usual one for the algorithm, not measured');
        return accepted(r, algorithm, algorithm === 'COPY' ? 'SHARED' : 'NONE');
      }
      note(r);
      if (r.errno !== 1845 && r.errno !== 1846 && r.errno !== undefined) other ??= refusal(r);
    }
    if (other === null && PARTITION_MAINTENANCE.test(sql)) {
      // MariaDB partition maintenance takes no ALGORITHM/LOCK clause and refuses every alter_algorithm
      // but DEFAULT: it runs as written, and only the rebuild can be measured
      const r = await tryOnce(ctx, sql);
      if (r.ok) {
        messages.push(NO_ALGORITHM_CHOICE);
        return accepted(r, 'DEFAULT', 'not measured');
      }
      note(r);
      other ??= refusal(r);
    }
  }
  return { measured: null, error: other ?? (messages.length > 0 ? `the server refused every algorithm: ${messages.join('; ')}` : null) };
}

const PARTITION_MAINTENANCE = /\b(?:ADD|DROP|TRUNCATE|COALESCE|REORGANIZE|REBUILD|EXCHANGE|OPTIMIZE|ANALYZE|CHECK|REPAIR|DISCARD|IMPORT)\s+PARTITION\b/i;

/** said when the server offers no algorithm choice for the statement */
export const NO_ALGORITHM_CHOICE = 'partition maintenance takes no ALGORITHM or LOCK on MariaDB and refuses alter_algorithm: it ran as written; algorithm and lock not measured';

/** the seconds a COPY rebuild of `table` (in the state) takes on the try copy, per row, or null */
export async function copySecondsPerRow(ctx: MeasureContext, table: string, rows: number): Promise<number | null> {
  if (rows <= 0) return null;
  const sql = `ALTER TABLE \`${table.replace(/`/g, '``')}\` FORCE, ALGORITHM=COPY`;
  const r = await tryOnce({ ...ctx, tables: [table] }, sql);
  return r.ok ? r.ms / 1000 / rows : null;
}
