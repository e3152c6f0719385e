// The dry-run's MySQL-only paths, fed recorded server responses instead of a live MySQL (the test
// server is MariaDB). Each fixture is what MySQL 8.0.35 returns, through mysql2 with the dry-run's
// options (dateStrings, supportBigNumbers: numbers stay numbers), for the exact query the dry-run
// sends (column aliases as in the query), written by hand from the manual page named above it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockersFrom, groupHolders, mdlInstrumentEnabled, performanceSchemaOn, transactionsFrom } from '../../server/src/dryrun/blockers';
import type { RowData } from '../../server/src/dryrun/connection';
import { tableFactsFrom, totalRowVersionsFrom } from '../../server/src/dryrun/facts';
import { clauseTries, tableIdsFrom, wasRebuilt } from '../../server/src/dryrun/measure';
import { rowVersionsFrom } from '../../server/src/dryrun/row-versions';
import { applyStatement } from '../../server/src/engine/catalog/apply';
import { parseConfig } from '../../server/src/engine/config';
import { predict } from '../../server/src/engine/kb/predict';
import { parseFile } from '../../server/src/engine/parse/index';
import { memoryHost, Project } from '../../server/src/engine/project';
import { initialSession } from '../../server/src/engine/session';
import { parseTarget } from '../../server/src/engine/targets';

// --- performance_schema: ON by default since MySQL 5.6.6, and the MDL instrument enabled by default
// since 8.0.0: https://dev.mysql.com/doc/refman/8.0/en/performance-schema-metadata-locks-table.html
// SELECT @@performance_schema AS ps
const PS_ON: RowData[] = [{ ps: 1 }];
// SELECT ENABLED AS e FROM performance_schema.setup_instruments WHERE NAME = 'wait/lock/metadata/sql/mdl'
const MDL_INSTRUMENT_DEFAULT: RowData[] = [{ e: 'YES' }];

// --- open transactions: https://dev.mysql.com/doc/refman/8.0/en/information-schema-innodb-trx-table.html
// joined with https://dev.mysql.com/doc/refman/8.0/en/information-schema-processlist-table.html
// (columns id, user, host, command, age, q). Session 41 sleeps in a transaction that read `orders`;
// session 57 is the dry-run's own scratch connection; 63 runs a 3 s UPDATE on another table.
const INNODB_TRX: RowData[] = [
  { id: 41, user: 'app', host: '10.0.3.17:52144', command: 'Sleep', age: 754, q: null },
  { id: 57, user: 'lockstep', host: 'localhost:40112', command: 'Query', age: 0, q: 'SELECT 1' },
  { id: 63, user: 'worker', host: '10.0.3.22:33810', command: 'Query', age: 3, q: 'UPDATE invoices SET paid = 1 WHERE id = 9' },
];

// --- granted metadata locks: performance_schema.metadata_locks ⨝ performance_schema.threads
// https://dev.mysql.com/doc/refman/8.0/en/performance-schema-metadata-locks-table.html (LOCK_TYPE
// SHARED_READ for a read in an open transaction, SHARED_WRITE for DML),
// https://dev.mysql.com/doc/refman/8.0/en/performance-schema-threads-table.html (PROCESSLIST_*)
// (columns t = OBJECT_NAME, id = PROCESSLIST_ID, user, host, lt = LOCK_TYPE, q = PROCESSLIST_INFO)
const METADATA_LOCKS: RowData[] = [
  { t: 'orders', id: 41, user: 'app', host: '10.0.3.17', lt: 'SHARED_READ', q: null },
  { t: 'Orders', id: 57, user: 'lockstep', host: 'localhost', lt: 'SHARED_READ', q: null },
  { t: 'invoices', id: 63, user: 'worker', host: '10.0.3.22', lt: 'SHARED_WRITE', q: 'UPDATE invoices SET paid = 1 WHERE id = 9' },
];

