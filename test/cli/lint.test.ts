// `lockstep lint` end to end: exit codes, discovery, schema replay, files it must refuse.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { spawn } from 'node:child_process';
import { generateMigration } from '../../bench/generate';
import { cliBundle, copyFixture, FIXTURES, runCli, scratchDir } from './harness';
import { fileOf, parseReport, rulesOf } from './json-report';

test('a clean directory exits 0 and says so', () => {
  const r = runCli(['lint', 'clean']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /No findings in 1 file/);
});

test('an unsafe change on a table from an earlier migration exits 1', () => {
  const r = runCli(['lint', 'shop', '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const report = parseReport(r.stdout);
  const v2 = fileOf(report, 'V2__add_status.sql');
  const finding = v2.findings.find((f) => f.rule === 'not-null-without-default');
  assert.ok(finding, `findings: ${rulesOf(v2).join(', ')}`);
  assert.equal(finding.severity, 'error');
  assert.equal(finding.range.start.line, 1, 'the ALTER is on the second line');
});

test('an index on a table created in the same file does not warn', () => {
  const report = parseReport(runCli(['lint', 'shop', '--format', 'json', '--fail-on', 'never']).stdout);
  assert.deepEqual(rulesOf(fileOf(report, 'V1__create_users.sql')), []);
  const same = parseReport(runCli(['lint', 'samefile', '--format', 'json', '--fail-on', 'never']).stdout);
  const rules = rulesOf(fileOf(same, 'V1__create_and_alter.sql'));
  for (const rule of ['not-null-without-default', 'add-index', 'multiple-alters-same-table']) assert.ok(!rules.includes(rule), `${rule} in ${rules.join(', ')}`);
});

test('--fail-on sets the failure level; the default is error', () => {
  assert.equal(runCli(['lint', 'shop', '--fail-on', 'never']).status, 0);
  const warnOnly = runCli(['lint', 'warn-only', '--format', 'json']);
  const report = parseReport(warnOnly.stdout);
  assert.ok(report.summary.findings.warning > 0 && report.summary.findings.error === 0, JSON.stringify(report.summary));
  assert.equal(warnOnly.status, 0);
  assert.equal(runCli(['lint', 'warn-only', '--fail-on', 'warning']).status, 1);
  assert.equal(runCli(['lint', 'warn-only', '--fail-on', 'info']).status, 1);
});

test('a file named alone is checked against the schema its earlier siblings build', () => {
  const alone = parseReport(runCli(['lint', 'shop/V4__widen_name.sql', '--format', 'json', '--fail-on', 'never']).stdout);
  assert.equal(alone.files.length, 1, 'only the named file is reported');
  assert.ok(rulesOf(alone.files[0]).includes('varchar-length-change'), rulesOf(alone.files[0]).join(', '));

  const dir = scratchDir();
  cpSync(join(FIXTURES, 'shop', 'V4__widen_name.sql'), join(dir, 'V4__widen_name.sql'));
  const noHistory = parseReport(runCli(['lint', '.', '--format', 'json', '--fail-on', 'never'], { cwd: dir }).stdout);
  assert.ok(!rulesOf(noHistory.files[0]).includes('varchar-length-change'), 'without V1 the old length is unknown');
});

test('directories are searched for *.sql, skipping node_modules and .git', () => {
  const dir = copyFixture('clean');
  for (const sub of ['node_modules/pkg', '.git/x', 'db/migrations']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'node_modules/pkg/V9__bad.sql'), 'DROP TABLE users;\n');
  writeFileSync(join(dir, '.git/x/V9__bad.sql'), 'DROP TABLE users;\n');
  writeFileSync(join(dir, 'db/migrations/V1__more.sql'), 'CREATE TABLE t (id INT PRIMARY KEY);\n');
  writeFileSync(join(dir, 'notes.md'), '# not SQL\n');
  const report = parseReport(runCli(['lint', '--format', 'json'], { cwd: dir }).stdout);
  assert.deepEqual(report.files.map((f) => f.path).sort(), ['V1__init.sql', 'db/migrations/V1__more.sql']);
});

test('a binary file is skipped with a message, the others are still reported, exit 2', () => {
  const dir = copyFixture('shop');
  writeFileSync(join(dir, 'V5__blob.sql'), Buffer.from([0x41, 0x4c, 0x00, 0x54, 0x45, 0x52, 0x00]));
  const r = runCli(['lint', '.', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /V5__blob\.sql.*NUL/);
  const report = parseReport(r.stdout);
  assert.ok(!report.files.some((f) => f.path.endsWith('V5__blob.sql')));
  assert.ok(rulesOf(fileOf(report, 'V2__add_status.sql')).includes('not-null-without-default'));
});

test('a file over 20 MB is skipped with a message, exit 2', () => {
  const dir = copyFixture('clean');
  const big = join(dir, 'V2__huge.sql');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 21 * 1024 * 1024);
  closeSync(fd);
  const r = runCli(['lint', '.'], { cwd: dir });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /V2__huge\.sql.*20 MB/);
});

