// The scratch schemas: `lockstep_dryrun_<time>_<random>` holds the copies the file's statements run
// on in order (the state), and `…_try` is rebuilt from the state for each measured try, so every
// try starts from the same table state. The user's tables are only ever read (SHOW CREATE TABLE,
// INSERT … SELECT … LIMIT n from them).
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mysql2/promise';
import { errorText, type Link } from './connection';
import { ident } from './sql';

export const SCRATCH_PREFIX = 'lockstep_dryrun_';
/** leftovers of crashed runs older than this are dropped at the next connect */
const LEFTOVER_AGE_S = 10 * 60;

export interface Scratch {
  state: string;
  tries: string;
}

export function newScratchNames(now = Date.now()): Scratch {
  const state = `${SCRATCH_PREFIX}${Math.floor(now / 1000).toString(36)}_${randomBytes(4).toString('hex')}`;
  return { state, tries: `${state}_try` };
}

/** the creation time (s) a scratch name carries, undefined for a name this code did not make */
function createdAt(name: string): number | undefined {
  const m = /^lockstep_dryrun_([0-9a-z]{6,7})_[0-9a-f]{8}(?:_try)?$/.exec(name);
  const at = m ? parseInt(m[1], 36) : undefined;
  // a plausible time (after 2020) only: another tool's `lockstep_dryrun_…` schema is never touched
  return at !== undefined && at > 1_577_836_800 ? at : undefined;
}

/** drops `lockstep_dryrun_%` schemas of crashed runs (older than a few minutes); returns their names */
export async function dropLeftovers(link: Link, conn: Connection, now = Date.now()): Promise<string[]> {
  const rows = await link.query(conn, "SELECT SCHEMA_NAME AS s FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'lockstep\\_dryrun\\_%'");
  const dropped: string[] = [];
  for (const r of rows) {
    const name = String(r.s);
    const at = createdAt(name);
    if (at === undefined || now / 1000 - at < LEFTOVER_AGE_S) continue;
    try {
      await link.exec(conn, `DROP DATABASE IF EXISTS ${ident(name)}`);
      dropped.push(name);
    } catch {
      // another user's schema we may not drop: leave it
    }
  }
  return dropped;
}

