// The MDL impact preview, on the scratch copy only: a holder keeps a transaction open on the copy,
// the DDL queues for its exclusive metadata lock, and a reader and a writer that arrive next queue
// behind the DDL. The processlist is polled to record who waits and for how long. Run with the
// user's lock_wait_timeout (capped), then a short one, then NOWAIT (MariaDB).
import type { Connection } from 'mysql2/promise';
import type { Statement } from '../engine';
import { errorText, type Link } from './connection';
import { isConnectionError } from './measure';
import { resetTries, type Scratch } from './scratch';
import { ident, withNowait } from './sql';
import type { MdlEvent, MdlPreview, MdlRun } from './types';

/** the preview never waits longer than this for the DDL's lock (the user's timeout may be a day) */
export const PREVIEW_TIMEOUT_CAP_S = 3;
const SHORT_TIMEOUT_S = 1;
const POLL_MS = 50;
/** the reader and writer arrive this long after the DDL started waiting */
const ARRIVAL_MS = 150;

export interface PreviewContext {
  link: Link;
  conn: Connection;
  scratch: Scratch;
  flavor: 'mysql' | 'mariadb';
  /** real names (state schema) of the tables to copy for each run */
  tables: string[];
  /** the table the statement changes (real name) */
  table: string;
}

type Actor = MdlEvent['actor'];
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Outcome {
  ok: boolean;
  text: string;
  ms: number;
}

async function timed(p: Promise<unknown>, secrets: Link['secrets']): Promise<Outcome> {
  const started = performance.now();
  try {
    await p;
    return { ok: true, text: 'done', ms: performance.now() - started };
  } catch (err) {
    return { ok: false, text: `failed: ${errorText(err, secrets)}`, ms: performance.now() - started };
  }
}

async function writeSql(ctx: PreviewContext): Promise<string> {
  const cols = await ctx.link.query(
    ctx.conn,
    "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND (GENERATION_EXPRESSION IS NULL OR GENERATION_EXPRESSION = '') ORDER BY ORDINAL_POSITION LIMIT 1",
    [ctx.scratch.tries, ctx.table],
  );
  const c = ident(String(cols[0]?.c ?? 'id'));
  // takes the table's SHARED_WRITE metadata lock, changes nothing
  return `UPDATE ${ident(ctx.table)} SET ${c} = ${c} WHERE 1 = 0`;
}

