// `lockstep dry-run` end to end: the bundled CLI against the live server, json and text, exit codes.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DryRunReport } from '../../server/src/dryrun';
import { runCli, scratchDir } from '../cli/harness';
import { leftovers, userDb } from './fixture';

// a dbmate migration: only the up section is dry-run (the down section would fail on the copy)
const MIGRATION = `-- migrate:up
ALTER TABLE t ADD COLUMN note VARCHAR(20) NULL;
ALTER TABLE t MODIFY a BIGINT NOT NULL;

-- migrate:down
ALTER TABLE t DROP COLUMN does_not_exist;
`;

function project(): string {
  const dir = scratchDir();
  writeFileSync(join(dir, '20240101000000_note.sql'), MIGRATION);
  return dir;
}

test('dry-run --format json prints the DryRunReport; --statement picks one statement', async (t) => {
  const db = await userDb(t, ['CREATE TABLE t (id INT PRIMARY KEY, a INT NOT NULL)', 'INSERT INTO t VALUES (1, 1), (2, 2)']);
  if (!db) return;
  const cwd = project();
  const r = runCli(['dry-run', '--url', db.url, '20240101000000_note.sql', '--format', 'json'], { cwd });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as DryRunReport;
  assert.equal(report.mode, 'full');
  assert.deepEqual(
    report.statements.map((s) => [s.index, s.measured?.algorithm, s.error]),
    [
      [0, 'INSTANT', null],
      [1, 'COPY', null],
    ],
  );
  assert.equal(report.statements[1].range.start.line, 2);
  assert.equal(report.statements[1].tableFacts?.rows, 2);
  assert.deepEqual(await leftovers(db.conn, report.scratchSchema ?? ''), []);

  const one = runCli(['dry-run', '20240101000000_note.sql', '--format', 'json', '--statement', '1'], { cwd, env: { LOCKSTEP_DATABASE_URL: db.url } });
  assert.equal(one.status, 0, one.stderr);
  const only = JSON.parse(one.stdout) as DryRunReport;
  assert.deepEqual(
    only.statements.map((s) => [s.index, s.measured?.algorithm, s.predicted?.algorithm]),
    [[1, 'COPY', 'COPY']],
  );
});

test('dry-run text output: one block per statement, measured vs predicted, facts and blockers', async (t) => {
  const db = await userDb(t, ['CREATE TABLE t (id INT PRIMARY KEY, a INT NOT NULL)', 'INSERT INTO t VALUES (1, 1)']);
  if (!db) return;
  const r = runCli(['dry-run', '--url', db.url, '20240101000000_note.sql'], { cwd: project() });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^dry-run of 20240101000000_note\.sql on mariadb 10\.11/);
  assert.match(r.stdout, /statement 0 \(line 2\): ALTER TABLE t ADD COLUMN note VARCHAR\(20\) NULL\n {2}measured: {2}INSTANT, LOCK=NONE, no rebuild\n {2}predicted: INSTANT, LOCK=NONE, no rebuild/);
  assert.match(r.stdout, /statement 1 \(line 3\): ALTER TABLE t MODIFY a BIGINT NOT NULL\n {2}measured: {2}COPY, LOCK=SHARED, rebuilds the table/);
  assert.match(r.stdout, /table t: 1 rows, .*InnoDB/);
  assert.match(r.stdout, /refused: 1846 ALGORITHM=INSTANT is not supported/);
  assert.doesNotMatch(r.stdout, /does_not_exist/);
});

test('dry-run exit code 2 with a clear message on usage and connection errors', () => {
  const cwd = project();
  const cases: [string[], RegExp, Record<string, string>?][] = [
    [['dry-run', '20240101000000_note.sql'], /needs a database: --url/],
    [['dry-run', '--url', 'mysql://root@db.example.com/app', '20240101000000_note.sql'], /refusing to connect to db\.example\.com.*--yes-remote-host/],
    [['dry-run', '--url', 'mysql://root@127.0.0.1:1/app', '20240101000000_note.sql'], /cannot connect to 127\.0\.0\.1:1/],
    [['dry-run', '--url', 'http://x/y', '20240101000000_note.sql'], /invalid database URL scheme/],
    [['dry-run', '--url', 'mysql://root@127.0.0.1/app'], /exactly one migration file/],
    [['dry-run', '--url', 'mysql://root@127.0.0.1/app', 'missing.sql'], /missing\.sql/],
    [['dry-run', '--url', 'mysql://root@127.0.0.1/app', 'x.sql', '--format', 'sarif'], /unknown --format "sarif" for dry-run/],
    [['dry-run', '--url', 'mysql://root@127.0.0.1/app', 'x.sql', '--statement', 'two'], /--statement needs a whole number/],
  ];
  for (const [args, message, env] of cases) {
    const r = runCli(args, { cwd, env: { LOCKSTEP_DATABASE_URL: '', ...env } });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, 'no stack trace');
  }
  const help = runCli(['dry-run', '--help'], { cwd });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: lockstep dry-run --url/);
  assert.match(runCli(['--help'], { cwd }).stdout, /lockstep dry-run --url <url> <file>/);
});
