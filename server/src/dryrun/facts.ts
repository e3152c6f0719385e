// Facts about the user's real table, read from information_schema (never written): rows, sizes,
// row format, engine, FULLTEXT, row versions (MySQL 8.0.29+), and the estimated rebuild time.
import type { Connection } from 'mysql2/promise';
import { atLeast, type Target } from '../engine';
import type { Link, RowData } from './connection';
import { ident } from './sql';
import type { TableFacts } from './types';

/** below this estimate, COUNT(*) is cheap enough to give the exact row count */
const EXACT_COUNT_BELOW = 100_000;

export interface FactsResult {
  facts: TableFacts | null;
  notes: string[];
}

/** null facts when the table does not exist in the user's database */
export async function tableFacts(link: Link, conn: Connection, target: Target, table: string, secondsPerRow: number | null): Promise<FactsResult> {
  const db = link.database;
  const notes: string[] = [];
  const rows = await link.query(
    conn,
    'SELECT TABLE_ROWS AS r, DATA_LENGTH AS d, INDEX_LENGTH AS i, ROW_FORMAT AS f, ENGINE AS e FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
    [db, table],
  );
  const t = rows[0];
  if (!t) return { facts: null, notes };
  let count = Number(t.r ?? 0);
  if (count < EXACT_COUNT_BELOW) {
    try {
      const c = await link.query(conn, `SELECT COUNT(*) AS n FROM ${ident(db)}.${ident(table)}`);
      count = Number(c[0]?.n ?? count);
    } catch {
      notes.push(`${table}: the row count is information_schema's estimate (no SELECT privilege for COUNT(*))`);
    }
  }
  const ft = await link.query(conn, "SELECT 1 AS x FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_TYPE = 'FULLTEXT' LIMIT 1", [db, table]);
  let totalRowVersions: number | null = null;
  if (target.flavor === 'mysql' && atLeast(target, 8, 0, 29)) {
    try {
      const v = await link.query(conn, 'SELECT TOTAL_ROW_VERSIONS AS v FROM information_schema.INNODB_TABLES WHERE NAME = ?', [`${db}/${table}`]);
      totalRowVersions = totalRowVersionsFrom(v);
    } catch {
      // needs PROCESS: left null
    }
  }
  return { facts: tableFactsFrom(t, count, ft.length > 0, totalRowVersions, secondsPerRow), notes };
}

/** the TOTAL_ROW_VERSIONS query's rows (column v) → the count, or null when the table is not listed */
export function totalRowVersionsFrom(rows: readonly RowData[]): number | null {
  return rows[0] ? Number(rows[0].v) : null;
}

/** the information_schema.TABLES row (columns r, d, i, f, e) and the other readings → the facts */
export function tableFactsFrom(t: RowData, rows: number, hasFulltext: boolean, totalRowVersions: number | null, secondsPerRow: number | null): TableFacts {
  return {
    rows,
    dataBytes: Number(t.d ?? 0),
    indexBytes: Number(t.i ?? 0),
    rowFormat: t.f === null || t.f === undefined ? null : String(t.f),
    engine: t.e === null || t.e === undefined ? null : String(t.e),
    hasFulltext,
    totalRowVersions,
    estimatedRebuildSeconds: secondsPerRow === null ? null : Math.round(secondsPerRow * rows * 1000) / 1000,
  };
}