async function previewRun(ctx: PreviewContext, ddlSql: string, timeout: number | 'NOWAIT'): Promise<MdlRun> {
  const { link } = ctx;
  await resetTries(link, ctx.conn, ctx.scratch, ctx.tables);
  const write = await writeSql(ctx);
  const read = `SELECT * FROM ${ident(ctx.table)} LIMIT 1`;
  const opened: Connection[] = [];
  const open = async () => {
    const c = await link.open();
    opened.push(c);
    await link.exec(c, `USE ${ident(ctx.scratch.tries)}`);
    return c;
  };
  const events: MdlEvent[] = [];
  const t0 = performance.now();
  const log = (actor: Actor, event: string) => events.push({ atMs: Math.round(performance.now() - t0), actor, event });
  try {
    const [holder, ddl, reader, writer] = [await open(), await open(), await open(), await open()];
    const capS = timeout === 'NOWAIT' ? SHORT_TIMEOUT_S : timeout;
    await link.exec(ddl, `SET SESSION lock_wait_timeout = ${timeout === 'NOWAIT' ? PREVIEW_TIMEOUT_CAP_S : timeout}`);
    await link.exec(holder, 'START TRANSACTION');
    await link.query(holder, read);
    log('holder', 'transaction open after a SELECT on the table (holds its metadata lock)');

    const ids = new Map<number, Actor>([
      [ddl.threadId, 'ddl'],
      [reader.threadId, 'reader'],
      [writer.threadId, 'writer'],
    ]);
    const settled = new Set<Actor>();
    log('ddl', `started: ${ddlSql}`);
    const ddlDone = timed(link.exec(ddl, ddlSql, (capS + 5) * 1000), link.secrets).then((o) => {
      settled.add('ddl');
      log('ddl', o.text);
      return o;
    });
    let readerDone: Promise<Outcome> | undefined;
    let writerDone: Promise<Outcome> | undefined;
    const waiting = new Set<Actor>();
    const holdUntil = performance.now() + (capS + 1) * 1000;
    let committed = false;
    const commit = async () => {
      if (committed) return;
      committed = true;
      await link.exec(holder, 'COMMIT');
      log('holder', 'committed');
    };

    // poll until the DDL and both statements are settled (or the holder had to give way)
    for (let i = 0; i < 400; i++) {
      const elapsed = performance.now() - t0;
      if (!readerDone && elapsed >= ARRIVAL_MS) {
        log('reader', `started: ${read}`);
        readerDone = timed(link.query(reader, read, [], (capS + 5) * 1000), link.secrets).then((o) => (settled.add('reader'), log('reader', o.text), o));
        log('writer', `started: ${write}`);
        writerDone = timed(link.exec(writer, write, (capS + 5) * 1000), link.secrets).then((o) => (settled.add('writer'), log('writer', o.text), o));
      }
      const rows = await link.query(ctx.conn, `SELECT ID AS id, STATE AS s FROM information_schema.PROCESSLIST WHERE ID IN (${[...ids.keys()].join(',')})`);
      for (const r of rows) {
        const actor = ids.get(Number(r.id));
        if (!actor || settled.has(actor) || waiting.has(actor)) continue;
        if (/metadata lock/i.test(String(r.s ?? ''))) {
          waiting.add(actor);
          log(actor, 'waiting for metadata lock');
        }
      }
      if (settled.has('ddl') || performance.now() >= holdUntil) await commit();
      if (settled.has('ddl') && settled.has('reader') && settled.has('writer')) break;
      await sleep(POLL_MS);
    }
    await commit();
    const [d, r, w] = await Promise.all([ddlDone, readerDone ?? Promise.resolve(undefined), writerDone ?? Promise.resolve(undefined)]);
    events.sort((a, b) => a.atMs - b.atMs);
    return { lockWaitTimeout: timeout, events, readerWaitMs: Math.round(r?.ms ?? 0), writerWaitMs: Math.round(w?.ms ?? 0), ddlOutcome: d.ok ? `done after ${Math.round(d.ms)} ms` : `${d.text} after ${Math.round(d.ms)} ms` };
  } finally {
    for (const c of opened) link.drop(c);
  }
}

/** the preview's runs; `userTimeout` is the lock_wait_timeout the migration runs with */
export async function mdlPreview(ctx: PreviewContext, statement: Statement, sql: string, userTimeout: number, notes: string[]): Promise<MdlPreview | { error: string }> {
  const first = Math.max(0, Math.min(userTimeout, PREVIEW_TIMEOUT_CAP_S));
  if (userTimeout > PREVIEW_TIMEOUT_CAP_S) notes.push(`MDL preview: your lock_wait_timeout is ${userTimeout} s; the preview caps it at ${PREVIEW_TIMEOUT_CAP_S} s (in production the queue would last up to ${userTimeout} s).`);
  const runs: MdlRun[] = [];
  try {
    runs.push(await previewRun(ctx, sql, first));
    if (first !== SHORT_TIMEOUT_S) runs.push(await previewRun(ctx, sql, SHORT_TIMEOUT_S));
    const nowait = ctx.flavor === 'mariadb' ? withNowait(statement, sql) : undefined;
    if (nowait) runs.push(await previewRun(ctx, nowait, 'NOWAIT'));
  } catch (err) {
    if (isConnectionError(err)) throw err;
    return { error: `MDL preview failed: ${errorText(err, ctx.link.secrets)}` };
  }
  return { runs };
}
