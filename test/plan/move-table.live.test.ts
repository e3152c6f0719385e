// move-table on the live server: the target is created, the app dual-writes (some writes reach only
// the old table, as from instances not yet switched), the copy and the catch-up compensate every
// difference from the old side, and the old table goes with every row kept in the new schema.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection } from 'mysql2/promise';
import { defaultConfig, memoryHost, parseTarget, planForTableMove, Project, type Plan } from '../../server/src/engine';
import { dropDatabase } from '../helpers/db';
import { lintPlan, NOW, ROOT, type Fixture } from './harness';
import { rows, runFile, scratchDb, tableShape } from './live';

const PERSON = 'CREATE TABLE person (\n  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  name VARCHAR(50) NULL,\n  score INT NOT NULL DEFAULT 0,\n  KEY idx_name (name)\n)';
const SEED = `INSERT INTO person (name, score) VALUES ${Array.from({ length: 400 }, (_, i) => `(${i % 8 === 0 ? 'NULL' : `'p${i % 60}'`}, ${i})`).join(', ')}`;
const fx: Fixture = { files: { 'db/V1__create_person.sql': `${PERSON};\n` }, path: 'db/V1__create_person.sql', text: `${PERSON};\n` };

function plan(schema: string): Plan {
  const target = parseTarget('mariadb-10.11');
  if (!target) throw new Error('target');
  const project = new Project(memoryHost({ [`${ROOT}/${fx.path}`]: fx.text }), { root: ROOT, config: { ...defaultConfig(), target } });
  const result = planForTableMove(project, `${ROOT}/${fx.path}`, fx.text, 'person', schema, { now: NOW, batchSize: 45 });
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

async function count(conn: Connection, sql: string): Promise<number> {
  return Number(Object.values((await rows(conn, sql))[0])[0]);
}

async function runRelease(conn: Connection, p: Plan, i: number, verify = true): Promise<void> {
  for (const f of p.releases[i].files.filter((x) => x.direction === 'up')) await runFile(conn, f, p.convention);
  if (verify) for (const q of p.releases[i].verify) assert.equal(await count(conn, q), 0, `release ${i + 1}: ${q}`);
}

test('move-table: four releases; each file lints without error; a bad table or schema is refused', () => {
  const p = plan('archive');
  assert.equal(p.kind, 'move-table');
  assert.deepEqual(p.releases.map((r) => r.files.map((f) => f.path)), [['db/V2__create_archive_person.sql'], ['db/V3__copy_person_to_archive.sql'], ['db/V4__catch_up_person_in_archive.sql'], ['db/V5__drop_person.sql']]);
  for (const file of lintPlan(fx, p)) assert.deepEqual(file.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`), [], file.path);
  const target = parseTarget('mariadb-10.11');
  if (!target) throw new Error('target');
  const project = new Project(memoryHost({ [`${ROOT}/${fx.path}`]: fx.text }), { root: ROOT, config: { ...defaultConfig(), target } });
  const missing = planForTableMove(project, `${ROOT}/${fx.path}`, fx.text, 'nobody', 'archive');
  assert.deepEqual(missing, { ok: false, reason: 'table nobody is not known from the migrations' });
  const badSchema = planForTableMove(project, `${ROOT}/${fx.path}`, fx.text, 'person', 'a`b');
  assert.equal(badSchema.ok, false);
});

test('move-table: the rows end up in the new schema, compensated from the old side, and the old table is dropped', async (t) => {
  const db = await scratchDb(t, [PERSON, SEED]);
  if (!db) return;
  const schema = `${db.name}_target`;
  await db.conn.query(`CREATE DATABASE \`${schema}\``);
  t.after(() => dropDatabase(schema));
  const p = plan(schema);
  const shape = await tableShape(db.conn, db.name, 'person');
  await runRelease(db.conn, p, 0);
  // app 2.0 writes both tables; an instance not yet switched writes only the old one
  await db.conn.query("INSERT INTO person (name, score) VALUES ('both', 1)");
  const [{ id }] = await rows(db.conn, 'SELECT LAST_INSERT_ID() AS id');
  await db.conn.query(`INSERT INTO \`${schema}\`.person (id, name, score) VALUES (${Number(id)}, 'both', 1)`);
  await db.conn.query("UPDATE person SET score = -1 WHERE id = 10");
  await db.conn.query(`INSERT INTO \`${schema}\`.person (id, name, score) VALUES (10, 'stale', 5)`); // a dual-write that raced
  await db.conn.query('DELETE FROM person WHERE id = 11');
  await runRelease(db.conn, p, 1);
  await db.conn.query("UPDATE person SET name = 'late' WHERE id = 12"); // written only to the old table during release 2's deploy
  await runRelease(db.conn, p, 2);
  const expected = await rows(db.conn, 'SELECT * FROM person ORDER BY id');
  await runRelease(db.conn, p, 3, false);
  assert.equal(await count(db.conn, p.releases[3].verify[0]), 0);
  assert.deepEqual(await rows(db.conn, `SELECT * FROM \`${schema}\`.person ORDER BY id`), expected);
  assert.equal(expected.length, 400);
  assert.deepEqual(await tableShape(db.conn, schema, 'person'), shape);
});
