// Measures what the live server does with one DDL statement: the best algorithm it accepts, the
// weakest lock, whether the table was rebuilt (InnoDB table ids), and whether the statement as
// written (with its own ALGORITHM/LOCK clause) is rejected. Every try runs on a freshly built
// scratch schema.
import type { Connection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { Algorithm, LockLevel } from '../../server/src/engine/types';
// the dry-run's rebuild detection: the oracle and the product read table ids the same way
import { wasRebuilt } from '../../server/src/dryrun';

/** scratch schemas are per process (and per worker), so parallel runs do not trample each other */
export function oracleSchema(worker: number): string {
  return `lockstep_oracle_${process.pid}_${worker}`;
}

export interface OracleCase {
  /** short unique name */
  name: string;
  /** what it covers: the online-ddl.md §3.1 row or hazard id */
  covers: string;
  /** CREATE TABLE / INSERT … statements, run in the scratch schema */
  setup: string[];
  /** SET SESSION … statements run right before the statement */
  session?: string[];
  /** the DDL statement without ALGORITHM/LOCK */
  sql: string;
  /** an ALGORITHM=/LOCK= clause the statement is written with (to check `rejected`) */
  clause?: string;
  /**
   * 'alter' (default): ALTER TABLE / CREATE INDEX / DROP INDEX, probed with ALGORITHM=/LOCK= clauses.
   * 'fixed': the statement takes no clause (OPTIMIZE, RENAME TABLE, TRUNCATE, MariaDB DROP INDEX,
   * partition maintenance): the algorithm is probed through `SET alter_algorithm`, the lock is not
   * measured, and whether `alter_algorithm=INPLACE` is refused is recorded.
   * 'none': the engine must not predict (CREATE/DROP TABLE, DML); the server only has to accept the SQL.
   */
  mode?: 'alter' | 'fixed' | 'none';
  /** run the statement exactly as written too, to see whether it is refused (ALTER ONLINE …) */
  checkAsWritten?: boolean;
  /** a known disagreement caused outside the knowledge base (e.g. the parser): reported, not failed */
  todo?: string;
}

export interface TryResult {
  ok: boolean;
  code?: number;
  message?: string;
  affectedRows: number;
  rebuilt: boolean;
  /** what was re-created: every partition or the whole table ('all'), these partitions, or nothing */
  rewritten: string[] | 'all';
}

export interface Measured {
  algorithm?: Algorithm;
  lock?: LockLevel;
  rebuild: boolean;
  /** partitioned tables: the partitions re-created ('all' also for a whole-table rebuild) */
  rewritten: string[] | 'all';
  /** the statement as written (with `clause`) was refused: errno + message */
  rejected?: string;
  /** fixed mode: `SET alter_algorithm=INPLACE` made the statement fail */
  refusesAlterAlgorithm?: boolean;
  tries: string[];
}

const ALGORITHMS: Algorithm[] = ['INSTANT', 'NOCOPY', 'INPLACE', 'COPY'];
const ALGORITHM_ORDER: Record<Algorithm, number> = { INSTANT: 0, NOCOPY: 1, INPLACE: 2, COPY: 3 };
const LOCKS: LockLevel[] = ['NONE', 'SHARED', 'EXCLUSIVE'];
/** errors meaning "the requested ALGORITHM/LOCK cannot be honoured" (or the clause is not allowed there) */
const CLAUSE_ERRORS = new Set([1845, 1846, 1064]);

async function tableIds(conn: Connection, schema: string): Promise<Map<string, number>> {
  const [rows] = await conn.query<RowDataPacket[]>('SELECT NAME, TABLE_ID FROM information_schema.INNODB_SYS_TABLES WHERE NAME LIKE ?', [`${schema}/%`]);
  return new Map(rows.map((r) => [String(r.NAME), Number(r.TABLE_ID)]));
}

/** creates the schema once; later calls only drop its tables (cheaper than DROP DATABASE) */
export async function openSchema(conn: Connection, schema: string): Promise<void> {
  await conn.query(`DROP DATABASE IF EXISTS ${schema}`);
  await conn.query(`CREATE DATABASE ${schema} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  await conn.query(`USE ${schema}`);
}

async function freshSchema(conn: Connection, schema: string, c: OracleCase): Promise<void> {
  await conn.query("SET SESSION alter_algorithm = 'DEFAULT'");
  await conn.query('SET SESSION foreign_key_checks = 0');
  const [tables] = await conn.query<RowDataPacket[]>('SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [schema]);
  if (tables.length > 0) await conn.query(`DROP TABLE ${tables.map((r) => `\`${String(r.TABLE_NAME)}\``).join(', ')}`);
  await conn.query("SET SESSION sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
  await conn.query('SET SESSION foreign_key_checks = 1');
  for (const s of c.setup) await conn.query(s);
  for (const s of c.session ?? []) await conn.query(s);
}

async function runOnce(conn: Connection, schema: string, c: OracleCase, sql: string, alterAlgorithm?: Algorithm): Promise<TryResult> {
  await freshSchema(conn, schema, c);
  if (alterAlgorithm) await conn.query(`SET SESSION alter_algorithm = '${alterAlgorithm}'`);
  const before = await tableIds(conn, schema);
  try {
    const [res] = await conn.query<ResultSetHeader | RowDataPacket[]>(sql);
    // OPTIMIZE TABLE reports failures as result rows
    if (Array.isArray(res)) {
      const failed = res.find((r) => String(r.Msg_type).toLowerCase() === 'error');
      if (failed) return { ok: false, message: String(failed.Msg_text), affectedRows: 0, rebuilt: false, rewritten: [] };
    }
    const affectedRows = Array.isArray(res) ? 0 : res.affectedRows;
    const after = await tableIds(conn, schema);
    const rebuilt = wasRebuilt(before, after);
    return { ok: true, affectedRows, rebuilt, rewritten: rewrittenPartitions(before, after, rebuilt, affectedRows > 0) };
  } catch (err) {
    const e = err as { errno?: number; sqlMessage?: string; message?: string };
    return { ok: false, code: e.errno, message: e.sqlMessage ?? e.message, affectedRows: 0, rebuilt: false, rewritten: [] };
  } finally {
    if (alterAlgorithm) await conn.query("SET SESSION alter_algorithm = 'DEFAULT'");
  }
}

/**
 * What the statement re-created, by InnoDB table ids (partitions are named `db/t#P#p0`): the
 * partitions that got ids no table had before, plus those replaced by new ones when rows were copied (REORGANIZE
 * … INTO); 'all' when that is every partition, or when an unpartitioned table (or a table whose
 * partitions all went) was rebuilt. A dropped partition (no rows copied) is not re-created.
 */
function rewrittenPartitions(before: Map<string, number>, after: Map<string, number>, rebuilt: boolean, copiedRows: boolean): string[] | 'all' {
  const partitions = [...before.keys()].filter((n) => /#p#/i.test(n));
  const surviving = partitions.filter((n) => after.has(n));
  if (surviving.length === 0) return rebuilt ? 'all' : [];
  // an id that existed before was swapped in (EXCHANGE PARTITION), not created
  const oldIds = new Set(before.values());
  const touched = partitions.filter((n) => (after.has(n) ? !oldIds.has(after.get(n)!) : copiedRows));
  if (touched.length === partitions.length) return 'all';
  return touched.map((n) => n.replace(/^.*#p#/i, '').toLowerCase()).sort();
}

/** the statement with an ALGORITHM/LOCK clause where the server expects it */
export function withClause(sql: string, clause: string): string {
  // a clause after ORDER BY would be read as one more sort column
  const leading = /^(\s*ALTER\s+TABLE\s+\S+\s+)((?:PARTITION\s+BY|REMOVE\s+PARTITIONING|ORDER\s+BY)\b[\s\S]*)$/i.exec(sql);
  if (leading) return `${leading[1]}${clause}${/^ORDER/i.test(leading[2]) ? ',' : ''} ${leading[2]}`;
  const indexStatement = /^\s*(create|drop)\s+(unique\s+|fulltext\s+|spatial\s+)?index\b/i.test(sql);
  return indexStatement ? `${sql} ${clause.replace(/,/g, ' ')}` : `${sql}, ${clause}`;
}

function describe(label: string, r: TryResult): string {
  return r.ok ? `${label}: ok${r.rebuilt ? ' rebuilt' : ''}${r.affectedRows ? ` rows=${r.affectedRows}` : ''}` : `${label}: ${r.code ?? ''} ${r.message ?? ''}`.trim();
}

/** the error is about the LOCK level, not about the algorithm */
function lockError(r: TryResult): boolean {
  return !r.ok && /^LOCK=/i.test(r.message ?? '');
}

export async function measure(conn: Connection, schema: string, c: OracleCase): Promise<Measured> {
  const tries: string[] = [];
  const run = async (label: string, sql: string, alterAlgorithm?: Algorithm) => {
    const r = await runOnce(conn, schema, c, sql, alterAlgorithm);
    tries.push(describe(label, r));
    return r;
  };
  let rejected: string | undefined;
  if (c.clause) {
    const asWritten = await run(c.clause, withClause(c.sql, c.clause));
    if (!asWritten.ok && asWritten.code !== undefined && CLAUSE_ERRORS.has(asWritten.code)) rejected = `${asWritten.code} ${asWritten.message ?? ''}`;
  } else if (c.checkAsWritten) {
    const asWritten = await run('as written', c.sql);
    if (!asWritten.ok && asWritten.code !== undefined && CLAUSE_ERRORS.has(asWritten.code)) rejected = `${asWritten.code} ${asWritten.message ?? ''}`;
  }

  if (c.mode === 'none') {
    const plain = await run('as is', c.sql);
    return { rebuild: plain.rebuilt, rewritten: plain.rewritten, rejected: plain.ok ? undefined : `${plain.code ?? ''} ${plain.message ?? ''}`, tries };
  }

  if (c.mode === 'fixed') {
    const plain = await run('as is', c.sql);
    let algorithm: Algorithm | undefined;
    for (const a of ALGORITHMS) {
      const r = await run(`alter_algorithm=${a}`, c.sql, a);
      if (r.ok) {
        algorithm = r.affectedRows > 0 ? 'COPY' : a;
        break;
      }
    }
    // MariaDB reads alter_algorithm as "this or better": INPLACE is refused when nothing up to INPLACE was accepted
    const refusesAlterAlgorithm = !algorithm || ALGORITHM_ORDER[algorithm] > ALGORITHM_ORDER.INPLACE;
    return { algorithm, rebuild: plain.rebuilt, rewritten: plain.rewritten, rejected, refusesAlterAlgorithm, tries };
  }

  // For each algorithm, best first: LOCK=NONE, then stronger locks while the refusal is about the lock.
  for (const a of ALGORITHMS) {
    for (const l of LOCKS) {
      const r = await run(`${a}+${l}`, withClause(c.sql, `ALGORITHM=${a}, LOCK=${l}`));
      if (r.ok) {
        // a statement that copied rows was a COPY whatever the clause said (MariaDB: PARTITION BY with INSTANT)
        return { algorithm: r.affectedRows > 0 ? 'COPY' : a, lock: l, rebuild: r.rebuilt, rewritten: r.rewritten, rejected, tries };
      }
      if (!lockError(r)) break;
    }
  }
  return { rebuild: false, rewritten: [], rejected, tries };
}
