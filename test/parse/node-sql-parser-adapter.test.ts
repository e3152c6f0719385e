// The fallback reader: per-dialect build, kinds and tables from its AST, errors as values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWithNodeSqlParser } from '../../server/src/engine/parse/node-sql-parser-adapter';

test('statement kinds and tables from node-sql-parser, for both flavors', () => {
  for (const flavor of ['mysql', 'mariadb'] as const) {
    const select = parseWithNodeSqlParser('SELECT a FROM `Orders` o JOIN users u ON u.id = o.user_id', flavor);
    assert.ok(select.ok, flavor);
    assert.equal(select.kind, 'select');
    assert.deepEqual([...select.tables].sort(), ['orders', 'users']);
    const view = parseWithNodeSqlParser('CREATE VIEW v AS SELECT 1', flavor);
    assert.ok(view.ok && view.kind === 'create-view', flavor);
  }
});

test('a statement it cannot read is an error value, and very long input is not attempted', () => {
  const bad = parseWithNodeSqlParser('ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4', 'mysql');
  assert.equal(bad.ok, false);
  const long = parseWithNodeSqlParser(`SELECT ${'1+'.repeat(20_000)}1`, 'mysql');
  assert.deepEqual(long, { ok: false, error: 'statement too long for the fallback parser' });
});