test('MySQL 8.0 defaults: performance_schema ON and the MDL instrument enabled, so holders are named', () => {
  assert.equal(performanceSchemaOn(PS_ON), true);
  assert.equal(mdlInstrumentEnabled(MDL_INSTRUMENT_DEFAULT), true);
  // performance_schema=OFF in my.cnf; an instrument switched off; no row (no SELECT on setup_instruments)
  assert.equal(performanceSchemaOn([{ ps: 0 }]), false);
  assert.equal(mdlInstrumentEnabled([{ e: 'NO' }]), false);
  assert.equal(mdlInstrumentEnabled([]), false);
});

test('metadata_locks rows: the holders of each table become blockers with their KILL; the run\'s own sessions are left out', () => {
  const trx = transactionsFrom(INNODB_TRX).filter((t) => t.id !== 57);
  assert.deepEqual(trx[0], { id: 41, user: 'app', host: '10.0.3.17:52144', command: 'Sleep', ageSeconds: 754, statement: null });
  const holders = groupHolders(METADATA_LOCKS, ['orders', 'invoices', 'customers']);
  assert.deepEqual(holders.get('orders')?.map((h) => [h.id, h.lockType]), [[41, 'SHARED_READ'], [57, 'SHARED_READ']]);
  const blockers = blockersFrom(['orders', 'invoices', 'customers'], trx, holders, new Set([57]));
  assert.deepEqual(blockers.get('orders'), [
    {
      connectionId: 41,
      user: 'app',
      host: '10.0.3.17',
      transactionAgeSeconds: 754,
      lastStatement: null,
      reason: 'holds a metadata lock on the table (SHARED_READ), idle in a transaction open for 754 s',
      kill: 'KILL 41',
    },
  ]);
  assert.deepEqual(blockers.get('invoices')?.map((b) => [b.connectionId, b.reason, b.lastStatement, b.kill]), [
    [63, 'holds a metadata lock on the table (SHARED_WRITE)', 'UPDATE invoices SET paid = 1 WHERE id = 9', 'KILL 63'],
    // a long transaction is listed for every table, holder or not
    [41, 'long transaction (open 754 s, idle)', null, 'KILL 41'],
  ]);
  // with holder information, a table nobody locks is blocked only by long transactions
  assert.deepEqual(blockers.get('customers')?.map((b) => [b.connectionId, b.reason]), [[41, 'long transaction (open 754 s, idle)']]);
});

test('without metadata_locks (performance_schema OFF): every idle or long transaction may block', () => {
  const trx = transactionsFrom(INNODB_TRX).filter((t) => t.id !== 57);
  const blockers = blockersFrom(['orders'], trx, undefined, new Set([57]));
  assert.deepEqual(blockers.get('orders')?.map((b) => [b.connectionId, b.kill]), [[41, 'KILL 41']]);
  assert.match(blockers.get('orders')?.[0].reason ?? '', /^open transaction \(may hold a metadata lock on the table\): a sleeping connection, transaction open for 754 s$/);
});

// --- INFORMATION_SCHEMA.INNODB_TABLES.TOTAL_ROW_VERSIONS (added in 8.0.29): the number of row
// versions INSTANT ADD/DROP COLUMN left; a table rebuild resets it, 64 is the limit.
// https://dev.mysql.com/doc/refman/8.0/en/information-schema-innodb-tables-table.html
// SELECT TOTAL_ROW_VERSIONS AS v FROM information_schema.INNODB_TABLES WHERE NAME = 'app/orders'
const ROW_VERSIONS: RowData[] = [{ v: 3 }];
// SELECT TABLE_ROWS AS r, DATA_LENGTH AS d, INDEX_LENGTH AS i, ROW_FORMAT AS f, ENGINE AS e FROM information_schema.TABLES …
// https://dev.mysql.com/doc/refman/8.0/en/information-schema-tables-table.html
const TABLES_ROW: RowData = { r: 48213, d: 4734976, i: 1589248, f: 'Dynamic', e: 'InnoDB' };

