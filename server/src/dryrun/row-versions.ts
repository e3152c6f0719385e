// The row versions each table of the development database already has: MySQL 8.0.29+ counts the
// ALTERs that added or dropped columns instantly since the table's last rebuild
// (information_schema.INNODB_TABLES.TOTAL_ROW_VERSIONS) and refuses INSTANT at 64. MariaDB has no
// such column (its instant column changes keep no version count), nor has MySQL before 8.0.29.
// The count goes with the database's CREATE TABLEs as a schema source (`rowVersions`): the replay
// counts on from it, so a table at 60 versions is refused INSTANT after 4 more.
import type { Connection } from 'mysql2/promise';
import { atLeast } from '../engine';
import { errorText, type Link, type RowData, type ServerInfo } from './connection';

/** needs the PROCESS privilege; only tables that have versions (a rebuilt table shows 0) */
export const ROW_VERSIONS_QUERY = 'SELECT NAME AS n, TOTAL_ROW_VERSIONS AS v FROM information_schema.INNODB_TABLES WHERE TOTAL_ROW_VERSIONS > 0';

/** lower-cased table name → row versions, for the tables of the link's database that have any */
export async function readRowVersions(link: Link, conn: Connection, server: ServerInfo, notes: string[]): Promise<Record<string, number>> {
  if (server.flavor === 'mariadb') {
    notes.push('row versions not read: MariaDB has no information_schema.INNODB_TABLES.TOTAL_ROW_VERSIONS (the 64-version INSTANT limit is MySQL 8.0.29+).');
    return {};
  }
  if (!atLeast(server.target, 8, 0, 29)) return {};
  let rows: RowData[];
  try {
    rows = await link.query(conn, ROW_VERSIONS_QUERY);
  } catch (err) {
    notes.push(`row versions not read (information_schema.INNODB_TABLES: ${errorText(err, link.secrets)}); the replay counts them from 0.`);
    return {};
  }
  const versions = rowVersionsFrom(rows, link.database);
  const listed = Object.entries(versions).map(([table, v]) => `${table} ${v}`);
  if (listed.length > 0) notes.push(`row versions from INNODB_TABLES.TOTAL_ROW_VERSIONS (MySQL refuses INSTANT ADD/DROP COLUMN at 64): ${listed.join(', ')}.`);
  return versions;
}

/**
 * The query's rows (n = `db/table`, or `db/table#p#p0` for each partition; names in InnoDB's
 * file-name encoding, `@002d` for `-`) → lower-cased table name → the highest count of the
 * database's tables.
 */
export function rowVersionsFrom(rows: readonly RowData[], database: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) {
    const name = typeof row.n === 'string' ? row.n : undefined;
    const count = Number(row.v);
    const slash = name?.indexOf('/') ?? -1;
    if (name === undefined || slash < 0 || !Number.isInteger(count) || count <= 0) continue;
    if (decodeFileName(name.slice(0, slash)) !== database) continue;
    const table = decodeFileName(name.slice(slash + 1).replace(/#p#.*$/i, '')).toLowerCase();
    out[table] = Math.max(out[table] ?? 0, count);
  }
  return out;
}

/** InnoDB's file-name encoding of ASCII punctuation: `@` and four hex digits (other encodings stay as they are) */
function decodeFileName(encoded: string): string {
  return encoded.replace(/@([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
