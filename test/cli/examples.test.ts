// The bundled examples say what examples/README.md promises (`npm start` lints them).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REPO, runCli } from './harness';
import { parseReport } from './json-report';

const EXPECTED: Record<string, string[]> = {
  'flyway/V1__create_users.sql': [],
  'flyway/V2__create_orders.sql': [],
  'flyway/V3__add_user_phone.sql': [],
  'flyway/V4__add_user_status.sql': ['not-null-without-default'],
  'flyway/V5__rename_user_name.sql': ['rename-column'],
  'flyway/V6__widen_display_name.sql': ['varchar-length-change'],
  'flyway/V7__order_total_decimal.sql': ['change-column-type', 'large-table-rewrite'],
  'flyway/V8__orders_user_fk.sql': ['add-foreign-key', 'large-table-rewrite'],
  'flyway/V9__coupon_code_if_missing.sql': ['missing-lock-wait-timeout', 'not-null-without-default'],
  'flyway/V10__drop_legacy_flag.sql': [],
  'golang-migrate/000001_create_products.up.sql': ['table-without-primary-key'],
  'golang-migrate/000002_add_price_cents.up.sql': ['missing-lock-wait-timeout', 'not-null-without-default'],
  'golang-migrate/000003_backfill_price_cents.up.sql': ['add-index', 'ddl-with-dml', 'missing-lock-wait-timeout', 'unbatched-dml'],
  'golang-migrate/000004_product_categories.up.sql': [],
  'golang-migrate/000005_rename_and_truncate.up.sql': ['rename-table'],
};

test('examples: each file has exactly the findings examples/README.md lists, in run order', () => {
  const r = runCli(['lint', 'examples', '--format', 'json'], { cwd: REPO });
  assert.equal(r.status, 1, `the examples contain errors, so without --fail-on never the exit code is 1\n${r.stderr}`);
  const report = parseReport(r.stdout);
  assert.deepEqual(report.files.map((f) => f.path.replace(/^examples\//, '')), Object.keys(EXPECTED), 'down files excluded by the config; V2 before V10');
  for (const file of report.files) {
    const rules = [...new Set(file.findings.map((f) => f.rule))].sort();
    assert.deepEqual(rules, EXPECTED[file.path.replace(/^examples\//, '')], file.path);
  }
  const procedure = report.files.find((f) => f.path.endsWith('V9__coupon_code_if_missing.sql'));
  assert.ok(procedure?.statements.some((s) => s.kind === 'alter-table'), 'the ALTER inside the procedure body is a statement of its own');
  assert.equal(runCli(['lint', 'examples', '--fail-on', 'never'], { cwd: REPO }).status, 0, 'what npm start runs');
});
