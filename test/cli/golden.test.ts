// The human text output of one fixture, compared with a reviewed golden file.
// UPDATE_SNAPSHOTS=1 rewrites it (then review the diff).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './harness';

const GOLDEN = join(__dirname, 'golden', 'shop.txt');

test('text output of fixtures/shop matches the reviewed golden file', () => {
  const r = runCli(['lint', 'shop', '--no-color']);
  assert.equal(r.status, 1, r.stderr);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(GOLDEN)) {
    if (process.env.CI) assert.fail(`missing golden file ${GOLDEN}`);
    mkdirSync(dirname(GOLDEN), { recursive: true });
    writeFileSync(GOLDEN, r.stdout);
  }
  assert.equal(r.stdout, readFileSync(GOLDEN, 'utf8'));
});
