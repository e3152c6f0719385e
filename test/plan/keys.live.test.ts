// add-unique-index and add-foreign-key on the live server: the checks of release 1 find the
// duplicates and orphans, and once they are fixed release 2 adds the key without copying the table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection } from 'mysql2/promise';
import type { Plan } from '../../server/src/engine';
import { lintPlan, mustPlan, type Fixture } from './harness';
import { intendedShape, rows, runFile, scratchDb, tableShape } from './live';

const CUSTOMERS = 'CREATE TABLE customers (\n  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  email VARCHAR(200) NULL\n)';
const ORDERS = 'CREATE TABLE orders (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  customer_id INT NULL,\n  code VARCHAR(100) NOT NULL\n)';
const SEED = [
  `INSERT INTO customers (email) VALUES ${Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? '(NULL)' : `('c${i}@example.com')`)).join(', ')}`,
  "INSERT INTO customers (email) VALUES ('c1@example.com'), ('c2@example.com'), (NULL)",
  `INSERT INTO orders (customer_id, code) VALUES ${Array.from({ length: 400 }, (_, i) => `(${i % 7 === 0 ? 'NULL' : (i % 200) + 1}, 'O${i}')`).join(', ')}`,
  "INSERT INTO orders (customer_id, code) VALUES (9999, 'ORPHAN')",
];

function fixture(text: string): Fixture {
  return { files: { 'db/V1__create.sql': `${CUSTOMERS};\n${ORDERS};\n` }, path: 'db/V2__change.sql', text };
}

async function count(conn: Connection, sql: string): Promise<number> {
  const [row] = await rows(conn, sql);
  return Number(Object.values(row)[0]);
}

function assertLintsClean(fx: Fixture, plan: Plan): void {
  for (const file of lintPlan(fx, plan)) {
    assert.deepEqual(file.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule}: ${f.message}`), [], file.path);
  }
}

async function runRelease(conn: Connection, plan: Plan, i: number): Promise<void> {
  for (const f of plan.releases[i].files.filter((x) => x.direction === 'up')) await runFile(conn, f, plan.convention);
}

test('add-unique-index: release 1 counts the duplicate keys (NULLs never collide); after dedupe release 2 adds the index online', async (t) => {
  const fx = fixture('ALTER TABLE customers ADD UNIQUE INDEX uniq_email (email);\n');
  const plan = mustPlan(fx);
  assertLintsClean(fx, plan);
  const db = await scratchDb(t, [CUSTOMERS, ORDERS, ...SEED]);
  if (!db) return;
  await runRelease(db.conn, plan, 0);
  const [duplicates] = plan.releases[0].verify;
  assert.equal(await count(db.conn, duplicates), 2);
  // the team keeps the oldest row of each email
  await db.conn.query('DELETE c FROM customers c JOIN customers k ON k.email = c.email AND k.id < c.id');
  assert.equal(await count(db.conn, duplicates), 0);
  const kept = await rows(db.conn, 'SELECT id, email FROM customers ORDER BY id');
  await runRelease(db.conn, plan, 1);
  for (const q of plan.releases[1].verify) assert.equal(await count(db.conn, q), 0, q);
  assert.deepEqual(await rows(db.conn, 'SELECT id, email FROM customers ORDER BY id'), kept);
  await assert.rejects(db.conn.query("INSERT INTO customers (email) VALUES ('c3@example.com')"), /Duplicate entry/);
  assert.deepEqual(await tableShape(db.conn, db.name, 'customers'), await intendedShape(db.conn, db.name, `${CUSTOMERS.slice(0, -2)},\n  UNIQUE KEY uniq_email (email)\n)`, 'customers'));
});

test('add-foreign-key: release 1 indexes the column and counts orphans; after the fix release 2 adds the key without a copy', async (t) => {
  const fx = fixture('ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE SET NULL;\n');
  const plan = mustPlan(fx);
  assertLintsClean(fx, plan);
  const db = await scratchDb(t, [CUSTOMERS, ORDERS, ...SEED]);
  if (!db) return;
  const before = await rows(db.conn, 'SELECT * FROM orders ORDER BY id');
  await runRelease(db.conn, plan, 0);
  const [orphans] = plan.releases[0].verify;
  assert.equal(await count(db.conn, orphans), 1);
  await db.conn.query("UPDATE orders SET customer_id = NULL WHERE code = 'ORPHAN'");
  assert.equal(await count(db.conn, orphans), 0);
  await runRelease(db.conn, plan, 1);
  assert.equal(await count(db.conn, plan.releases[1].verify[0]), 0);
  const after = await rows(db.conn, 'SELECT * FROM orders ORDER BY id');
  assert.deepEqual(after, before.map((r) => (r.code === 'ORPHAN' ? { ...r, customer_id: null } : r)));
  await assert.rejects(db.conn.query("INSERT INTO orders (customer_id, code) VALUES (8888, 'X')"), /foreign key constraint fails/);
  assert.equal(await count(db.conn, 'SELECT @@SESSION.foreign_key_checks'), 1, 'the migration turns the checks back on');
  assert.deepEqual(
    await tableShape(db.conn, db.name, 'orders'),
    await intendedShape(db.conn, db.name, `${ORDERS.slice(0, -2)},\n  KEY idx_orders_customer_id (customer_id)\n)`, 'orders'),
  );
  const [fk] = await rows(db.conn, `SELECT CONSTRAINT_NAME AS n, REFERENCED_TABLE_NAME AS p, DELETE_RULE AS d FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '${db.name}'`);
  assert.deepEqual({ ...fk }, { n: 'fk_orders_customer', p: 'customers', d: 'SET NULL' });
});
