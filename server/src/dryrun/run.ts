// The dry-run of one migration file: connect, copy the tables the file touches into a scratch
// schema, run the file's statements there in order (measuring each DDL statement first), read the
// real tables' facts and blockers, and always drop the scratch schemas.
import type { Connection } from 'mysql2/promise';
import { applyStatement, emptyCatalog, initialSession, nextSession, parseFile, predict, type Catalog, type SessionState, type Statement, type Target } from '../engine';
import { findBlockers } from './blockers';
import { DryRunError, errnoOf, errorText, Link, redact, redactDeep, serverInfo } from './connection';
import { tableFacts } from './facts';
import { mdlPreview } from './mdl-preview';
import { copySecondsPerRow, isConnectionError, measureStatement, type MeasureContext } from './measure';
import { copyTable, createScratch, dropLeftovers, dropScratch, newScratchNames, tablesOf, withForeignKeyNeighbours, type Scratch } from './scratch';
import { rangeOf } from './positions';
import { ident, scratchSql } from './sql';
import type { Blocker, DryRunReport, DryRunRequest, DryRunStatement, Measured } from './types';

export interface DryRunOptions {
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
}

const REPORTED_KINDS = new Set<Statement['kind']>(['alter-table', 'create-table', 'create-index', 'drop-index', 'drop-table', 'rename-table', 'truncate', 'optimize-table']);
const MEASURED_KINDS = new Set<Statement['kind']>(['alter-table', 'create-index', 'drop-index', 'optimize-table']);
const PREVIEW_KINDS = new Set<Statement['kind']>(['alter-table', 'create-index', 'drop-index', 'optimize-table', 'truncate', 'rename-table', 'drop-table']);
/** what may run on the scratch copies; anything else (GRANT, CALL, CREATE DATABASE, …) is not run */
const RUNNABLE_KINDS = new Set<Statement['kind']>([...REPORTED_KINDS, 'create-view', 'drop-view', 'create-routine', 'insert', 'update', 'delete', 'transaction', 'set']);
/** statements of a runnable kind that still act on the server, not on the schema (passwords, roles, UDF libraries) */
const SERVER_WIDE = /^\s*(SET\s+(GLOBAL|PERSIST|PERSIST_ONLY|PASSWORD|ROLE|DEFAULT\s+ROLE)\b|SET\s+@@(GLOBAL|PERSIST)|CREATE\b[\s\S]*\bSONAME\b)/i;
/** "no privilege" errors: access denied to database / table / command, or needs a privilege */
const PRIVILEGE_ERRORS = new Set([1044, 1142, 1227, 1045]);

function privilegeError(err: unknown): boolean {
  const n = errnoOf(err);
  return n !== undefined && PRIVILEGE_ERRORS.has(n);
}

/** the catalog the prediction uses: the scratch state's tables as the server prints them */
async function catalogOf(link: Link, conn: Connection, schema: string, target: Target, only?: readonly string[]): Promise<Catalog> {
  const catalog = emptyCatalog();
  for (const table of only ?? (await tablesOf(link, conn, schema)).values()) {
    try {
      const rows = await link.query(conn, `SHOW CREATE TABLE ${ident(schema)}.${ident(table)}`);
      for (const s of parseFile(String(rows[0]?.['Create Table'] ?? ''), { target })) applyStatement(catalog, s, '<dev database>');
    } catch (err) {
      if (isConnectionError(err)) throw err;
    }
  }
  return catalog;
}

function describe(p: { algorithm: string; lock: string; rebuild: boolean }): string {
  return `${p.algorithm}, LOCK=${p.lock}, ${p.rebuild ? 'rebuild' : 'no rebuild'}`;
}

/** `partitions p0, p1 re-created` / `every partition re-created` */
export function partitionsText(partitions: string[] | 'all' | undefined): string {
  return partitions === 'all' ? 'every partition re-created' : `partitions ${(partitions ?? []).join(', ')} re-created`;
}

