import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintPlan, mustPlan, type Fixture } from './harness';
import { intendedShape, rows, runFile, scratchDb, tableShape } from './live';

const CREATE_PERSON = 'CREATE TABLE person (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  first_name VARCHAR(100) NULL,\n  last_name VARCHAR(100) NOT NULL,\n  KEY idx_last_name (last_name)\n)';

const flyway: Fixture = {
  files: { 'db/migration/V1__create_person.sql': `${CREATE_PERSON};\n` },
  path: 'db/migration/V2__rename_last_name.sql',
  text: 'ALTER TABLE person RENAME COLUMN last_name TO surname;\n',
};

const golang: Fixture = {
  files: { 'migrations/000001_create_person.up.sql': `${CREATE_PERSON};\n`, 'migrations/000001_create_person.down.sql': 'DROP TABLE person;\n' },
  path: 'migrations/000002_rename_last_name.up.sql',
  text: 'ALTER TABLE person CHANGE last_name surname VARCHAR(100) NOT NULL;\n',
};

const INTENDED = 'CREATE TABLE person (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, first_name VARCHAR(100) NULL, surname VARCHAR(100) NOT NULL, KEY idx_surname (surname))';

/** 1,250 people, duplicates of last names included, and first names NULL on every third */
function seed(): string[] {
  const values = Array.from({ length: 1250 }, (_, i) => `(${i % 3 === 0 ? 'NULL' : `'F${i}'`}, 'L${i % 400}')`);
  return [`${CREATE_PERSON}`, `INSERT INTO person (first_name, last_name) VALUES ${values.join(', ')}`];
}

for (const [name, fixture, triggers] of [['flyway', flyway, false], ['flyway with triggers', flyway, true], ['golang-migrate', golang, false]] as const) {
  test(`rename-column (${name}): every release runs on MariaDB, data survives, the final schema is the intended one`, async (t) => {
    const plan = mustPlan(fixture, { triggers, batchSize: 100 });
    for (const file of lintPlan(fixture, plan)) {
      assert.deepEqual(file.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule}: ${f.message}`), [], file.path);
    }
    const db = await scratchDb(t, seed());
    if (!db) return;
    const before = await rows(db.conn, 'SELECT id, first_name, last_name FROM person ORDER BY id');
    const [r1, r2, r3] = plan.releases;
    for (const f of r1.files.filter((x) => x.direction === 'up')) await runFile(db.conn, f, plan.convention);
    assert.equal(Number((await rows(db.conn, r1.verify[0]))[0]['COUNT(*)']), 0, 'release 1 verification');

    // instances of the previous version still write only last_name until release 2
    await db.conn.query("INSERT INTO person (first_name, last_name) VALUES ('Old', 'Writer')");
    await db.conn.query("UPDATE person SET last_name = 'Changed' WHERE id = 7");
    const compare = r2.verify[0];
    const pendingBefore = Number((await rows(db.conn, compare))[0]['COUNT(*)']);
    assert.equal(pendingBefore, triggers ? 0 : 2, 'rows the previous version wrote meanwhile');
    for (const f of r2.files.filter((x) => x.direction === 'up')) await runFile(db.conn, f, plan.convention);
    for (const q of r2.verify) assert.equal(Number((await rows(db.conn, q))[0]['COUNT(*)']), 0, q);

    for (const f of r3.files.filter((x) => x.direction === 'up')) await runFile(db.conn, f, plan.convention);
    for (const q of r3.verify) assert.equal(Number((await rows(db.conn, q))[0]['COUNT(*)']), 0, q);

    const after = await rows(db.conn, 'SELECT id, first_name, surname FROM person ORDER BY id');
    assert.equal(after.length, before.length + 1);
    const expected = before.map((r) => ({ id: r.id, first_name: r.first_name, surname: Number(r.id) === 7 ? 'Changed' : r.last_name }));
    assert.deepEqual(after.slice(0, before.length).map((r) => ({ id: r.id, first_name: r.first_name, surname: r.surname })), expected);
    assert.equal(after[after.length - 1].surname, 'Writer');
    assert.deepEqual(await tableShape(db.conn, db.name, 'person'), await intendedShape(db.conn, db.name, INTENDED, 'person'));
    assert.deepEqual(await rows(db.conn, `SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '${db.name}'`), [], 'no procedure left behind');
  });
}

test('rename-column (golang-migrate): the down files undo releases 1 and 2 in reverse order', async (t) => {
  const plan = mustPlan(golang, { batchSize: 100 });
  const db = await scratchDb(t, seed());
  if (!db) return;
  const before = await tableShape(db.conn, db.name, 'person');
  const [r1, r2] = plan.releases;
  for (const r of [r1, r2]) for (const f of r.files.filter((x) => x.direction === 'up')) await runFile(db.conn, f, plan.convention);
  for (const r of [r2, r1]) for (const f of r.files.filter((x) => x.direction === 'down').reverse()) await runFile(db.conn, f, plan.convention);
  assert.deepEqual(await tableShape(db.conn, db.name, 'person'), before);
  assert.equal(Number((await rows(db.conn, 'SELECT COUNT(*) AS n FROM person'))[0].n), 1250);
});
