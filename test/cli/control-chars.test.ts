// Control sequences in migrations and paths reach no terminal: every text output shows them escaped.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { visible } from '../../server/src/cli/visible';
import { runCli, scratchDir } from './harness';

const CLEAR = '\u001b[2J';
const TITLE = '\u001b]0;pwned\u0007';
const C1_CSI = '\u009b2J';
// any raw control character other than newline and tab (the text reporter's own colours are off here)
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function project(): string {
  const dir = scratchDir();
  mkdirSync(join(dir, 'migrations'));
  const table = `t${CLEAR}${TITLE}${C1_CSI}`;
  writeFileSync(join(dir, 'migrations', 'V1__create.sql'), `CREATE TABLE \`${table}\` (id INT PRIMARY KEY, c INT);\n`);
  writeFileSync(join(dir, 'migrations', 'V2__drop.sql'), `ALTER TABLE \`${table}\` DROP COLUMN c;\nDROP TABLE \`${table}\`;\n`);
  return dir;
}

test('visible() escapes C0 (but newline and tab), DEL, C1 and ESC', () => {
  assert.equal(visible(`a${CLEAR}b\u007f\u0085\r\n\tc`), 'a\\x1b[2Jb\\x7f\\x85\\x0d\n\tc');
});

for (const format of ['text', 'github']) {
  test(`--format ${format} --no-color prints control sequences of table names escaped`, () => {
    const r = runCli(['lint', 'migrations', '--format', format, '--no-color'], { cwd: project() });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /t\\x1b\[2J\\x1b\]0;pwned\\x07\\x9b2J/);
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
  });
}

test('explain text escapes the statement, findings and the reason', () => {
  const r = runCli(['explain', `ALTER TABLE \`x${CLEAR}\` DROP COLUMN c; DROP TABLE \`y${TITLE}\``, '--no-color']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /x\\x1b\[2J/);
  assert.doesNotMatch(r.stdout, RAW_CONTROL);
});

test('stderr notes and usage errors escape paths', () => {
  const r = runCli(['lint', `missing${CLEAR}.sql`], { cwd: scratchDir() });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /missing\\x1b\[2J\.sql/);
  assert.doesNotMatch(r.stderr, RAW_CONTROL);
});
