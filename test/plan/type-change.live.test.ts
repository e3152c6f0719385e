// change-column-type, varchar-length-change, enum-set-change on the live server: the new column is
// filled with a CAST in batches, what the previous version writes meanwhile is compensated, and
// the old column goes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection } from 'mysql2/promise';
import type { Plan } from '../../server/src/engine';
import { lintPlan, mustPlan, planFixture, type Fixture } from './harness';
import { intendedShape, rows, runFile, scratchDb, tableShape } from './live';

const ORDERS = "CREATE TABLE orders (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  total VARCHAR(20) NULL,\n  code VARCHAR(100) NOT NULL,\n  status ENUM('new','paid','void') NOT NULL DEFAULT 'new'\n)";
const SEED = `INSERT INTO orders (total, code, status) VALUES ${Array.from({ length: 600 }, (_, i) => `(${i % 5 === 0 ? 'NULL' : `'${(i % 37) * 1.25}'`}, 'C${i % 30}', '${i % 3 === 0 ? 'paid' : 'new'}')`).join(', ')}`;

function fixture(text: string): Fixture {
  return { files: { 'db/V1__create_orders.sql': `${ORDERS};\n` }, path: 'db/V2__change.sql', text };
}

async function count(conn: Connection, sql: string): Promise<number> {
  const [row] = await rows(conn, sql);
  return Number(Object.values(row)[0]);
}

async function runAll(conn: Connection, plan: Plan, between?: () => Promise<void>): Promise<void> {
  for (const [i, release] of plan.releases.entries()) {
    for (const f of release.files.filter((x) => x.direction === 'up')) await runFile(conn, f, plan.convention);
    for (const q of release.verify) assert.equal(await count(conn, q), 0, `release ${i + 1}: ${q}`);
    if (i === 0) await between?.();
  }
}

const cases = [
  {
    kind: 'change-column-type',
    text: 'ALTER TABLE orders MODIFY total DECIMAL(12,2) NULL;\n',
    column: 'total',
    intended: ORDERS.replace('total VARCHAR(20) NULL', 'total_new DECIMAL(12,2) NULL'),
    values: 'SELECT id, CAST(total AS DECIMAL(12,2)) AS v FROM orders ORDER BY id',
    after: 'SELECT id, total_new AS v FROM orders ORDER BY id',
    old: "INSERT INTO orders (total, code) VALUES ('9.50', 'OLD')",
  },
  {
    kind: 'varchar-length-change',
    text: 'ALTER TABLE orders MODIFY code VARCHAR(40) NOT NULL;\n',
    column: 'code',
    intended: ORDERS.replace('code VARCHAR(100) NOT NULL', 'code_new VARCHAR(40) NOT NULL'),
    values: 'SELECT id, code AS v FROM orders ORDER BY id',
    after: 'SELECT id, code_new AS v FROM orders ORDER BY id',
    old: "INSERT INTO orders (total, code) VALUES ('1', 'OLD')",
  },
  {
    kind: 'enum-set-change',
    text: "ALTER TABLE orders MODIFY status ENUM('new','paid') NOT NULL DEFAULT 'new';\n",
    column: 'status',
    intended: ORDERS.replace("status ENUM('new','paid','void') NOT NULL DEFAULT 'new'", "status_new ENUM('new','paid') NOT NULL DEFAULT 'new'"),
    values: 'SELECT id, CAST(status AS CHAR) AS v FROM orders ORDER BY id',
    after: 'SELECT id, CAST(status_new AS CHAR) AS v FROM orders ORDER BY id',
    old: "INSERT INTO orders (total, code, status) VALUES ('1', 'OLD', 'paid')",
  },
] as const;

for (const c of cases) {
  test(`${c.kind}: ${c.column}_new of the new type is filled, compensated and kept; ${c.column} is dropped`, async (t) => {
    const fx = fixture(c.text);
    const plan = mustPlan(fx, { batchSize: 50 });
    assert.equal(plan.kind, c.kind);
    for (const file of lintPlan(fx, plan)) {
      assert.deepEqual(file.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule}: ${f.message}`), [], file.path);
    }
    const db = await scratchDb(t, [ORDERS, SEED]);
    if (!db) return;
    let expected: unknown[] = [];
    await runAll(db.conn, plan, async () => {
      await db.conn.query(c.old); // the previous app version writes only the old column
      expected = await rows(db.conn, c.values);
    });
    assert.equal(expected.length, 601);
    assert.deepEqual(await rows(db.conn, c.after), expected);
    assert.deepEqual(await tableShape(db.conn, db.name, 'orders'), await intendedShape(db.conn, db.name, c.intended, 'orders'));
  });
}

test('enum-set-change: rows holding a removed member are counted before release 1, and the copy refuses them', async (t) => {
  const fx = fixture("ALTER TABLE orders MODIFY status ENUM('new','paid') NOT NULL DEFAULT 'new';\n");
  const result = planFixture(fx);
  assert.ok(result.ok);
  const misfits = result.plan.releases[0].verify[0];
  assert.match(misfits, /NOT IN \('new', 'paid'\)/);
  const db = await scratchDb(t, [ORDERS, SEED, "UPDATE orders SET status = 'void' WHERE id IN (4, 5)"]);
  if (!db) return;
  assert.equal(await count(db.conn, misfits), 2);
  const [add, copy] = result.plan.releases[0].files;
  await runFile(db.conn, add, result.plan.convention);
  await assert.rejects(runFile(db.conn, copy, result.plan.convention), /Data truncated|truncated/i);
});
