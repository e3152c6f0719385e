// Tables no migration creates: ALTERs of them leave a partial table that holds only what they told
// (added or fully redefined columns, added indexes); lookups keep unknown apart from absent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyStatement, emptyCatalog } from '../../server/src/engine/catalog/apply';
import { findKnownColumn, findTable, findTableOrPartial, tableExists } from '../../server/src/engine/catalog/lookup';
import { parseFile } from '../../server/src/engine/parse';
import { parseTarget } from '../../server/src/engine/targets';
import type { Catalog } from '../../server/src/engine/types';

const target = parseTarget('mysql-8.0')!;

function replay(sql: string, catalog: Catalog = emptyCatalog()): Catalog {
  for (const st of parseFile(sql, { target })) applyStatement(catalog, st, 'V2__change.sql');
  return catalog;
}

test('ADD COLUMN / ADD INDEX on an unknown table leave a partial table: it exists, but is not fully known', () => {
  const c = replay('ALTER TABLE Orders ADD COLUMN note TEXT NULL, ADD INDEX idx_note (note(20));');
  assert.equal(findTable(c, 'orders'), undefined, 'a partial table is not a known table');
  assert.ok(tableExists(c, 'ORDERS'));
  const t = findTableOrPartial(c, 'orders')!;
  assert.equal(t.partial, true);
  assert.equal(t.name, 'Orders');
  assert.deepEqual(t.columns.map((x) => x.name), ['note']);
  assert.deepEqual(t.indexes.map((i) => i.name), ['idx_note']);
  assert.equal(findKnownColumn(c, 'orders', 'note')?.column.nullable, true);
  assert.equal(findKnownColumn(c, 'orders', 'status'), undefined, 'a column the file never mentioned is unknown');
});

test('MODIFY on an unknown table records the new definition only when its nullability is written', () => {
  const c = replay('ALTER TABLE orders MODIFY status VARCHAR(20) NOT NULL;\nALTER TABLE invoices MODIFY total DECIMAL(12,2);');
  assert.equal(findKnownColumn(c, 'orders', 'status')?.column.nullable, false);
  assert.equal(tableExists(c, 'invoices'), false, 'an unwritten nullability depends on the unknown primary key');
  replay('ALTER TABLE orders CHANGE status state VARCHAR(30) NULL;\nALTER TABLE orders MODIFY state VARCHAR(40);', c);
  assert.equal(findKnownColumn(c, 'orders', 'status'), undefined, 'renamed away');
  assert.equal(findKnownColumn(c, 'orders', 'state')?.column.type.length, 40, 'a known column takes any later full definition');
});

test('DROP COLUMN forgets a known column (unknown again, not absent); other ALTERs of an unknown table add nothing', () => {
  const c = replay('ALTER TABLE orders ADD COLUMN note TEXT NULL;\nALTER TABLE orders DROP COLUMN note;\nALTER TABLE payments DROP COLUMN legacy, ALTER COLUMN amount SET DEFAULT 0;');
  assert.equal(findKnownColumn(c, 'orders', 'note'), undefined);
  assert.equal(findTableOrPartial(c, 'orders')?.partial, true);
  assert.equal(tableExists(c, 'payments'), false);
});

test('CREATE TABLE replaces a partial table; IF NOT EXISTS keeps it partial; LIKE of a partial or unknown table is partial', () => {
  const c = replay('ALTER TABLE a ADD COLUMN x INT NULL;\nALTER TABLE b ADD COLUMN y INT NULL;');
  replay('CREATE TABLE a (id INT PRIMARY KEY);\nCREATE TABLE IF NOT EXISTS b (id INT PRIMARY KEY);\nCREATE TABLE b_copy LIKE b;\nCREATE TABLE z_copy LIKE z;', c);
  assert.deepEqual(findTable(c, 'a')?.columns.map((x) => x.name), ['id']);
  assert.equal(findTable(c, 'b'), undefined);
  assert.deepEqual(findTableOrPartial(c, 'b')?.columns.map((x) => x.name), ['y']);
  assert.equal(findTableOrPartial(c, 'b_copy')?.partial, true);
  assert.deepEqual(findTableOrPartial(c, 'b_copy')?.columns.map((x) => x.name), ['y']);
  assert.equal(findTableOrPartial(c, 'z_copy')?.partial, true, 'a copy of an unknown table is not known to be empty');
  assert.equal(findTable(c, 'z_copy'), undefined);
});
