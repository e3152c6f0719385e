// Files in a linted folder that cannot be read are named on stderr (exit code 2), never skipped
// silently; a named pipe is never opened, so the run cannot block on it. SQL left open (a quote,
// a backtick, a comment, a DELIMITER) is reported up to the end of the file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, scratchDir } from './harness';

function migrations(): string {
  const dir = scratchDir();
  mkdirSync(join(dir, 'migrations'));
  writeFileSync(join(dir, 'migrations', 'V1__create.sql'), 'CREATE TABLE t (id INT PRIMARY KEY);\n');
  return dir;
}

test('dangling and looping .sql links are named with why, and the other files are still linted', (t) => {
  const dir = migrations();
  try {
    symlinkSync('nowhere.sql', join(dir, 'migrations', 'V2__dangling.sql'));
    symlinkSync('V3__loop.sql', join(dir, 'migrations', 'V3__loop.sql'));
  } catch (err) {
    t.skip(`symbolic links cannot be made here: ${String(err)}`);
    return;
  }
  // links that are not migrations by name stay out of it
  symlinkSync('nowhere.txt', join(dir, 'migrations', 'notes.txt'));
  const r = runCli(['lint', 'migrations', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 2, r.stderr);
  assert.deepEqual(r.stderr.trim().split('\n').sort(), [
    'lockstep: migrations/V2__dangling.sql: skipped: a symbolic link to a file that does not exist (ENOENT)',
    'lockstep: migrations/V3__loop.sql: skipped: a symbolic link that loops (ELOOP)',
  ]);
  const report = JSON.parse(r.stdout) as { files: Array<{ path: string }> };
  assert.deepEqual(report.files.map((f) => f.path), ['migrations/V1__create.sql']);
});

test('a named pipe called .sql is reported without being opened', (t) => {
  const dir = migrations();
  const made = spawnSync('mkfifo', [join(dir, 'migrations', 'V2__pipe.sql')]);
  if (made.error || made.status !== 0) {
    t.skip(`mkfifo is not available here: ${made.error?.message ?? made.stderr.toString()}`);
    return;
  }
  // a reader that opened the pipe would wait for a writer forever; the harness's timeout would end it with no status
  const r = runCli(['lint', 'migrations'], { cwd: dir });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^lockstep: migrations\/V2__pipe\.sql: skipped: not a regular file \(a named pipe\): not opened/m);
  assert.match(r.stdout, /1 file/);
});

test('SQL left open is reported from where it opens, and what it swallowed is not checked or quoted', () => {
  const dir = migrations();
  writeFileSync(join(dir, 'migrations', 'V2__drop.sql'), 'ALTER TABLE t ADD c INT;\nDROP TABLE `t;\nDROP TABLE users;\n');
  const r = runCli(['lint', 'migrations', '--no-color'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^migrations\/V2__drop\.sql:2:12 info unparsed-statement Lockstep could not parse this statement, so it was not checked: the backtick-quoted name opened here is never closed, so the rest of the file reads as part of it and was not checked either$/m);
  assert.doesNotMatch(r.stdout, /drop-table|users/);
});