test('INNODB_TABLES.TOTAL_ROW_VERSIONS and information_schema.TABLES become the table facts', () => {
  assert.equal(totalRowVersionsFrom(ROW_VERSIONS), 3);
  assert.equal(totalRowVersionsFrom([]), null);
  assert.deepEqual(tableFactsFrom(TABLES_ROW, 48210, false, totalRowVersionsFrom(ROW_VERSIONS), 0.00002), {
    rows: 48210,
    dataBytes: 4734976,
    indexBytes: 1589248,
    rowFormat: 'Dynamic',
    engine: 'InnoDB',
    hasFulltext: false,
    totalRowVersions: 3,
    estimatedRebuildSeconds: 0.964,
  });
  // a MEMORY table has no InnoDB row versions; ROW_FORMAT may be NULL for a view-like entry
  assert.deepEqual(tableFactsFrom({ r: 0, d: 0, i: 0, f: null, e: 'MEMORY' }, 0, false, null, null).rowFormat, null);
});

// --- rebuild detection: SELECT NAME AS n, TABLE_ID AS id FROM information_schema.INNODB_TABLES WHERE NAME LIKE 'scratch_try/%'
// (MySQL names partitions `db/t#p#p0`). https://dev.mysql.com/doc/refman/8.0/en/information-schema-innodb-tables-table.html
const IDS_BEFORE: RowData[] = [
  { n: 'lockstep_dryrun_1a2b3c4d_try/orders', id: 1093 },
  { n: 'lockstep_dryrun_1a2b3c4d_try/events#p#p0', id: 1094 },
  { n: 'lockstep_dryrun_1a2b3c4d_try/events#p#p1', id: 1095 },
];

test('INNODB_TABLES ids: a new TABLE_ID under the same name is a rebuild; INSTANT keeps the id', () => {
  const before = tableIdsFrom(IDS_BEFORE);
  assert.equal(before.get('lockstep_dryrun_1a2b3c4d_try/orders'), 1093);
  // ALTER TABLE orders ADD COLUMN note INT, ALGORITHM=INSTANT: same ids
  assert.equal(wasRebuilt(before, tableIdsFrom(IDS_BEFORE)), false);
  // ALTER TABLE orders FORCE (INPLACE with a rebuild): orders gets a fresh id
  const forced = tableIdsFrom([{ n: 'lockstep_dryrun_1a2b3c4d_try/orders', id: 1101 }, ...IDS_BEFORE.slice(1)]);
  assert.equal(wasRebuilt(before, forced), true);
  // ALTER TABLE events REMOVE PARTITIONING: every partition replaced by one new table
  const unpartitioned = tableIdsFrom([IDS_BEFORE[0], { n: 'lockstep_dryrun_1a2b3c4d_try/events', id: 1102 }]);
  assert.equal(wasRebuilt(before, unpartitioned), true);
  // RENAME TABLE orders TO orders_old: the id moves to the new name, no rebuild
  const renamed = tableIdsFrom([{ n: 'lockstep_dryrun_1a2b3c4d_try/orders_old', id: 1093 }, ...IDS_BEFORE.slice(1)]);
  assert.equal(wasRebuilt(before, renamed), false);
});

// --- ALGORITHM=INSTANT takes no LOCK clause on MySQL: `ALTER TABLE t ADD COLUMN c INT,
// ALGORITHM=INSTANT, LOCK=NONE` fails with ERROR 1221 (HY000): Incorrect usage of
// ALGORITHM=INSTANT and LOCK=NONE/SHARED/EXCLUSIVE.
// https://dev.mysql.com/doc/refman/8.0/en/alter-table.html#alter-table-performance ("ALGORITHM=INSTANT … LOCK=DEFAULT only")
test('ALGORITHM=INSTANT is tried without LOCK on MySQL, with every LOCK on MariaDB', () => {
  assert.deepEqual(clauseTries('mysql', 'INSTANT'), [{ lock: 'NONE', clause: 'ALGORITHM=INSTANT' }]);
  assert.deepEqual(clauseTries('mysql', 'INPLACE').map((c) => c.clause), ['ALGORITHM=INPLACE, LOCK=NONE', 'ALGORITHM=INPLACE, LOCK=SHARED', 'ALGORITHM=INPLACE, LOCK=EXCLUSIVE']);
  assert.deepEqual(clauseTries('mariadb', 'INSTANT').map((c) => c.clause), ['ALGORITHM=INSTANT, LOCK=NONE', 'ALGORITHM=INSTANT, LOCK=SHARED', 'ALGORITHM=INSTANT, LOCK=EXCLUSIVE']);
});