function disagreement(measured: Measured | null, predicted: DryRunStatement['predicted']): string | null {
  if (!measured || !predicted) return null;
  const diffs: string[] = [];
  // DEFAULT: the server offered no algorithm choice, so only the rebuild was measured
  const chosen = measured.algorithm !== 'DEFAULT';
  if (chosen && measured.algorithm !== predicted.algorithm) diffs.push(`algorithm ${measured.algorithm} (predicted ${predicted.algorithm})`);
  if (chosen && measured.lock !== predicted.lock) diffs.push(`lock ${measured.lock} (predicted ${predicted.lock})`);
  // the measurement sees new InnoDB table ids: re-created partitions count as a rebuild there
  const partitions = predicted.rewritesPartitions;
  const rewriteExpected = predicted.rebuild || partitions === 'all' || (partitions !== undefined && partitions.length > 0);
  if (measured.rebuild !== rewriteExpected) {
    if (measured.rebuild) diffs.push('the table was rebuilt (predicted no rebuild)');
    else diffs.push(predicted.rebuild ? 'no rebuild (predicted a rebuild)' : `no partition was re-created (predicted ${partitionsText(partitions)})`);
  }
  return diffs.length > 0 ? `the server measured ${describe(measured)}; differs in ${diffs.join(', ')}` : null;
}

/** why a statement must not run on the scratch copies, or undefined */
function notRunnable(s: Statement, userDb: string): string | undefined {
  if ((s.kind === 'set' && s.assignments?.some((a) => a.scope === 'global')) || SERVER_WIDE.test(s.sql)) return `not run: ${s.sql.split(/\s+/).slice(0, 2).join(' ')} acts on the server, not on the scratch copy`;
  if (s.kind === 'use') return /`?([^`\s;]+)`?\s*;?\s*$/.exec(s.sql)?.[1]?.toLowerCase() === userDb.toLowerCase() ? undefined : `not run: it switches to another schema; the dry-run only works on copies of \`${userDb}\`'s tables`;
  if (!RUNNABLE_KINDS.has(s.kind)) return `not run on the scratch copy: a ${s.kind} statement`;
  return undefined;
}

export async function runDryRun(request: DryRunRequest, options: DryRunOptions = {}): Promise<DryRunReport> {
  // refuses a bad URL or a host outside the allow-list before any connection is attempted
  const link = new Link(request.connection, options.signal);
  const secrets = link.secrets;
  const progress = (m: string) => options.onProgress?.(redact(m, secrets));
  const notes: string[] = [];
  let scratch: Scratch | undefined;
  let mode: DryRunReport['mode'] = 'full';
  let report: DryRunReport | undefined;
  let failure: DryRunError | undefined;
  try {
    report = await run(request, link, notes, progress, (s) => (scratch = s), (m) => (mode = m));
  } catch (err) {
    if (err instanceof DryRunError) failure = new DryRunError(redact(err.message, secrets), err.kind);
    else if (options.signal?.aborted) failure = new DryRunError('the dry-run was cancelled', 'cancelled');
    else if (privilegeError(err)) failure = new DryRunError(`missing privilege: ${errorText(err, secrets)}`, 'privileges');
    else failure = new DryRunError(`${isConnectionError(err) ? 'the connection to the server was lost' : 'the dry-run failed'}: ${errorText(err, secrets)}`, 'connection');
  } finally {
    // connections still holding metadata locks (the MDL preview) would make DROP DATABASE wait
    link.destroyAll();
    if (scratch !== undefined) {
      if (mode === 'full') progress(`dropping the scratch schema ${(scratch as Scratch).state}`);
      const problem = await dropScratch(link, scratch);
      if (problem && mode === 'full') {
        if (report) report.notes.push(problem);
        else if (failure) failure = new DryRunError(redact(`${failure.message}; ${problem}`, secrets), failure.kind);
      }
    }
    link.close();
  }
  if (failure || !report) throw failure ?? new DryRunError('the dry-run failed', 'connection');
  return redactDeep(report, secrets);
}

