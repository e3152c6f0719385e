// Runs generated plan files on the test server, statement by statement as their runner would:
// the file's up sections (or a down file), split by the engine's splitter, which honours
// DELIMITER and BEGIN … END bodies the same way the mysql client and the server do.
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { parseFile, parseTarget, Project, memoryHost, defaultConfig, type PlanFile } from '../../server/src/engine';
import type { Convention } from '../../server/src/engine';
import { requireDbOrSkip } from '../helpers/db';

export interface ScratchDb {
  name: string;
  conn: Connection;
}

/** a database of its own for one test, dropped after it; undefined when the test was skipped */
export async function scratchDb(t: TestContext, setup: readonly string[]): Promise<ScratchDb | undefined> {
  const conn = await requireDbOrSkip(t);
  if (!conn) return undefined;
  const name = `lockstep_plan_test_${randomBytes(4).toString('hex')}`;
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  await conn.query(`USE \`${name}\``);
  t.after(async () => {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.end();
  });
  for (const s of setup) await conn.query(s);
  return { name, conn };
}

/** the statements a runner executes for the file (up sections only for section conventions) */
export function executedStatements(file: PlanFile, convention: Convention | 'plain'): string[] {
  const c = convention === 'plain' ? undefined : convention;
  const host = memoryHost({ [`/p/${file.path}`]: file.content });
  const project = new Project(host, { root: '/p', config: { ...defaultConfig(), ...(c ? { migrations: { ...defaultConfig().migrations, convention: c } } : {}) } });
  const text = file.direction === 'down' ? file.content : project.analyzedText(file.content, project.fileContext(`/p/${file.path}`));
  const target = parseTarget('mariadb-10.11');
  if (!target) throw new Error('target');
  return parseFile(text, { target })
    .filter((s) => s.origin === 'top-level')
    .map((s) => text.slice(s.span.start, s.span.end).trim())
    .filter((sql) => sql !== '');
}

export async function runFile(conn: Connection, file: PlanFile, convention: Convention | 'plain'): Promise<number> {
  const statements = executedStatements(file, convention);
  for (const sql of statements) {
    try {
      await conn.query(sql);
    } catch (err) {
      throw new Error(`${file.path}: ${err instanceof Error ? err.message : String(err)}\n  in: ${sql.slice(0, 200)}`);
    }
  }
  return statements.length;
}

export async function rows(conn: Connection, sql: string): Promise<RowDataPacket[]> {
  const [r] = await conn.query<RowDataPacket[]>(sql);
  return r;
}

/** the table's columns (name, type, nullability, default) and indexes from information_schema, position-independent */
export async function tableShape(conn: Connection, db: string, table: string): Promise<{ columns: string[]; indexes: string[] }> {
  const [cols] = await conn.query<RowDataPacket[]>(
    'SELECT COLUMN_NAME AS n, COLUMN_TYPE AS t, IS_NULLABLE AS nl, COLUMN_DEFAULT AS d, EXTRA AS x FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY COLUMN_NAME',
    [db, table],
  );
  const [idx] = await conn.query<RowDataPacket[]>(
    "SELECT INDEX_NAME AS n, NON_UNIQUE AS u, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) AS c FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? GROUP BY INDEX_NAME, NON_UNIQUE ORDER BY INDEX_NAME",
    [db, table],
  );
  return {
    columns: cols.map((c) => `${c.n} ${c.t} ${c.nl === 'YES' ? 'NULL' : 'NOT NULL'}${c.d !== null ? ` DEFAULT ${c.d}` : ''}${c.x ? ` ${c.x}` : ''}`),
    indexes: idx.map((i) => `${i.n}${Number(i.u) === 0 ? ' UNIQUE' : ''} (${i.c})`),
  };
}

/** the shape the intended final CREATE TABLE gives, built in a second scratch database */
export async function intendedShape(conn: Connection, db: string, createTable: string, table: string): Promise<{ columns: string[]; indexes: string[] }> {
  const ref = `${db}_ref`;
  await conn.query(`CREATE DATABASE \`${ref}\``);
  try {
    await conn.query(`USE \`${ref}\``);
    await conn.query(createTable);
    return await tableShape(conn, ref, table);
  } finally {
    await conn.query(`USE \`${db}\``);
    await conn.query(`DROP DATABASE \`${ref}\``);
  }
}
