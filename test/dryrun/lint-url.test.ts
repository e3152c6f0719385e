// `lockstep lint --url` / devDatabase: the live database as a `current` schema source and as the
// source of row counts, through the bundled CLI. The password is never printed.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readDatabaseSchema } from '../../server/src/dryrun';
import { runCli, scratchDir, type CliResult } from '../cli/harness';
import { TEST_DB } from '../helpers/db';
import { dbUrl, userDb } from './fixture';

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
}

function project(files: Record<string, string>): string {
  const dir = scratchDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function findings(r: CliResult): JsonFinding[] {
  const report = JSON.parse(r.stdout) as { files: { findings: JsonFinding[] }[] };
  return report.files.flatMap((f) => f.findings);
}

const NO_ENV = { LOCKSTEP_DATABASE_URL: '', LOCKSTEP_DATABASE_PASSWORD: '' };
const SHRINK = { 'V2__shrink.sql': 'ALTER TABLE users MODIFY email VARCHAR(50) NOT NULL;\n' };

test('a table only the database has: set-not-null and varchar-length-change compare against its real definition', async (t) => {
  const db = await userDb(t, ['CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100) NULL)']);
  if (!db) return;
  const cwd = project(SHRINK);
  const without = runCli(['lint', '.', '--format', 'json'], { cwd, env: NO_ENV });
  assert.deepEqual(findings(without).filter((f) => f.rule === 'varchar-length-change'), []);
  assert.match(findings(without).find((f) => f.rule === 'set-not-null')?.message ?? '', /does not know its old definition/);

  const r = runCli(['lint', '.', '--format', 'json', '--url', db.url], { cwd, env: NO_ENV });
  assert.equal(r.status, 1, r.stderr);
  const found = findings(r);
  const source = `<database mysql://${TEST_DB.user}@${TEST_DB.host}:${TEST_DB.port}/${db.name}>`;
  for (const rule of ['set-not-null', 'varchar-length-change']) {
    const f = found.find((x) => x.rule === rule);
    assert.equal(f?.severity, 'error', rule);
    assert.ok(f?.message.includes(`users's definition comes from the current schema in ${source}`), f?.message);
  }
  assert.match(found.find((x) => x.rule === 'varchar-length-change')?.message ?? '', /from VARCHAR\(100\) to VARCHAR\(50\)/);
  assert.equal(found.filter((x) => x.rule === 'change-column-type').length, 0, 'no "could not compare"');
  assert.match(r.stderr, /note: read 1 table and their row counts from <database mysql:\/\//);
});

test('row counts from the database win over the config: 1500 rows over largeTableRows 1000 is a large-table-rewrite error', async (t) => {
  const db = await userDb(t, ['CREATE TABLE big (id INT PRIMARY KEY AUTO_INCREMENT, v INT)', 'INSERT INTO big (v) SELECT seq FROM seq_1_to_1500']);
  if (!db) return;
  const config = { largeTableRows: 1000, tables: { big: { rows: 10 } }, devDatabase: dbUrl(db.name) };
  const cwd = project({ 'V3__big.sql': 'ALTER TABLE big FORCE;\n', 'lockstep.config.json': JSON.stringify(config) });
  // devDatabase from the config, no --url
  const r = runCli(['lint', '.', '--format', 'json'], { cwd, env: NO_ENV });
  assert.equal(r.status, 1, r.stderr);
  const f = findings(r).find((x) => x.rule === 'large-table-rewrite');
  assert.equal(f?.severity, 'error');
  assert.match(f?.message ?? '', /about 1,500 rows \(threshold 1,000\)/);
  const read = await readDatabaseSchema({ url: db.url });
  assert.deepEqual(read.tableRows, { big: 1500 });
  assert.match(read.text, /^CREATE TABLE `big` \(/);
});

test('the password (LOCKSTEP_DATABASE_PASSWORD) is used and never printed; failures are one line, exit 2', async (t) => {
  const db = await userDb(t, ['CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100) NULL)']);
  if (!db) return;
  const user = `lockstep_lint_${randomBytes(3).toString('hex')}`;
  const password = `pw-${randomBytes(6).toString('hex')}`;
  await db.conn.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
  db.cleanup(() => db.conn.query(`DROP USER IF EXISTS '${user}'@'%'`));
  await db.conn.query(`GRANT SELECT ON \`${db.name}\`.* TO '${user}'@'%'`);
  const cwd = project(SHRINK);
  const url = dbUrl(db.name, user);

  const ok = runCli(['lint', '.', '--format', 'json', '--url', url], { cwd, env: { ...NO_ENV, LOCKSTEP_DATABASE_PASSWORD: password } });
  assert.equal(ok.status, 1, ok.stderr);
  assert.ok(findings(ok).some((f) => f.rule === 'varchar-length-change'));
  assert.ok(!`${ok.stdout}${ok.stderr}`.includes(password));

  // LOCKSTEP_DATABASE_URL with the password inside
  const inUrl = runCli(['lint', '.', '--format', 'json'], { cwd, env: { ...NO_ENV, LOCKSTEP_DATABASE_URL: dbUrl(db.name, user, password) } });
  assert.equal(inUrl.status, 1, inUrl.stderr);
  assert.ok(!`${inUrl.stdout}${inUrl.stderr}`.includes(password));

  const wrong = runCli(['lint', '.', '--url', url], { cwd, env: { ...NO_ENV, LOCKSTEP_DATABASE_PASSWORD: `${password}x` } });
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /^lockstep: --url: cannot connect to .* as lockstep_lint_\w+: 1045 Access denied/);
  assert.equal(wrong.stderr.trim().split('\n').length, 1, wrong.stderr);
  assert.ok(!`${wrong.stdout}${wrong.stderr}`.includes(password));

  const unreachable = runCli(['lint', '.', '--url', dbUrl(db.name, user, password).replace(`:${TEST_DB.port}/`, ':1/')], { cwd, env: NO_ENV });
  assert.equal(unreachable.status, 2);
  assert.match(unreachable.stderr, /^lockstep: --url: cannot connect to 127\.0\.0\.1:1/);
  assert.doesNotMatch(unreachable.stderr, /internal error|\n\s+at /);
  assert.ok(!`${unreachable.stdout}${unreachable.stderr}`.includes(password));
});

test('a remote host needs --yes-remote-host; a password in the config devDatabase is a config error', () => {
  const cwd = project(SHRINK);
  const remote = runCli(['lint', '.', '--url', 'mysql://app:hunter2-secret@db.example.com/app'], { cwd, env: NO_ENV });
  assert.equal(remote.status, 2);
  assert.match(remote.stderr, /refusing to connect to db\.example\.com/);
  assert.ok(!remote.stderr.includes('hunter2'));

  const configured = project({ ...SHRINK, 'lockstep.config.json': JSON.stringify({ devDatabase: 'mysql://app:hunter2-secret@localhost/app' }) });
  const bad = runCli(['lint', '.'], { cwd: configured, env: NO_ENV });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /invalid configuration:[\s\S]*`devDatabase` must not hold a password/);
  assert.ok(!bad.stderr.includes('hunter2'));
});

test('MariaDB has no TOTAL_ROW_VERSIONS: the schema is read without that query, and the note says so', async (t) => {
  const db = await userDb(t, ['CREATE TABLE orders (id INT PRIMARY KEY)', 'ALTER TABLE orders ADD COLUMN total INT NULL, ALGORITHM=INSTANT']);
  if (!db) return;
  const read = await readDatabaseSchema({ url: db.url });
  assert.equal(read.server.flavor, 'mariadb');
  assert.deepEqual(read.rowVersions, {});
  assert.doesNotMatch(read.text, /TOTAL_ROW_VERSIONS/);
  assert.ok(read.notes.includes('row versions not read: MariaDB has no information_schema.INNODB_TABLES.TOTAL_ROW_VERSIONS (the 64-version INSTANT limit is MySQL 8.0.29+).'), read.notes.join('\n'));
  const r = runCli(['lint', '.', '--format', 'json', '--url', db.url], { cwd: project({ 'V2__more.sql': 'ALTER TABLE orders ADD COLUMN note INT NULL;\n' }), env: NO_ENV });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /note: row versions not read: MariaDB has no information_schema\.INNODB_TABLES\.TOTAL_ROW_VERSIONS/);
});
