// large-table-rewrite on the live server: the online schema change tool's commands carry their
// safety flags, and the recording migration passes once the change is applied but refuses to
// rewrite the table itself when it is not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintPlan, mustPlan, type Fixture } from './harness';
import { rows, runFile, scratchDb, tableShape } from './live';

const ORDERS = 'CREATE TABLE orders (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  total VARCHAR(20) NULL,\n  code VARCHAR(100) NOT NULL\n)';
const SEED = `INSERT INTO orders (total, code) VALUES ${Array.from({ length: 300 }, (_, i) => `(${i % 6 === 0 ? 'NULL' : `'${i}.5'`}, 'C${i % 40}')`).join(', ')}`;
const CHANGE = 'ALTER TABLE orders MODIFY total DECIMAL(12,2) NULL, ADD INDEX idx_code (code)';

const fx: Fixture = { files: { 'db/V1__create_orders.sql': `${ORDERS};\n` }, path: 'db/V2__change.sql', text: `${CHANGE};\n`, tables: { orders: 5_000_000 } };

test('large-table-rewrite: gh-ost and pt-online-schema-change commands with their safety flags; the record migration lints clean', () => {
  const plan = mustPlan(fx, { rule: 'large-table-rewrite' });
  assert.equal(plan.kind, 'large-table-rewrite');
  const steps = plan.releases[0].appSteps.join('\n');
  assert.match(steps, /pt-online-schema-change --alter "MODIFY total DECIMAL\(12,2\) NULL, ADD INDEX idx_code \(code\)" D=<database>,t=orders .*--max-load Threads_running=25 --critical-load Threads_running=60 .*--max-lag 1 .*--execute/);
  assert.match(steps, /gh-ost --host=<host> --database=<database> --table=orders .*--max-lag-millis=1500 .*--cut-over=default --execute/);
  for (const file of lintPlan(fx, plan)) assert.deepEqual(file.findings.map((f) => `${f.rule}: ${f.message}`), [], file.path);
});

test('large-table-rewrite: after the tool applied the change the migration only records it', async (t) => {
  const plan = mustPlan(fx, { rule: 'large-table-rewrite' });
  const db = await scratchDb(t, [ORDERS, SEED, CHANGE]); // the end state the tool leaves
  if (!db) return;
  const [verify] = plan.releases[0].verify;
  assert.equal(Number(Object.values((await rows(db.conn, verify))[0])[0]), 0);
  const before = { shape: await tableShape(db.conn, db.name, 'orders'), data: await rows(db.conn, 'SELECT * FROM orders ORDER BY id') };
  for (const f of plan.releases[0].files) await runFile(db.conn, f, plan.convention);
  assert.deepEqual({ shape: await tableShape(db.conn, db.name, 'orders'), data: await rows(db.conn, 'SELECT * FROM orders ORDER BY id') }, before);
});

test('large-table-rewrite: when the tool did not run, the migration fails instead of rewriting the table', async (t) => {
  const plan = mustPlan(fx, { rule: 'large-table-rewrite' });
  const db = await scratchDb(t, [ORDERS, SEED]);
  if (!db) return;
  const [verify] = plan.releases[0].verify;
  assert.equal(Number(Object.values((await rows(db.conn, verify))[0])[0]), 1);
  const before = await tableShape(db.conn, db.name, 'orders');
  const [file] = plan.releases[0].files;
  await assert.rejects(runFile(db.conn, file, plan.convention), /ALGORITHM=INSTANT is not supported/);
  assert.deepEqual(await tableShape(db.conn, db.name, 'orders'), before);
});
