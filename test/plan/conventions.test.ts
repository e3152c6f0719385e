// The rename-column plan written in every convention: reviewed snapshots of the files, every up file
// lints clean in a project holding the earlier migration, and the files run on the live server.
// UPDATE_SNAPSHOTS=1 rewrites the snapshots (then review the diff).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Plan } from '../../server/src/engine';
import { lintPlan, mustPlan, type Fixture } from './harness';
import { rows, runFile, scratchDb } from './live';

const CREATE = 'CREATE TABLE person (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  last_name VARCHAR(100) NOT NULL\n);\n';
const RENAME = 'ALTER TABLE person RENAME COLUMN last_name TO surname;\n';

const FIXTURES: Record<string, Fixture> = {
  flyway: { files: { 'db/migration/V1__create_person.sql': CREATE }, path: 'db/migration/V2__rename.sql', text: RENAME },
  'golang-migrate': { files: { 'migrations/000001_create_person.up.sql': CREATE, 'migrations/000001_create_person.down.sql': 'DROP TABLE person;\n' }, path: 'migrations/000002_rename.up.sql', text: RENAME },
  prisma: { files: { 'prisma/migrations/20240101000000_init/migration.sql': CREATE }, path: 'prisma/migrations/20240102000000_rename/migration.sql', text: RENAME },
  liquibase: { files: { 'db/changelog/001-create-person.sql': `-- liquibase formatted sql\n\n-- changeset dev:1\n${CREATE}` }, path: 'db/changelog/002-rename.sql', text: `-- liquibase formatted sql\n\n-- changeset dev:2\n${RENAME}` },
  dbmate: { files: { 'db/migrations/20240101000000_create_person.sql': `-- migrate:up\n${CREATE}\n-- migrate:down\nDROP TABLE person;\n` }, path: 'db/migrations/20240102000000_rename.sql', text: `-- migrate:up\n${RENAME}` },
  goose: { files: { 'migrations/00001_create_person.sql': `-- +goose Up\n${CREATE}\n-- +goose Down\nDROP TABLE person;\n` }, path: 'migrations/00002_rename.sql', text: `-- +goose Up\n${RENAME}` },
  'sql-migrate': { files: { 'migrations/1_create_person.sql': `-- +migrate Up\n${CREATE}\n-- +migrate Down\nDROP TABLE person;\n` }, path: 'migrations/2_rename.sql', text: `-- +migrate Up\n${RENAME}` },
  numbered: { files: { 'sql/001_create_person.sql': CREATE }, path: 'sql/002_rename.sql', text: RENAME },
};

function snapshotOf(plan: Plan): string {
  return plan.releases.map((r) => `##### ${r.title}\n\n${r.files.map((f) => `===== ${f.path} (${f.direction})\n${f.content}`).join('\n')}`).join('\n');
}

for (const [convention, fx] of Object.entries(FIXTURES)) {
  test(`rename-column plan in ${convention}: files match the reviewed snapshot and lint clean`, () => {
    const plan = mustPlan(fx, { triggers: true });
    assert.equal(plan.convention, convention);
    const file = join(__dirname, 'snapshots', `${convention}.txt`);
    const text = snapshotOf(plan);
    if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) {
      if (process.env.CI) assert.fail(`missing snapshot ${file}`);
      mkdirSync(join(__dirname, 'snapshots'), { recursive: true });
      writeFileSync(file, text);
    }
    assert.equal(text, readFileSync(file, 'utf8'));
    for (const linted of lintPlan(fx, plan)) {
      assert.deepEqual(linted.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule}: ${f.message}`), [], linted.path);
    }
  });

  test(`rename-column plan in ${convention}: the up files run in order on the live server`, async (t) => {
    const plan = mustPlan(fx, { triggers: true, batchSize: 7 });
    const db = await scratchDb(t, [CREATE, `INSERT INTO person (last_name) VALUES ${Array.from({ length: 50 }, (_, i) => `('L${i % 9}')`).join(', ')}`]);
    if (!db) return;
    for (const release of plan.releases) for (const f of release.files.filter((x) => x.direction === 'up')) await runFile(db.conn, f, plan.convention);
    const after = await rows(db.conn, 'SELECT id, surname FROM person ORDER BY id');
    assert.deepEqual(after.map((r) => r.surname), Array.from({ length: 50 }, (_, i) => `L${i % 9}`));
    assert.deepEqual((await rows(db.conn, `SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${db.name}' AND TABLE_NAME = 'person' ORDER BY ORDINAL_POSITION`)).map((r) => r.c), ['id', 'surname']);
  });
}
