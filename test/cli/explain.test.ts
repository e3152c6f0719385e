// `lockstep explain`: the prediction and findings of ad-hoc SQL, optionally against a schema.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from './harness';

interface Explained {
  target: string;
  statements: { kind: string; sql: string; prediction: { algorithm: string; lock: string; rebuild: boolean; reason: string } | null; findings: { rule: string }[] }[];
  findings: unknown[];
}

const ADD_NOT_NULL = 'ALTER TABLE users ADD COLUMN status VARCHAR(20) NOT NULL';

test('JSON: per statement the prediction and the findings, against the --schema files', () => {
  const r = runCli(['explain', ADD_NOT_NULL, '--schema', 'shop/V1__create_users.sql', '--format', 'json', '--target', 'mariadb-10.11']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Explained;
  assert.equal(out.target, 'mariadb-10.11');
  assert.equal(out.statements.length, 1);
  const [s] = out.statements;
  assert.equal(s.kind, 'alter-table');
  assert.equal(s.sql, ADD_NOT_NULL);
  assert.ok(s.prediction, 'an ALTER gets a prediction');
  assert.ok(s.findings.some((f) => f.rule === 'not-null-without-default'), JSON.stringify(s.findings));
});

test('text: algorithm, lock, rebuild and why for each statement', () => {
  const r = runCli(['explain', 'ALTER TABLE users DROP INDEX idx_users_email; SELECT 1', '--schema', 'shop']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Target: mysql-8\.0/);
  for (const label of ['algorithm', 'lock', 'rebuild', 'why']) assert.match(r.stdout, new RegExp(`^  ${label} +\\S`, 'm'));
  assert.match(r.stdout, /drop-index/);
});

test('SQL from stdin with -', () => {
  const r = runCli(['explain', '-', '--format', 'json'], { input: 'CREATE TABLE t (id INT PRIMARY KEY);\nDROP TABLE t;\n' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Explained;
  assert.deepEqual(out.statements.map((s) => s.kind), ['create-table', 'drop-table']);
});

test('a missing --schema file exits 2', () => {
  const r = runCli(['explain', ADD_NOT_NULL, '--schema', 'shop/V0__missing.sql']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /V0__missing\.sql/);
});

test('several --schema files may be listed before or after the SQL', () => {
  const sql = 'ALTER TABLE users MODIFY name VARCHAR(100) NOT NULL';
  for (const args of [
    ['explain', '--schema', 'shop/V1__create_users.sql', 'shop/V2__add_status.sql', sql, '--format', 'json'],
    ['explain', sql, '--schema', 'shop/V1__create_users.sql', 'shop/V2__add_status.sql', '--format', 'json'],
  ]) {
    const r = runCli(args);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Explained;
    assert.equal(out.statements[0].sql, sql);
    assert.ok(out.statements[0].findings.some((f) => f.rule === 'varchar-length-change'), 'VARCHAR(50) came from the schema files');
  }
  assert.equal(runCli(['explain', sql, 'extra words']).status, 2, 'two SQL-looking arguments without --schema');
});