async function run(
  request: DryRunRequest,
  link: Link,
  notes: string[],
  progress: (m: string) => void,
  setScratch: (s: Scratch) => void,
  setMode: (m: DryRunReport['mode']) => void,
): Promise<DryRunReport> {
  const conn = await link.open();
  const db = link.database;
  progress(`connected to ${link.target.host}:${link.target.port} as ${link.target.user} (connection ${conn.threadId})`);
  const info = await serverInfo(link, conn);
  try {
    const dropped = await dropLeftovers(link, conn);
    if (dropped.length > 0) notes.push(`dropped ${dropped.length} scratch schema(s) left by an interrupted dry-run: ${dropped.join(', ')}`);
  } catch (err) {
    if (isConnectionError(err)) throw err;
  }

  const statements = parseFile(request.text, { target: info.target }).filter((s) => s.origin === 'top-level');
  let reported: Statement[];
  if (request.statementIndex !== undefined) {
    const one = statements.find((s) => s.index === request.statementIndex);
    if (!one) throw new DryRunError(`there is no statement ${request.statementIndex} in ${request.path ?? 'the file'} (it has ${statements.length})`, 'usage');
    reported = [one];
  } else {
    reported = statements.filter((s) => REPORTED_KINDS.has(s.kind));
  }
  const last = reported.length > 0 ? reported[reported.length - 1].index : -1;
  const toRun = statements.filter((s) => s.index <= last);

  const userTables = await tablesOf(link, conn, db);
  const named = new Set(toRun.flatMap((s) => [...s.tables, ...s.operations.map((o) => o.table.toLowerCase())]).filter((t) => userTables.has(t)));
  const toCopy = [...(await withForeignKeyNeighbours(link, conn, db, named))].flatMap((t) => userTables.get(t) ?? []);

  // the scratch schemas; no CREATE privilege makes the run read-only
  const scratch = newScratchNames();
  let full = true;
  try {
    setScratch(scratch);
    await createScratch(link, conn, scratch);
    progress(`scratch schema ${scratch.state}: copying ${toCopy.length} table(s), up to ${request.sampleRows ?? 1000} rows each`);
  } catch (err) {
    if (!privilegeError(err)) throw err;
    full = false;
    setMode('read-only');
    notes.push(
      `read-only: the user ${link.target.user} may not create the scratch schema (${errorText(err, link.secrets)}), so no statement was run or measured; table facts and blockers are still reported. ` +
        "Grant CREATE, DROP, ALTER, INDEX, INSERT, SELECT on `lockstep\\_dryrun\\_%`.* to measure (GRANT ALL ON `lockstep\\_dryrun\\_%`.* TO … is enough).",
    );
  }

  const copyProblems = new Map<string, string>();
  if (full) {
    await link.exec(conn, 'SET SESSION foreign_key_checks = 0');
    for (const t of toCopy) {
      try {
        await copyTable(link, conn, db, scratch.state, t, request.sampleRows ?? 1000);
      } catch (err) {
        if (isConnectionError(err)) throw err;
        copyProblems.set(t.toLowerCase(), `could not copy \`${t}\` into the scratch schema: ${errorText(err, link.secrets)}`);
      }
    }
    await link.exec(conn, 'SET SESSION foreign_key_checks = 1');
    await link.exec(conn, `USE ${ident(scratch.state)}`);
    for (const p of copyProblems.values()) notes.push(p);
  }

  const reportedTables = [...new Set(reported.flatMap((s) => [...s.tables, ...s.operations.map((o) => o.table.toLowerCase())]))].flatMap((t) => userTables.get(t) ?? []);
  const scan = await findBlockers(link, conn, info.flavor, reportedTables);
  notes.push(...scan.notes);

  const serverTimeout = Number((await link.query(conn, 'SELECT @@SESSION.lock_wait_timeout AS t'))[0]?.t ?? 31536000);
  const secondsPerRow = new Map<string, number | null>();
  let session: SessionState = initialSession();
  const out: DryRunStatement[] = [];
  let readOnlyCatalog: Catalog | undefined;

  for (const s of toRun) {
    link.checkAborted();
    const isReported = reported.includes(s);
    const tableAsWritten = s.operations[0]?.table ?? s.tables[0] ?? null;
    const entry: DryRunStatement = {
      index: s.index,
      range: rangeOf(request.text, s.span),
      sql: s.sql,
      table: tableAsWritten,
      measured: null,
      predicted: null,
      disagreement: null,
      tableFacts: null,
      blockers: [],
      mdlPreview: null,
      error: null,
    };
    const userTable = tableAsWritten !== null ? userTables.get(tableAsWritten.toLowerCase()) : undefined;

    if (isReported) {
      progress(`statement ${s.index}: ${s.sql.slice(0, 80)}`);
      // read-only: the real definitions of the tables the file names (and their FK neighbours)
      if (!full) readOnlyCatalog ??= await catalogOf(link, conn, db, info.target, toCopy);
      const catalog = full ? await catalogOf(link, conn, scratch.state, info.target) : (readOnlyCatalog as Catalog);
      const prediction = predict(s, catalog, info.target, session);
      entry.predicted = prediction ? { algorithm: prediction.algorithm, lock: prediction.lock, rebuild: prediction.rebuild, ...(prediction.rewritesPartitions !== undefined ? { rewritesPartitions: prediction.rewritesPartitions } : {}) } : null;
      if (userTable) entry.blockers = scan.byTable.get(userTable) ?? ([] as Blocker[]);
    }

    if (!full) {
      if (isReported && userTable) {
        const f = await tableFacts(link, conn, info.target, userTable, null);
        entry.tableFacts = f.facts;
        notes.push(...f.notes);
      }
      if (isReported) out.push(entry);
      session = nextSession(session, s);
      continue;
    }

    const refused = notRunnable(s, db);
    const rewritten = refused === undefined ? scratchSql(s, db) : { error: refused };
    if ('error' in rewritten) {
      if (isReported) entry.error = rewritten.error;
      else notes.push(`statement ${s.index}: ${rewritten.error}`);
      if (isReported) out.push(entry);
      session = nextSession(session, s);
      continue;
    }
    if (s.kind === 'use') {
      session = nextSession(session, s);
      continue;
    }
    const sql = rewritten.sql;

    if (isReported) {
      const stateTables = await tablesOf(link, conn, scratch.state);
      const own = new Set([...s.tables, ...s.operations.map((o) => o.table.toLowerCase())]);
      const needed = [...(await withForeignKeyNeighbours(link, conn, scratch.state, [...own].filter((t) => stateTables.has(t))))].flatMap((t) => stateTables.get(t) ?? []);
      const ctx: MeasureContext = { link, conn, scratch, flavor: info.flavor, tables: needed };
      const stateTable = tableAsWritten !== null ? stateTables.get(tableAsWritten.toLowerCase()) : undefined;
      if (userTable) {
        const key = userTable.toLowerCase();
        if (!secondsPerRow.has(key) && stateTable) {
          const rows = Number((await link.query(conn, `SELECT COUNT(*) AS n FROM ${ident(scratch.state)}.${ident(stateTable)}`))[0]?.n ?? 0);
          secondsPerRow.set(key, await copySecondsPerRow(ctx, stateTable, rows));
        }
        const f = await tableFacts(link, conn, info.target, userTable, secondsPerRow.get(key) ?? null);
        entry.tableFacts = f.facts;
        notes.push(...f.notes);
      }
      if (MEASURED_KINDS.has(s.kind) && stateTable) {
        progress(`statement ${s.index}: measuring the algorithm on the scratch copy`);
        const m = await measureStatement(ctx, s, sql);
        entry.measured = m.measured;
        entry.disagreement = disagreement(m.measured, entry.predicted);
        if (m.error) entry.error = m.error;
      }
      if (request.mdlPreview && PREVIEW_KINDS.has(s.kind) && stateTable) {
        progress(`statement ${s.index}: MDL impact preview on the scratch copy`);
        const userTimeout = request.lockWaitTimeout ?? session.lockWaitTimeout ?? serverTimeout;
        const p = await mdlPreview({ link, conn, scratch, flavor: info.flavor, tables: needed, table: stateTable }, s, sql, userTimeout, notes);
        if ('error' in p) entry.error ??= p.error;
        else entry.mdlPreview = p;
      }
      if (!stateTable && s.kind !== 'create-table' && tableAsWritten !== null) {
        entry.error ??= copyProblems.get(tableAsWritten.toLowerCase()) ?? `the table \`${tableAsWritten}\` does not exist in \`${db}\` (nor does an earlier statement of the file create it)`;
      }
    }

    // then the statement as written, on the state, so the next statement sees its effect
    await link.exec(conn, `USE ${ident(scratch.state)}`);
    try {
      await link.exec(conn, sql);
    } catch (err) {
      if (isConnectionError(err)) throw err;
      const message = `the server refused the statement as written on the scratch copy: ${errorText(err, link.secrets)}`;
      if (isReported) entry.error ??= message;
      else notes.push(`statement ${s.index}: ${message}`);
    }
    if (isReported) out.push(entry);
    session = nextSession(session, s);
  }

  return { server: { flavor: info.flavor, version: info.version }, mode: full ? 'full' : 'read-only', notes: [...new Set(notes)], statements: out, scratchSchema: full ? scratch.state : undefined };
}
