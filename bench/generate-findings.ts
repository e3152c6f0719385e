// A deterministic, findings-heavy migration of N statements, as a team's long release migration
// looks: ALTERs, CREATE INDEXes and UPDATEs on ~40 tables of which only a few are created in the
// file (the rest exist already), multi-line CREATE TABLE bodies and `--` comment lines. Most
// statements draw a finding (NOT NULL without default, locking, unbatched DML, drops, renames).
import { prng } from './generate';

const ENTITIES = [
  'customers', 'orders', 'order_items', 'invoices', 'payments', 'refunds', 'shipments', 'products', 'prices', 'stock',
  'warehouses', 'suppliers', 'carts', 'coupons', 'reviews', 'sessions', 'accounts', 'addresses', 'audit_log', 'events',
];
/** the tables the file does not create: `customers_v2`, `orders_v2`, … and a few older names */
export const EXISTING_TABLES = [...ENTITIES.map((e) => `${e}_v2`), ...ENTITIES.slice(0, 14).map((e) => e)];
const CREATED = ['loyalty_points', 'gift_cards', 'tax_rates', 'returns', 'subscriptions', 'notifications'];
const TYPES = ['INT', 'BIGINT', 'VARCHAR(64)', 'VARCHAR(255)', 'DECIMAL(12,2)', 'DATETIME', 'TINYINT(1)', 'TEXT'];
const COMMENTS = ['-- backfilled by the nightly job', '-- requested by the billing team', '-- see the release notes', '-- TODO: drop after the next release'];

export function generateFindingsMigration(statements: number, seed = 7): string {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const out: string[] = [];
  let created = 0;
  let col = 0;
  const createdNames: string[] = [];
  for (let n = 0; n < statements; n++) {
    // now and then a table created earlier in the file: an edit of its CREATE TABLE changes later verdicts
    const t = createdNames.length > 0 && rand() < 0.05 ? pick(createdNames) : pick(EXISTING_TABLES);
    const c = `col_${col++}`;
    const roll = rand();
    let sql: string;
    if (roll < 0.012 && created < Math.max(CREATED.length, statements / 80)) {
      const name = `${CREATED[created % CREATED.length]}${created >= CREATED.length ? `_${Math.floor(created / CREATED.length)}` : ''}`;
      created++;
      createdNames.push(name);
      sql = `CREATE TABLE ${name} (\n  id BIGINT NOT NULL AUTO_INCREMENT,\n  customer_id BIGINT NOT NULL,\n  label VARCHAR(100) NOT NULL,\n  amount DECIMAL(12,2) NOT NULL DEFAULT 0,\n  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  PRIMARY KEY (id),\n  KEY idx_${name}_customer (customer_id)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;`;
    } else if (roll < 0.29) sql = `ALTER TABLE ${t} ADD COLUMN ${c} ${pick(TYPES)} NOT NULL COMMENT 'set by the ${t} import job';`;
    else if (roll < 0.32) sql = `ALTER TABLE ${t} ADD COLUMN ${c} ${pick(TYPES)} NULL COMMENT 'optional, filled in by the application';`;
    else if (roll < 0.44) sql = `ALTER TABLE ${t} ADD INDEX idx_${t}_${c}_customer_created (customer_id, created_at);`;
    else if (roll < 0.52) sql = `CREATE INDEX idx_${t}_${c}_status ON ${t} (status, created_at);`;
    else if (roll < 0.6) sql = `ALTER TABLE ${t} MODIFY status VARCHAR(${pick([16, 32, 64, 128])}) NOT NULL;`;
    else if (roll < 0.66) sql = `ALTER TABLE ${t} DROP COLUMN legacy_${c};`;
    else if (roll < 0.7) sql = `ALTER TABLE ${t} RENAME COLUMN old_${c} TO ${c};`;
    else if (roll < 0.85) sql = `UPDATE ${t} SET status = 'active' WHERE status IS NULL;`;
    else if (roll < 0.88) sql = `UPDATE ${t} SET amount = amount * 1.1 WHERE id BETWEEN ${n * 1000} AND ${n * 1000 + 999};`;
    else if (roll < 0.92) sql = `ALTER TABLE ${t}\n  ADD COLUMN ${c} INT NULL,\n  ADD INDEX idx_${c} (${c}),\n  ALGORITHM=INPLACE, LOCK=NONE;`;
    else if (roll < 0.96) sql = `SET SESSION lock_wait_timeout = ${pick([3, 5, 10])};`;
    else sql = `ALTER TABLE ${t} ADD CONSTRAINT fk_${c} FOREIGN KEY (customer_id) REFERENCES customers_v2 (id);`;
    out.push(rand() < 0.12 ? `${pick(COMMENTS)}\n${sql}` : sql);
  }
  return `${out.join('\n\n')}\n`;
}

export interface EditPoint {
  name: string;
  /** offset where the characters are typed */
  offset: number;
}

/** the first match of `pattern` past the middle of the file; `at` gives the offset typing starts at */
function after(text: string, pattern: RegExp, name: string, at: (m: RegExpExecArray) => number): EditPoint {
  const re = new RegExp(pattern.source, 'g');
  re.lastIndex = Math.floor(text.length / 2);
  const m = re.exec(text);
  if (!m) throw new Error(`the generated migration has no ${name} past its middle`);
  return { name, offset: at(m) };
}

/** where the benchmarks type in the generated file: the places users type, past its middle */
export function editPoints(text: string): EditPoint[] {
  return [
    // inside the name: `customers_v|2` (the statement then names another, unknown table)
    after(text, /ALTER TABLE customers_v2 /, 'table name (ALTER TABLE customers_v2…)', (m) => m.index + 'ALTER TABLE customers_v'.length),
    after(text, /ALTER TABLE \w+ ADD COLUMN col_\d+/, 'after a column name', (m) => m.index + m[0].length),
    after(text, /\n-- [^\n]*/, 'inside a -- comment line', (m) => m.index + 6),
    after(text, /CREATE TABLE \w+ \(\n  id BIGINT NOT NULL AUTO_INCREMENT,\n  customer_id BIGINT NOT NULL,\n  label/, 'inside a CREATE TABLE body', (m) => m.index + m[0].length),
  ];
}