// --- the development database as a schema source: every table's row versions in one query
// (SELECT NAME AS n, TOTAL_ROW_VERSIONS AS v FROM information_schema.INNODB_TABLES WHERE TOTAL_ROW_VERSIONS > 0),
// https://dev.mysql.com/doc/refman/8.0/en/information-schema-innodb-tables-table.html. NAME is
// `db/table` in InnoDB's file-name encoding (`-` is `@002d`), one row per partition (`#p#`).
const ALL_ROW_VERSIONS: RowData[] = [
  { n: 'app/orders', v: 60 },
  { n: 'app/order@002dlines', v: 2 },
  { n: 'app/events#p#p0', v: 5 },
  { n: 'app/events#p#p1', v: 7 },
  { n: 'other_app/orders', v: 63 },
];
// SHOW CREATE TABLE app.orders
const ORDERS_DDL = 'CREATE TABLE `orders` (\n  `id` int NOT NULL,\n  `total` decimal(10,2) DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci';

test('INNODB_TABLES.TOTAL_ROW_VERSIONS of the whole server: the database\'s tables, partitions at their highest count', () => {
  assert.deepEqual(rowVersionsFrom(ALL_ROW_VERSIONS, 'app'), { orders: 60, 'order-lines': 2, events: 7 });
  assert.deepEqual(rowVersionsFrom(ALL_ROW_VERSIONS, 'missing'), {});
  assert.deepEqual(rowVersionsFrom([{ n: 'app/orders', v: null }, { n: 'no-slash', v: 3 }], 'app'), {});
});

test('a table read with 60 row versions: ADD COLUMN stays INSTANT four more times, then is done in place with a rebuild', () => {
  const target = parseTarget('mysql-8.0.35')!;
  const parsed = parseConfig('{ "target": "mysql-8.0.35" }', 'lockstep.config.json');
  const migration = '/w/db/V2__columns.sql';
  const adds = [1, 2, 3, 4, 5].map((i) => `ALTER TABLE orders ADD COLUMN c${i} INT NULL;`).join('\n');
  // the database as a schema source, as `lockstep lint --url` and the editor's dev database give it
  const database = { rel: '<database mysql://app@db/app>', text: `${ORDERS_DDL};`, rowVersions: rowVersionsFrom(ALL_ROW_VERSIONS, 'app') };
  const withCount = new Project(memoryHost({ [migration]: adds }), { root: '/w', config: parsed.config, extraCurrent: [database] });
  const without = new Project(memoryHost({ [migration]: adds }), { root: '/w', config: parsed.config, extraCurrent: [{ ...database, rowVersions: undefined }] });
  const algorithmsOf = (project: Project): string[] => {
    const catalog = project.fileContext(migration).catalog;
    const algorithms: string[] = [];
    for (const st of parseFile(adds, { target })) {
      algorithms.push(predict(st, catalog, target, initialSession())?.algorithm ?? 'none');
      applyStatement(catalog, st, 'V2.sql');
    }
    return algorithms;
  };
  assert.equal(withCount.fileContext(migration).catalog.tables.get('orders')?.rowVersions, 60);
  assert.deepEqual(algorithmsOf(withCount), ['INSTANT', 'INSTANT', 'INSTANT', 'INSTANT', 'INPLACE']);
  assert.deepEqual(algorithmsOf(without), ['INSTANT', 'INSTANT', 'INSTANT', 'INSTANT', 'INSTANT'], 'without the count the replay starts at 0');
});