test('a directory without migrations exits 2', () => {
  const dir = scratchDir();
  writeFileSync(join(dir, 'README.md'), 'nothing here\n');
  const r = runCli(['lint', '.'], { cwd: dir });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no migration files/);
});

test('a golang-migrate down file is checked against the schema after its up file', () => {
  const dir = scratchDir();
  writeFileSync(join(dir, '000001_init.up.sql'), 'CREATE TABLE items (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, sku VARCHAR(20) NOT NULL) ENGINE=InnoDB;\n');
  writeFileSync(join(dir, '000001_init.down.sql'), 'DROP TABLE items;\n');
  writeFileSync(join(dir, '000002_widen.up.sql'), 'SET SESSION lock_wait_timeout = 5;\nALTER TABLE items MODIFY sku VARCHAR(100) NOT NULL;\n');
  writeFileSync(join(dir, '000002_widen.down.sql'), 'SET SESSION lock_wait_timeout = 5;\nALTER TABLE items MODIFY sku VARCHAR(20) NOT NULL;\n');
  const report = parseReport(runCli(['lint', '.', '--format', 'json', '--fail-on', 'never', '--target', 'mysql-8.0'], { cwd: dir }).stdout);
  assert.equal(report.files.length, 4);
  // the down file shrinks VARCHAR(100) back to 20: only known when the up file was replayed first
  assert.ok(rulesOf(fileOf(report, '000002_widen.down.sql')).includes('varchar-length-change'), rulesOf(fileOf(report, '000002_widen.down.sql')).join(', '));
});

test('a reader that stops early (lockstep lint | head) ends the run quietly', async () => {
  const dir = scratchDir();
  writeFileSync(join(dir, 'V1__many.sql'), generateMigration(3000));
  const child = spawn(process.execPath, [cliBundle(), 'lint', '.', '--format', 'json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.doesNotMatch(stderr, /EPIPE|Error/);
  assert.ok(code === 0 || code === 1, `exit code ${code}`);
});

test('a file named explicitly is linted whatever its extension', () => {
  const dir = scratchDir();
  writeFileSync(join(dir, 'change.txt'), 'SET SESSION lock_wait_timeout = 5;\nALTER TABLE users DROP COLUMN legacy;\n');
  const r = runCli(['lint', 'change.txt', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(rulesOf(fileOf(parseReport(r.stdout), 'change.txt')), ['drop-column']);
});

test('Prisma: each migration.sql is checked against the folders that sort before it', () => {
  const dir = scratchDir();
  const write = (folder: string, sql: string) => {
    mkdirSync(join(dir, 'prisma', 'migrations', folder), { recursive: true });
    writeFileSync(join(dir, 'prisma', 'migrations', folder, 'migration.sql'), sql);
  };
  write('20240101000000_init', 'CREATE TABLE `User` (`id` INTEGER NOT NULL AUTO_INCREMENT, `name` VARCHAR(50) NOT NULL, PRIMARY KEY (`id`)) DEFAULT CHARACTER SET utf8mb4;\n');
  write('20240202000000_widen', 'SET SESSION lock_wait_timeout = 5;\nALTER TABLE `User` MODIFY `name` VARCHAR(100) NOT NULL;\n');
  const r = runCli(['lint', 'prisma/migrations/20240202000000_widen/migration.sql', '--format', 'json'], { cwd: dir });
  const report = parseReport(r.stdout);
  assert.deepEqual(report.files.map((f) => f.path), ['prisma/migrations/20240202000000_widen/migration.sql']);
  assert.deepEqual(rulesOf(report.files[0]), ['varchar-length-change']);
});