export async function createScratch(link: Link, conn: Connection, scratch: Scratch): Promise<void> {
  const rows = await link.query(conn, 'SELECT DEFAULT_CHARACTER_SET_NAME AS cs, DEFAULT_COLLATION_NAME AS co FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [link.database]);
  // the copies get the user database's defaults, so a CREATE TABLE of the file gets the same charset
  const charset = rows[0] ? ` CHARACTER SET ${String(rows[0].cs)} COLLATE ${String(rows[0].co)}` : '';
  await link.exec(conn, `CREATE DATABASE ${ident(scratch.state)}${charset}`);
  await link.exec(conn, `CREATE DATABASE ${ident(scratch.tries)}${charset}`);
}

/**
 * Drops the scratch schemas on a fresh connection (the run's own may be broken or killed). Every
 * other connection of the run must be destroyed first: one still holding a metadata lock would
 * make DROP DATABASE wait.
 */
export async function dropScratch(link: Link, scratch: Scratch): Promise<string | undefined> {
  let conn: Connection | undefined;
  try {
    conn = await link.openForCleanup();
    await link.raw(conn, 'SET SESSION lock_wait_timeout = 10');
    await link.raw(conn, `DROP DATABASE IF EXISTS ${ident(scratch.tries)}`);
    await link.raw(conn, `DROP DATABASE IF EXISTS ${ident(scratch.state)}`);
    return undefined;
  } catch (err) {
    return `could not drop the scratch schemas ${scratch.state} and ${scratch.tries}: ${errorText(err, link.secrets)}; drop them by hand (the next dry-run drops them when they are older than ${LEFTOVER_AGE_S / 60} minutes)`;
  } finally {
    if (conn) link.drop(conn);
  }
}

/** the real names (case as stored) of the base tables of a schema, keyed lower-case */
export async function tablesOf(link: Link, conn: Connection, schema: string): Promise<Map<string, string>> {
  const rows = await link.query(conn, "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", [schema]);
  return new Map(rows.map((r) => [String(r.t).toLowerCase(), String(r.t)]));
}

/** the tables `names` reach through foreign keys, both ways, in `schema` (names included) */
export async function withForeignKeyNeighbours(link: Link, conn: Connection, schema: string, names: Iterable<string>, limit = 50): Promise<Set<string>> {
  const rows = await link.query(
    conn,
    'SELECT TABLE_NAME AS child, REFERENCED_TABLE_NAME AS parent FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND UNIQUE_CONSTRAINT_SCHEMA = ?',
    [schema, schema],
  );
  const edges = rows.map((r) => [String(r.child).toLowerCase(), String(r.parent).toLowerCase()] as const);
  const out = new Set([...names].map((n) => n.toLowerCase()));
  const queue = [...out];
  while (queue.length > 0 && out.size < limit) {
    const t = queue.shift() as string;
    for (const [child, parent] of edges) {
      for (const next of child === t ? [parent] : parent === t ? [child] : []) {
        if (!out.has(next)) {
          out.add(next);
          queue.push(next);
        }
      }
    }
  }
  return out;
}

/** the columns an INSERT … SELECT can copy (generated columns are computed again) */
async function copyableColumns(link: Link, conn: Connection, schema: string, table: string): Promise<string[]> {
  const rows = await link.query(
    conn,
    "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND (GENERATION_EXPRESSION IS NULL OR GENERATION_EXPRESSION = '') ORDER BY ORDINAL_POSITION",
    [schema, table],
  );
  return rows.map((r) => String(r.c));
}

/**
 * `to.table` as a copy of `from.table` with up to `rows` rows (all when undefined). The definition
 * comes from SHOW CREATE TABLE run in `to` (so foreign keys to the same schema point at the copies;
 * CREATE TABLE … LIKE would lose them), falling back to LIKE.
 */
export async function copyTable(link: Link, conn: Connection, from: string, to: string, table: string, rows: number | undefined): Promise<void> {
  const created = await link.query(conn, `SHOW CREATE TABLE ${ident(from)}.${ident(table)}`);
  const ddl = String(created[0]?.['Create Table'] ?? '');
  await link.exec(conn, `USE ${ident(to)}`);
  try {
    await link.exec(conn, ddl);
  } catch {
    await link.exec(conn, `CREATE TABLE ${ident(to)}.${ident(table)} LIKE ${ident(from)}.${ident(table)}`);
  }
  if (rows === 0) return;
  const cols = (await copyableColumns(link, conn, from, table)).map(ident).join(', ');
  if (!cols) return;
  const limit = rows === undefined ? '' : ` LIMIT ${Math.floor(rows)}`;
  await link.exec(conn, `INSERT INTO ${ident(to)}.${ident(table)} (${cols}) SELECT ${cols} FROM ${ident(from)}.${ident(table)}${limit}`);
}

/** empties the try schema and copies `tables` (real names) into it from the state schema, all rows */
export async function resetTries(link: Link, conn: Connection, scratch: Scratch, tables: Iterable<string>): Promise<void> {
  // keep the file's own foreign_key_checks setting for the tries
  await link.exec(conn, 'SET @lockstep_fk = @@foreign_key_checks, SESSION foreign_key_checks = 0');
  const existing = await tablesOf(link, conn, scratch.tries);
  if (existing.size > 0) await link.exec(conn, `DROP TABLE ${[...existing.values()].map((t) => `${ident(scratch.tries)}.${ident(t)}`).join(', ')}`);
  for (const t of tables) await copyTable(link, conn, scratch.state, scratch.tries, t, undefined);
  await link.exec(conn, 'SET SESSION foreign_key_checks = @lockstep_fk');
  await link.exec(conn, `USE ${ident(scratch.tries)}`);
}
