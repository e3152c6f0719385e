// What a user sees when calling the CLI wrongly or asking for help.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO, runCli } from './harness';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };

test('--help lists the commands and exits 0', () => {
  const r = runCli(['--help']);
  assert.equal(r.status, 0);
  for (const word of ['lint', 'explain', 'lsp', 'Exit codes']) assert.match(r.stdout, new RegExp(word));
});

test('no arguments prints the help', () => {
  const r = runCli([]);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /lockstep lint/);
});

test('--version prints the package version', () => {
  const r = runCli(['--version']);
  assert.equal(r.status, 0);
  assert.equal(r.stdout.trim(), pkg.version);
});

test('per-command help: lint --help and help explain', () => {
  const lint = runCli(['lint', '--help']);
  assert.equal(lint.status, 0);
  for (const flag of ['--format', '--target', '--config', '--baseline', '--write-baseline', '--fail-on', '--no-color']) assert.ok(lint.stdout.includes(flag), flag);
  const explain = runCli(['help', 'explain']);
  assert.equal(explain.status, 0);
  assert.match(explain.stdout, /--schema/);
});

test('an unknown flag exits 2 with a message naming it', () => {
  const r = runCli(['lint', '--bogus', 'shop']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--bogus/);
  assert.equal(r.stdout, '');
});

test('an unknown command exits 2', () => {
  const r = runCli(['lnt']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command "lnt"/);
});

test('a bad --format, --fail-on or --target value exits 2 and lists the valid ones', () => {
  const format = runCli(['lint', 'shop', '--format', 'xml']);
  assert.equal(format.status, 2);
  assert.match(format.stderr, /sarif/);
  const failOn = runCli(['lint', 'shop', '--fail-on', 'fatal']);
  assert.equal(failOn.status, 2);
  assert.match(failOn.stderr, /warning/);
  const target = runCli(['lint', 'shop', '--target', 'postgres-16']);
  assert.equal(target.status, 2);
  assert.match(target.stderr, /postgres-16/);
  assert.match(target.stderr, /mariadb-10\.11/);
});

test('a missing path exits 2 and names the path', () => {
  const r = runCli(['lint', 'shop', 'no-such-dir']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no-such-dir/);
});

test('explain without SQL exits 2', () => {
  const r = runCli(['explain']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /explain needs the SQL/);
});
