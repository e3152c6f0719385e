// Connection to the test MariaDB/MySQL server (127.0.0.1:3306, root, no password).
// Tests that need it call requireDbOrSkip(t): skipped with a printed reason when the server is
// unreachable, failed instead when LOCKSTEP_REQUIRE_DB=1.
import type { TestContext } from 'node:test';
import mysql from 'mysql2/promise';
import type { Connection, ConnectionOptions } from 'mysql2/promise';

export const TEST_DB: ConnectionOptions = {
  host: process.env.LOCKSTEP_DB_HOST ?? '127.0.0.1',
  port: Number(process.env.LOCKSTEP_DB_PORT ?? 3306),
  user: process.env.LOCKSTEP_DB_USER ?? 'root',
  password: process.env.LOCKSTEP_DB_PASSWORD ?? '',
  database: 'test',
  connectTimeout: 3000,
  multipleStatements: false,
};

export async function connect(options: ConnectionOptions = {}): Promise<Connection> {
  return mysql.createConnection({ ...TEST_DB, ...options });
}

export function dbRequired(): boolean {
  return process.env.LOCKSTEP_REQUIRE_DB === '1';
}

/** A connection, or undefined after skipping the test (or throwing when the DB is required). */
export async function requireDbOrSkip(t: TestContext, options: ConnectionOptions = {}): Promise<Connection | undefined> {
  try {
    return await connect(options);
  } catch (err) {
    const where = `${TEST_DB.host}:${TEST_DB.port}`;
    const reason = `database at ${where} unreachable: ${err instanceof Error ? err.message : String(err)}`;
    if (dbRequired()) throw new Error(`${reason} (LOCKSTEP_REQUIRE_DB=1)`);
    console.log(`# skipped: ${reason}`);
    t.skip(reason);
    return undefined;
  }
}

/** drops a database a test created, on a connection of its own (the test's may be gone) */
export async function dropDatabase(name: string): Promise<void> {
  const conn = await connect();
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name.replace(/`/g, '``')}\``);
  } finally {
    await conn.end();
  }
}
