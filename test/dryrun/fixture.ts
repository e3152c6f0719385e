// A test-owned "user database" `lockstep_dryrun_test_<random>` on the test server, dropped after
// the test, plus small helpers to look at the server from the outside.
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { requireDbOrSkip, TEST_DB } from '../helpers/db';

export interface UserDb {
  name: string;
  /** root connection with the user database selected */
  conn: Connection;
  /** mysql://root@127.0.0.1:3306/<name> */
  url: string;
  /** runs before the database is dropped and the connection closed (node runs after-hooks in registration order) */
  cleanup: (fn: () => Promise<unknown>) => void;
}

export function dbUrl(database: string, user = String(TEST_DB.user), password?: string): string {
  const auth = password !== undefined ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user);
  return `mysql://${auth}@${TEST_DB.host}:${TEST_DB.port}/${database}`;
}

/** a fresh database with the given setup statements, or undefined when the test was skipped */
export async function userDb(t: TestContext, setup: string[]): Promise<UserDb | undefined> {
  const conn = await requireDbOrSkip(t);
  if (!conn) return undefined;
  // not 8 hex digits after the prefix: the dry-run's leftover cleanup must never match it
  const name = `lockstep_dryrun_test_${randomBytes(3).toString('hex')}`;
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  await conn.query(`USE \`${name}\``);
  const cleanups: (() => Promise<unknown>)[] = [];
  t.after(async () => {
    for (const fn of cleanups.reverse()) await fn();
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.end();
  });
  for (const s of setup) await conn.query(s);
  return { name, conn, url: dbUrl(name), cleanup: (fn) => cleanups.push(fn) };
}

export async function rows(conn: Connection, sql: string, values: unknown[] = []): Promise<RowDataPacket[]> {
  const [r] = await conn.query<RowDataPacket[]>(sql, values);
  return r;
}

/** scratch schemas of the named run (state and try) still on the server */
export async function leftovers(conn: Connection, scratchState: string): Promise<string[]> {
  const r = await rows(conn, 'SELECT SCHEMA_NAME AS s FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ? OR SCHEMA_NAME = ?', [scratchState, `${scratchState}_try`]);
  return r.map((x) => String(x.s));
}

/** CHECKSUM TABLE and SHOW CREATE TABLE of a real table: what must not change */
export async function fingerprint(conn: Connection, db: string, table: string): Promise<{ checksum: string; ddl: string }> {
  const c = await rows(conn, `CHECKSUM TABLE \`${db}\`.\`${table}\``);
  const d = await rows(conn, `SHOW CREATE TABLE \`${db}\`.\`${table}\``);
  return { checksum: String(c[0]?.Checksum), ddl: String(d[0]?.['Create Table']) };
}

/** the scratch schema named in a progress message */
export function scratchFromProgress(messages: readonly string[]): string | undefined {
  for (const m of messages) {
    const hit = /scratch schema (lockstep_dryrun_[0-9a-z_]+)/.exec(m);
    if (hit) return hit[1];
  }
  return undefined;
}
