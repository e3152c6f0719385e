// primary-key-change on the live server: duplicates and NULLs are counted first, the new key is
// enforced as a unique index, then the keys swap in one online ALTER with every row kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection } from 'mysql2/promise';
import type { Plan } from '../../server/src/engine';
import { lintPlan, mustPlan, type Fixture } from './harness';
import { intendedShape, rows, runFile, scratchDb, tableShape } from './live';

const EVENTS = 'CREATE TABLE events (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  tenant_id INT NULL,\n  seq INT NOT NULL,\n  body VARCHAR(50) NULL\n)';
const SEED = [
  `INSERT INTO events (tenant_id, seq, body) VALUES ${Array.from({ length: 500 }, (_, i) => `(${(i % 5) + 1}, ${i}, ${i % 9 === 0 ? 'NULL' : `'b${i}'`})`).join(', ')}`,
  "INSERT INTO events (tenant_id, seq, body) VALUES (1, 0, 'duplicate'), (NULL, 900, 'no tenant')",
];
const fx: Fixture = { files: { 'db/V1__create_events.sql': `${EVENTS};\n` }, path: 'db/V2__change.sql', text: 'ALTER TABLE events DROP PRIMARY KEY, ADD PRIMARY KEY (tenant_id, seq);\n' };

async function count(conn: Connection, sql: string): Promise<number> {
  return Number(Object.values((await rows(conn, sql))[0])[0]);
}

async function runRelease(conn: Connection, plan: Plan, i: number): Promise<void> {
  for (const f of plan.releases[i].files.filter((x) => x.direction === 'up')) await runFile(conn, f, plan.convention);
  for (const q of plan.releases[i].verify) assert.equal(await count(conn, q), 0, `release ${i + 1}: ${q}`);
}

test('primary-key-change: duplicates and NULLs found in release 1; the key moves to (tenant_id, seq) with every row kept', async (t) => {
  const plan = mustPlan(fx);
  assert.equal(plan.kind, 'primary-key-change');
  for (const file of lintPlan(fx, plan)) assert.deepEqual(file.findings.map((f) => `${f.rule}: ${f.message}`), [], file.path);
  const db = await scratchDb(t, [EVENTS, ...SEED]);
  if (!db) return;
  const [duplicates, nulls] = plan.releases[0].verify;
  assert.equal(await count(db.conn, duplicates), 1);
  assert.equal(await count(db.conn, nulls), 1);
  await db.conn.query("DELETE FROM events WHERE body IN ('duplicate', 'no tenant')");
  const before = await rows(db.conn, 'SELECT * FROM events ORDER BY id');
  await runRelease(db.conn, plan, 0);
  await runRelease(db.conn, plan, 1);
  await assert.rejects(db.conn.query('INSERT INTO events (tenant_id, seq) VALUES (1, 0)'), /Duplicate entry/);
  await runRelease(db.conn, plan, 2);
  assert.deepEqual(await rows(db.conn, 'SELECT * FROM events ORDER BY id'), before);
  await db.conn.query("INSERT INTO events (tenant_id, seq, body) VALUES (7, 1, 'after')"); // AUTO_INCREMENT still works
  assert.deepEqual(
    await tableShape(db.conn, db.name, 'events'),
    await intendedShape(db.conn, db.name, 'CREATE TABLE events (\n  id BIGINT NOT NULL AUTO_INCREMENT,\n  tenant_id INT NOT NULL,\n  seq INT NOT NULL,\n  body VARCHAR(50) NULL,\n  PRIMARY KEY (tenant_id, seq),\n  UNIQUE KEY uniq_events_id (id)\n)', 'events'),
  );
});
