import assert from 'node:assert/strict';
import { test } from 'node:test';
import { atLeast, parseTarget } from '../server/src/engine/targets';

test('parses target labels with and without a patch version', () => {
  assert.deepEqual(parseTarget('mysql-8.0.28')?.version, [8, 0, 28]);
  assert.equal(parseTarget('mariadb-10.11')?.flavor, 'mariadb');
  assert.equal(parseTarget('postgres-16'), undefined);
  assert.equal(parseTarget('mysql-7.1'), undefined);
});

test('compares versions', () => {
  const t = parseTarget('mysql-8.0.28')!;
  assert.ok(atLeast(t, 8, 0, 12));
  assert.ok(!atLeast(t, 8, 0, 29));
  assert.ok(atLeast(parseTarget('mysql-8.0')!, 8, 0, 29), 'bare 8.0 means the latest patch');
});
