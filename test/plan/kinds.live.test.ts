// Each plan kind on the live server: the pre-migration schema with rows (NULLs and duplicates
// included), every release's up files in order, the verification queries, the data and the final
// schema compared through information_schema; every generated file lints without error or warning.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection } from 'mysql2/promise';
import type { Plan } from '../../server/src/engine';
import { lintPlan, mustPlan, type Fixture } from './harness';
import { intendedShape, rows, runFile, scratchDb, tableShape } from './live';

const PERSON = 'CREATE TABLE person (\n  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  nick VARCHAR(50) NULL,\n  last_name VARCHAR(100) NOT NULL,\n  legacy INT NOT NULL\n)';
const SEED = `INSERT INTO person (nick, last_name, legacy) VALUES ${Array.from({ length: 700 }, (_, i) => `(${i % 4 === 0 ? 'NULL' : `'n${i % 50}'`}, 'L${i % 90}', ${i})`).join(', ')}`;

function fixture(text: string): Fixture {
  return { files: { 'db/V1__create_person.sql': `${PERSON};\n` }, path: 'db/V2__change.sql', text };
}

function assertLintsClean(fx: Fixture, plan: Plan): void {
  for (const file of lintPlan(fx, plan)) {
    assert.deepEqual(file.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule}: ${f.message}`), [], file.path);
  }
}

async function count(conn: Connection, sql: string): Promise<number> {
  const [row] = await rows(conn, sql);
  return Number(Object.values(row)[0]);
}

/** runs release `i`'s up files, then asserts each of its verification queries returns 0 */
async function release(conn: Connection, plan: Plan, i: number): Promise<void> {
  for (const f of plan.releases[i].files.filter((x) => x.direction === 'up')) await runFile(conn, f, plan.convention);
  for (const q of plan.releases[i].verify) assert.equal(await count(conn, q), 0, `release ${i + 1}: ${q}`);
}

test('not-null-without-default: age is added NULL, old rows are backfilled in batches, then it becomes NOT NULL', async (t) => {
  const fx = fixture('ALTER TABLE person ADD COLUMN age INT NOT NULL;\n');
  const plan = mustPlan(fx, { batchSize: 64 });
  assertLintsClean(fx, plan);
  const db = await scratchDb(t, [PERSON, SEED]);
  if (!db) return;
  await release(db.conn, plan, 0);
  // the new app version writes age; the previous one still inserts without it until release 2
  await db.conn.query("INSERT INTO person (nick, last_name, legacy, age) VALUES ('new', 'N', 1, 41)");
  await db.conn.query("INSERT INTO person (nick, last_name, legacy) VALUES ('old', 'O', 2)");
  await release(db.conn, plan, 1);
  assert.equal(await count(db.conn, 'SELECT COUNT(*) FROM person'), 702);
  assert.equal(await count(db.conn, 'SELECT COUNT(*) FROM person WHERE age = 0'), 701);
  assert.equal(await count(db.conn, "SELECT age FROM person WHERE nick = 'new'"), 41);
  assert.deepEqual(await tableShape(db.conn, db.name, 'person'), await intendedShape(db.conn, db.name, `${PERSON.slice(0, -2)},\n  age INT NOT NULL\n)`, 'person'));
});

test('set-not-null: the DEFAULT comes first, NULL rows are backfilled with it, then nick becomes NOT NULL', async (t) => {
  const fx = fixture("ALTER TABLE person MODIFY nick VARCHAR(50) NOT NULL DEFAULT '';\n");
  const plan = mustPlan(fx, { batchSize: 64 });
  assertLintsClean(fx, plan);
  const db = await scratchDb(t, [PERSON, SEED]);
  if (!db) return;
  const kept = await rows(db.conn, 'SELECT id, nick FROM person WHERE nick IS NOT NULL ORDER BY id');
  await release(db.conn, plan, 0);
  await db.conn.query("INSERT INTO person (last_name, legacy) VALUES ('D', 3)");
  assert.equal(await count(db.conn, "SELECT COUNT(*) FROM person WHERE last_name = 'D' AND nick = ''"), 1, 'the DEFAULT fills INSERTs that leave nick out');
  await db.conn.query("INSERT INTO person (nick, last_name, legacy) VALUES (NULL, 'E', 4)");
  await release(db.conn, plan, 1);
  assert.equal(await count(db.conn, "SELECT COUNT(*) FROM person WHERE nick = ''"), 175 + 2);
  assert.deepEqual(await rows(db.conn, 'SELECT id, nick FROM person WHERE nick <> \'\' ORDER BY id'), kept);
  assert.deepEqual(await tableShape(db.conn, db.name, 'person'), await intendedShape(db.conn, db.name, PERSON.replace('nick VARCHAR(50) NULL', "nick VARCHAR(50) NOT NULL DEFAULT ''"), 'person'));
});

test('drop-column: legacy becomes optional, the app inserts without it, then it is dropped', async (t) => {
  const fx = fixture('ALTER TABLE person DROP COLUMN legacy;\n');
  const plan = mustPlan(fx);
  assertLintsClean(fx, plan);
  const db = await scratchDb(t, [PERSON, SEED]);
  if (!db) return;
  const before = await rows(db.conn, 'SELECT id, nick, last_name FROM person ORDER BY id');
  await release(db.conn, plan, 0);
  await db.conn.query("INSERT INTO person (nick, last_name) VALUES ('x', 'without legacy')");
  await release(db.conn, plan, 1);
  const after = await rows(db.conn, 'SELECT id, nick, last_name FROM person ORDER BY id');
  assert.deepEqual(after.slice(0, before.length), before);
  assert.equal(after.length, before.length + 1);
  assert.deepEqual(await tableShape(db.conn, db.name, 'person'), await intendedShape(db.conn, db.name, PERSON.replace(',\n  legacy INT NOT NULL', ''), 'person'));
});

test('drop-table: the table is retired under another name with its rows, then dropped', async (t) => {
  const fx = fixture('DROP TABLE person;\n');
  const plan = mustPlan(fx);
  assertLintsClean(fx, plan);
  assert.equal(plan.releases[0].files.length, 0, 'release 1 is an application change only');
  const db = await scratchDb(t, [PERSON, SEED]);
  if (!db) return;
  await release(db.conn, plan, 1);
  assert.equal(await count(db.conn, 'SELECT COUNT(*) FROM person_retired'), 700, 'the retired table keeps its rows');
  await release(db.conn, plan, 2);
  assert.equal(await count(db.conn, `SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '${db.name}'`), 0);
});

test('rename-table: the next app version reads and writes through the view, then the table takes the new name', async (t) => {
  const fx = fixture('RENAME TABLE person TO people;\n');
  const plan = mustPlan(fx);
  assertLintsClean(fx, plan);
  const db = await scratchDb(t, [PERSON, SEED]);
  if (!db) return;
  const before = await rows(db.conn, 'SELECT * FROM person ORDER BY id');
  await release(db.conn, plan, 0);
  // both versions write during the deploy: the previous one to person, the next one through people
  await db.conn.query("INSERT INTO person (nick, last_name, legacy) VALUES ('old', 'O', 1)");
  await db.conn.query("INSERT INTO people (nick, last_name, legacy) VALUES ('new', 'N', 2)");
  await db.conn.query("UPDATE people SET nick = 'upd' WHERE id = 3");
  await release(db.conn, plan, 1);
  const after = await rows(db.conn, 'SELECT * FROM people ORDER BY id');
  assert.equal(after.length, before.length + 2);
  assert.deepEqual(after.slice(0, before.length).map((r) => (r.id === 3 ? { ...r, nick: 'n2' } : r)), before);
  assert.deepEqual(await tableShape(db.conn, db.name, 'people'), await intendedShape(db.conn, db.name, PERSON.replace('person', 'people'), 'people'));
  assert.equal(await count(db.conn, `SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '${db.name}' AND TABLE_NAME <> 'people'`), 0);
});
