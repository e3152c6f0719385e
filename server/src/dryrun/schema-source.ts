// A development database as a schema source for `lockstep lint --url`: the CREATE TABLE of every
// base table of the connected database (SHOW CREATE TABLE) and each table's row count
// (information_schema.TABLES.TABLE_ROWS, exact COUNT(*) below 100k); on MySQL 8.0.29+ also each
// table's row versions (row-versions.ts), where the replay starts counting. Read-only;
// the connection is the dry-run's (host allow-list, timeouts, password never echoed).
import type { Connection } from 'mysql2/promise';
import { DryRunError, errorText, Link, serverInfo, type ServerInfo } from './connection';
import { readRowVersions } from './row-versions';
import { ident } from './sql';
import type { DryRunConnection } from './types';

/** below this estimate, COUNT(*) is cheap enough to give the exact row count */
const EXACT_COUNT_BELOW = 100_000;

export interface DatabaseSchema {
  /** names the source in findings: `<database mysql://user@host:port/db>` (never a password) */
  rel: string;
  /** every base table's CREATE TABLE, `;`-separated */
  text: string;
  /** lower-cased table name → rows (exact below 100k rows, else the server's estimate) */
  tableRows: Record<string, number>;
  /** lower-cased table name → INSTANT row versions so far (MySQL 8.0.29+, tables with at least one) */
  rowVersions: Record<string, number>;
  server: ServerInfo;
  /** e.g. tables whose rows are only an estimate */
  notes: string[];
}

/** the source's name in findings: the URL without a password */
export function databaseLabel(link: Link): string {
  const t = link.target;
  const host = t.host.includes(':') ? `[${t.host}]` : t.host;
  return `<database mysql://${t.user}@${host}:${t.port}/${t.database}>`;
}

/** reads the schema and row counts; every failure is a DryRunError whose message holds no password */
export async function readDatabaseSchema(connection: DryRunConnection, signal?: AbortSignal): Promise<DatabaseSchema> {
  const link = new Link(connection, signal);
  try {
    const conn = await link.open();
    try {
      return await read(link, conn);
    } catch (err) {
      if (err instanceof DryRunError) throw err;
      throw new DryRunError(`reading the schema of ${link.database} failed: ${errorText(err, link.secrets)}`, 'connection');
    }
  } finally {
    link.close();
  }
}

async function read(link: Link, conn: Connection): Promise<DatabaseSchema> {
  const server = await serverInfo(link, conn);
  const tables = await link.query(
    conn,
    "SELECT TABLE_NAME AS n, TABLE_ROWS AS r FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
    [link.database],
  );
  const texts: string[] = [];
  const tableRows: Record<string, number> = {};
  const notes: string[] = [];
  const rowVersions = await readRowVersions(link, conn, server, notes);
  for (const t of tables) {
    const name = String(t.n);
    const created = await link.query(conn, `SHOW CREATE TABLE ${ident(link.database)}.${ident(name)}`);
    const ddl = created[0]?.['Create Table'];
    if (typeof ddl === 'string') texts.push(`${ddl};`);
    tableRows[name.toLowerCase()] = await rowCount(link, conn, name, Number(t.r ?? 0), notes);
  }
  return { rel: databaseLabel(link), text: texts.join('\n\n'), tableRows, rowVersions, server, notes };
}

async function rowCount(link: Link, conn: Connection, table: string, estimate: number, notes: string[]): Promise<number> {
  if (estimate >= EXACT_COUNT_BELOW) return estimate;
  try {
    const c = await link.query(conn, `SELECT COUNT(*) AS n FROM ${ident(link.database)}.${ident(table)}`);
    return Number(c[0]?.n ?? estimate);
  } catch {
    notes.push(`${table}: the row count is information_schema's estimate (no SELECT privilege for COUNT(*))`);
    return estimate;
  }
}
