// The catalog fed by the real parser: migrations as users write them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyStatement, emptyCatalog } from '../../server/src/engine/catalog/apply';
import { columnCharsetBytes, findColumn, findIndex, findTable, isIndexed } from '../../server/src/engine/catalog/lookup';
import { parseFile } from '../../server/src/engine/parse';
import { parseTarget } from '../../server/src/engine/targets';
import type { Catalog } from '../../server/src/engine/types';

const target = parseTarget('mysql-8.0')!;

function replay(...files: string[]): Catalog {
  const catalog = emptyCatalog();
  files.forEach((sql, n) => {
    for (const s of parseFile(sql, { target })) applyStatement(catalog, s, `V${n + 1}.sql`);
  });
  return catalog;
}

const init = `CREATE TABLE IF NOT EXISTS Users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(255) NOT NULL UNIQUE,
  name VARCHAR(100) CHARACTER SET latin1,
  bio TEXT,
  KEY idx_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE orders (
  id BIGINT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id)
);`;

test('CREATE TABLE with inline keys, options and a foreign key', () => {
  const c = replay(init);
  const users = findTable(c, 'users')!;
  assert.deepEqual(users.columns.map((x) => x.name), ['id', 'email', 'name', 'bio']);
  assert.deepEqual(users.indexes.map((i) => `${i.kind}:${i.name}`), ['primary:PRIMARY', 'unique:email', 'index:idx_name']);
  assert.equal(columnCharsetBytes(users, 'name'), 1);
  assert.equal(columnCharsetBytes(users, 'email'), 4);
  const orders = findTable(c, 'orders')!;
  assert.equal(orders.foreignKeys[0].name, 'fk_orders_user');
  assert.ok(isIndexed(orders, 'user_id'), 'InnoDB adds an index for the foreign key');
  assert.equal(orders.createdAt?.path, 'V1.sql');
  assert.equal(init.slice(orders.createdAt!.span.start, orders.createdAt!.span.end).split('\n')[0], 'CREATE TABLE orders (');
});

test('ALTER TABLE clauses in order: add after, rename, defaults, index changes', () => {
  const c = replay(init, `ALTER TABLE users ADD COLUMN age INT AFTER email, DROP INDEX idx_name, RENAME COLUMN name TO full_name, ALTER COLUMN age SET DEFAULT 3;
CREATE INDEX idx_age ON users (age);
ALTER TABLE users RENAME INDEX idx_age TO idx_user_age, ALTER INDEX idx_user_age INVISIBLE;
ALTER TABLE users MODIFY bio MEDIUMTEXT FIRST;`);
  const users = findTable(c, 'users')!;
  assert.deepEqual(users.columns.map((x) => x.name), ['bio', 'id', 'email', 'age', 'full_name']);
  assert.deepEqual(findColumn(users, 'AGE')?.default, { kind: 'literal', text: '3' });
  assert.equal(findIndex(users, 'idx_name'), undefined);
  assert.equal(findIndex(users, 'idx_user_age')?.hidden, true);
  assert.equal(findColumn(users, 'bio')?.type.name, 'MEDIUMTEXT');
});

test('RENAME TABLE chains, LIKE, DROP TABLE', () => {
  const c = replay(init, 'CREATE TABLE users_copy LIKE users;\nRENAME TABLE users_copy TO tmp, tmp TO archive;\nDROP TABLE IF EXISTS nothing_here;');
  assert.equal(findTable(c, 'users_copy'), undefined);
  assert.deepEqual(findTable(c, 'archive')?.columns.map((x) => x.name), ['id', 'email', 'name', 'bio']);
  const dropped = replay(init, 'DROP TABLE orders;');
  assert.equal(findTable(dropped, 'orders'), undefined);
});

test('CONVERT TO CHARACTER SET converts character columns', () => {
  const c = replay(init, 'ALTER TABLE users CONVERT TO CHARACTER SET latin1;');
  const users = findTable(c, 'users')!;
  assert.equal(columnCharsetBytes(users, 'email'), 1);
  assert.equal(columnCharsetBytes(users, 'id'), 1);
  assert.equal(users.options.CHARSET, 'latin1');
});

test('DDL inside a routine body reaches the catalog (conditional migrations)', () => {
  const c = replay(init, `DELIMITER $$
CREATE PROCEDURE add_phone() BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'phone') THEN
    ALTER TABLE users ADD COLUMN phone VARCHAR(20);
  END IF;
END$$
DELIMITER ;
CALL add_phone();`);
  assert.ok(findColumn(findTable(c, 'users'), 'phone'));
});
