// Statements → operations: kinds, clause spans, column/index/FK definitions, DDL options.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Operation } from '../../server/src/engine/types';
import { ops, parse } from './helpers';

function only<K extends Operation['kind'], O extends Operation>(list: O[], kind: K): Extract<Operation, { kind: K }> & Omit<O, keyof Operation> {
  const found = list.filter((o) => o.kind === kind);
  assert.equal(found.length, 1, `one ${kind} expected, got ${list.map((o) => o.kind).join(', ')}`);
  return found[0] as unknown as Extract<Operation, { kind: K }> & Omit<O, keyof Operation>;
}

test('ALTER TABLE: one operation per clause, each span is its clause', () => {
  const sql = 'ALTER TABLE `shop`.`Orders` ADD COLUMN note VARCHAR(255) NOT NULL DEFAULT \'\' AFTER id, DROP COLUMN legacy, ' +
    'MODIFY total DECIMAL(12,2) UNSIGNED NULL, CHANGE old_name new_name INT(11) NOT NULL FIRST, RENAME COLUMN a TO b, ' +
    'ADD INDEX idx_note (note(10), id DESC), DROP INDEX idx_old, ALGORITHM=INPLACE, LOCK=NONE';
  const list = ops(sql);
  assert.deepEqual(list.map((o) => [o.kind, o.clause]), [
    ['add-column', "ADD COLUMN note VARCHAR(255) NOT NULL DEFAULT '' AFTER id"],
    ['drop-column', 'DROP COLUMN legacy'],
    ['modify-column', 'MODIFY total DECIMAL(12,2) UNSIGNED NULL'],
    ['modify-column', 'CHANGE old_name new_name INT(11) NOT NULL FIRST'],
    ['rename-column', 'RENAME COLUMN a TO b'],
    ['add-index', 'ADD INDEX idx_note (note(10), id DESC)'],
    ['drop-index', 'DROP INDEX idx_old'],
  ]);
  const [add, , modify, change] = list;
  assert.equal(add.table, 'Orders');
  assert.equal(add.schema, 'shop');
  assert.ok(add.kind === 'add-column');
  assert.deepEqual(add.position, { after: 'id' });
  assert.equal(add.column.nullable, false);
  assert.deepEqual(add.column.default, { kind: 'literal', text: "''" });
  assert.deepEqual({ ...add.column.type }, { name: 'VARCHAR', length: 255, text: 'VARCHAR(255)' });
  assert.ok(modify.kind === 'modify-column' && modify.via === 'modify' && modify.newName === undefined);
  assert.deepEqual({ ...modify.def.type }, { name: 'DECIMAL', length: 12, scale: 2, unsigned: true, text: 'DECIMAL(12,2) UNSIGNED' });
  assert.ok(change.kind === 'modify-column' && change.via === 'change');
  assert.equal(change.column, 'old_name');
  assert.equal(change.newName, 'new_name');
  assert.deepEqual(change.position, { first: true });
  const index = only(list, 'add-index').index;
  assert.deepEqual(index.columns, [{ name: 'note', length: 10 }, { name: 'id' }]);
  const [statement] = parse(sql);
  assert.equal(statement.tables[0], 'orders');
  assert.equal(statement.ddlOptions.algorithm, 'INPLACE');
  assert.equal(statement.ddlOptions.lock, 'NONE');
  assert.equal(sql.slice(statement.ddlOptions.algorithmSpan!.start, statement.ddlOptions.algorithmSpan!.end), 'ALGORITHM=INPLACE');
  assert.equal(sql.slice(statement.ddlOptions.lockSpan!.start, statement.ddlOptions.lockSpan!.end), 'LOCK=NONE');
});

test('CHANGE with the same name is not a rename', () => {
  const change = only(ops('ALTER TABLE t CHANGE `Name` name VARCHAR(20) NOT NULL'), 'modify-column');
  assert.equal(change.newName, undefined);
  assert.equal(change.def.nullable, false);
});

test('constructs node-sql-parser rejects are understood by the recogniser', () => {
  const cases: Array<[string, Operation['kind'][]]> = [
    ['ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci', ['convert-charset']],
    ['ALTER TABLE t ALTER COLUMN c SET DEFAULT 5, ALTER c DROP DEFAULT', ['set-default', 'drop-default']],
    ['ALTER TABLE t PARTITION BY HASH(id) PARTITIONS 4', ['partition']],
    ['ALTER TABLE t RENAME INDEX a TO b, RENAME KEY c TO d', ['rename-index', 'rename-index']],
    ['ALTER TABLE t ADD (a INT, b INT NOT NULL, INDEX ia (a))', ['add-column', 'add-column', 'add-index']],
    ['ALTER TABLE t ADD COLUMN IF NOT EXISTS c INT, DROP COLUMN IF EXISTS d, DROP INDEX IF EXISTS i', ['add-column', 'drop-column', 'drop-index']],
    ['ALTER TABLE t ALTER INDEX i IGNORED, ALTER INDEX j NOT IGNORED, ALTER INDEX k INVISIBLE', ['index-visibility', 'index-visibility', 'index-visibility']],
    ['ALTER TABLE t MODIFY name VARCHAR(64) BINARY NOT NULL', ['modify-column']],
    ['ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (a, b)', ['drop-primary-key', 'add-index']],
    ['ALTER TABLE t ADD CONSTRAINT fk_u FOREIGN KEY (u_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE', ['add-foreign-key']],
    ['ALTER TABLE t DROP FOREIGN KEY fk_u, DROP CONSTRAINT chk, DROP CHECK chk2', ['drop-foreign-key', 'drop-constraint', 'drop-constraint']],
    ['ALTER TABLE t ADD CONSTRAINT chk CHECK (a > 0)', ['add-check']],
    ['ALTER TABLE t ENGINE=InnoDB ROW_FORMAT=DYNAMIC', ['table-options']],
    ['ALTER TABLE t FORCE', ['force']],
    ['ALTER TABLE t DISABLE KEYS', ['disable-keys']],
    ['ALTER TABLE t RENAME TO t2', ['rename-table']],
    ['ALTER TABLE t DROP PARTITION p1, p2', ['partition']],
    ['ALTER TABLE t REMOVE PARTITIONING', ['partition']],
    ['ALTER TABLE t ADD SYSTEM VERSIONING', ['system-versioning']],
    ['ALTER TABLE t ADD FULLTEXT INDEX ft (body), ADD SPATIAL INDEX sp (geo)', ['add-index', 'add-index']],
  ];
  for (const [sql, kinds] of cases) {
    const [s] = parse(sql, 'mariadb-10.11');
    assert.equal(s.analyzed, true, sql);
    assert.equal(s.parsedBy, 'recognizer', sql);
    assert.deepEqual(s.operations.map((o) => o.kind), kinds, sql);
    assert.deepEqual(s.problems, [], sql);
  }
});

test('clause details: charsets, defaults, partitions, FK actions, hidden indexes', () => {
  const convert = only(ops('ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'), 'convert-charset');
  assert.deepEqual([convert.charset, convert.collation], ['utf8mb4', 'utf8mb4_unicode_ci']);
  const setDefault = only(ops("ALTER TABLE t ALTER COLUMN c SET DEFAULT 'x'"), 'set-default');
  assert.deepEqual(setDefault.default, { kind: 'literal', text: "'x'" });
  const drop = only(ops('ALTER TABLE t DROP PARTITION p1, p2'), 'partition');
  assert.equal(drop.action, 'drop');
  assert.deepEqual(drop.names, ['p1', 'p2']);
  assert.equal(drop.clause, 'DROP PARTITION p1, p2');
  const reorganize = only(ops('ALTER TABLE t REORGANIZE PARTITION p0, p1 INTO (PARTITION a VALUES LESS THAN (5)), ALGORITHM=INPLACE'), 'partition');
  assert.deepEqual([reorganize.action, reorganize.names], ['reorganize', ['p0', 'p1']]);
  const fk = only(ops('ALTER TABLE t ADD CONSTRAINT fk_u FOREIGN KEY (u_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE'), 'add-foreign-key').fk;
  assert.deepEqual({ ...fk, span: undefined }, { name: 'fk_u', columns: ['u_id'], refTable: 'users', refColumns: ['id'], onDelete: 'SET NULL', onUpdate: 'CASCADE', span: undefined });
  const hidden = ops('ALTER TABLE t ALTER INDEX i INVISIBLE').find((o) => o.kind === 'index-visibility');
  assert.ok(hidden && hidden.kind === 'index-visibility' && hidden.hidden === true && hidden.name === 'i');
  const added = only(ops('ALTER TABLE t ADD INDEX i (a) IGNORED', 'mariadb-10.11'), 'add-index');
  assert.equal(added.index.hidden, true);
  const options = ops("ALTER TABLE t ENGINE = InnoDB, DEFAULT CHARSET=utf8mb4 COMMENT 'x'");
  assert.deepEqual(options.map((o) => (o.kind === 'table-options' ? [o.options, o.clause] : [])), [
    [{ ENGINE: 'InnoDB' }, 'ENGINE = InnoDB'],
    [{ CHARSET: 'utf8mb4', COMMENT: 'x' }, "DEFAULT CHARSET=utf8mb4 COMMENT 'x'"],
  ]);
  const pk = only(ops('ALTER TABLE t ADD PRIMARY KEY (a, b)'), 'add-index');
  assert.equal(pk.index.kind, 'primary');
});

test('column definitions are filled completely', () => {
  const sql = 'CREATE TABLE t (\n' +
    '  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,\n' +
    '  uid CHAR(36) NOT NULL DEFAULT (UUID()) UNIQUE,\n' +
    "  state ENUM('new','paid','it''s') CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT 'new' COMMENT 'the state',\n" +
    '  created TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),\n' +
    '  total INT AS (a + b) STORED,\n' +
    '  v INT GENERATED ALWAYS AS (a * 2) VIRTUAL INVISIBLE,\n' +
    '  flag BOOLEAN DEFAULT FALSE,\n' +
    '  price DEC(10,2) ZEROFILL,\n' +
    '  owner INTEGER REFERENCES users(id) ON DELETE CASCADE,\n' +
    '  blob_col LONGBLOB,\n' +
    "  bits BIT(1) DEFAULT b'1',\n" +
    '  neg INT DEFAULT -1\n' +
    ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4';
  const create = only(ops(sql), 'create-table');
  const col = (name: string) => create.columns.find((c) => c.name === name)!;
  assert.deepEqual(create.columns.map((c) => c.name), ['id', 'uid', 'state', 'created', 'total', 'v', 'flag', 'price', 'owner', 'blob_col', 'bits', 'neg']);
  assert.equal(col('id').autoIncrement, true);
  assert.equal(col('id').primaryKey, true);
  assert.equal(col('id').type.unsigned, true);
  assert.deepEqual(col('uid').default, { kind: 'expression', text: 'UUID()', volatile: true });
  assert.equal(col('uid').unique, true);
  assert.deepEqual(col('state').type.values, ['new', 'paid', "it's"]);
  assert.equal(col('state').type.charset, 'utf8mb4');
  assert.equal(col('state').type.collation, 'utf8mb4_bin');
  assert.equal(col('state').comment, 'the state');
  assert.deepEqual(col('created').default, { kind: 'current-timestamp', text: 'CURRENT_TIMESTAMP(3)' });
  assert.equal(col('created').onUpdate, 'CURRENT_TIMESTAMP(3)');
  assert.equal(col('created').type.length, 3);
  assert.deepEqual(col('total').generated, { expression: 'a + b', stored: true });
  assert.deepEqual(col('v').generated, { expression: 'a * 2', stored: false });
  assert.equal(col('v').invisible, true);
  assert.deepEqual([col('flag').type.name, col('flag').type.length], ['TINYINT', 1]);
  assert.deepEqual([col('price').type.name, col('price').type.zerofill], ['DECIMAL', true]);
  assert.equal(col('owner').type.name, 'INT');
  assert.equal(col('owner').references?.table, 'users');
  assert.equal(sql.slice(col('owner').references!.span.start, col('owner').references!.span.end), 'REFERENCES users(id) ON DELETE CASCADE');
  assert.deepEqual(col('bits').default, { kind: 'literal', text: "b'1'" });
  assert.deepEqual(col('neg').default, { kind: 'literal', text: '-1' });
  assert.deepEqual(create.options, { ENGINE: 'InnoDB', CHARSET: 'utf8mb4' });
  assert.equal(sql.slice(col('uid').span!.start, col('uid').span!.end), 'uid CHAR(36) NOT NULL DEFAULT (UUID()) UNIQUE');
});

test('CREATE TABLE: keys, FKs, checks, LIKE, AS SELECT, IF NOT EXISTS, partitions', () => {
  const sql = 'CREATE TABLE IF NOT EXISTS `child` (id INT NOT NULL, p_id INT, body TEXT, PRIMARY KEY (id), UNIQUE KEY uq (p_id, id), ' +
    'KEY k_body (body(20)), FULLTEXT KEY ft (body), CONSTRAINT fk_p FOREIGN KEY (p_id) REFERENCES parent (id) ON DELETE CASCADE, ' +
    'CONSTRAINT c_pos CHECK (id > 0)) PARTITION BY HASH (id) PARTITIONS 2';
  const create = only(ops(sql), 'create-table');
  assert.equal(create.ifNotExists, true);
  assert.equal(create.partitioned, true);
  assert.deepEqual(create.indexes.map((i) => [i.kind, i.name ?? null, i.columns.map((c) => c.name + (c.length ? `(${c.length})` : '')).join(',')]), [
    ['primary', null, 'id'],
    ['unique', 'uq', 'p_id,id'],
    ['index', 'k_body', 'body(20)'],
    ['fulltext', 'ft', 'body'],
  ]);
  assert.equal(create.foreignKeys[0].refTable, 'parent');
  assert.equal(create.foreignKeys[0].onDelete, 'CASCADE');
  assert.deepEqual(create.checks.map((c) => [c.name, c.expression]), [['c_pos', 'id > 0']]);
  assert.deepEqual(parse(sql)[0].tables, ['child', 'parent']);

  const like = only(ops('CREATE TABLE t2 LIKE t1'), 'create-table');
  assert.equal(like.likeTable, 't1');
  const asSelect = only(ops('CREATE TEMPORARY TABLE t3 AS SELECT * FROM t1'), 'create-table');
  assert.equal(asSelect.asSelect, true);
  assert.equal(asSelect.temporary, true);
  assert.deepEqual(parse('CREATE TABLE t3 AS SELECT * FROM t1 JOIN t2 ON t2.id = t1.id')[0].tables, ['t3', 't1', 't2']);
  assert.deepEqual(parse('CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`root`@`%` SQL SECURITY INVOKER VIEW v AS SELECT a FROM t1, `db`.t2')[0].tables, ['v', 't1', 't2']);
});

test('CREATE/DROP INDEX, DROP TABLE, RENAME TABLE, TRUNCATE, OPTIMIZE', () => {
  const create = parse('CREATE UNIQUE INDEX ux ON users (email) ALGORITHM=INPLACE LOCK=NONE')[0];
  assert.equal(create.kind, 'create-index');
  const add = only(create.operations, 'add-index');
  assert.deepEqual([add.via, add.index.kind, add.index.name, add.table], ['create-index', 'unique', 'ux', 'users']);
  assert.equal(create.ddlOptions.algorithm, 'INPLACE');
  assert.equal(create.ddlOptions.lock, 'NONE');

  const dropIndex = parse('DROP INDEX IF EXISTS ix ON t')[0];
  assert.equal(dropIndex.kind, 'drop-index');
  const di = only(dropIndex.operations, 'drop-index');
  assert.deepEqual([di.name, di.ifExists, di.via], ['ix', true, 'drop-index']);

  const dropSql = 'DROP TABLE IF EXISTS a, `b`';
  const drop = parse(dropSql)[0];
  assert.deepEqual(drop.operations.map((o) => [o.kind, o.table, dropSql.slice(o.span.start, o.span.end)]), [
    ['drop-table', 'a', 'a'],
    ['drop-table', 'b', '`b`'],
  ]);
  assert.deepEqual(drop.tables, ['a', 'b']);

  const rename = parse('RENAME TABLE a TO a_old, a_new TO a')[0];
  assert.deepEqual(rename.operations.map((o) => (o.kind === 'rename-table' ? [o.table, o.newName] : [])), [['a', 'a_old'], ['a_new', 'a']]);

  assert.deepEqual(parse('TRUNCATE TABLE logs')[0].operations.map((o) => [o.kind, o.table]), [['truncate-table', 'logs']]);
  assert.deepEqual(parse('OPTIMIZE TABLE a, b')[0].operations.map((o) => [o.kind, o.table]), [['optimize-table', 'a'], ['optimize-table', 'b']]);
});

test('partition commands after ALGORITHM/LOCK without a comma', () => {
  const sql = 'ALTER TABLE t ALGORITHM=INPLACE, LOCK=NONE ADD PARTITION (PARTITION p3 VALUES LESS THAN (100))';
  const [s] = parse(sql);
  assert.deepEqual(s.operations.map((o) => [o.kind, sql.slice(o.span.start, o.span.end)]), [['partition', 'ADD PARTITION (PARTITION p3 VALUES LESS THAN (100))']]);
  assert.equal(sql.slice(s.ddlOptions.lockSpan!.start, s.ddlOptions.lockSpan!.end), 'LOCK=NONE');
});

test('MariaDB WAIT/NOWAIT and ALTER ONLINE', () => {
  const [wait] = parse('ALTER ONLINE TABLE t WAIT 5 ADD c INT', 'mariadb-10.11');
  assert.deepEqual(wait.ddlOptions, { online: true, wait: { seconds: 5 } });
  const [nowait] = parse('ALTER TABLE t NOWAIT DROP COLUMN c', 'mariadb-10.11');
  assert.deepEqual(nowait.ddlOptions.wait, { nowait: true });
  assert.equal(nowait.operations[0].kind, 'drop-column');
});

test('SET assignments in every spelling', () => {
  const [s] = parse("SET SESSION lock_wait_timeout = 5, @@global.max_connections = 100, @@session.sql_mode = 'STRICT_TRANS_TABLES', @u := 1, foreign_key_checks = OFF");
  assert.equal(s.kind, 'set');
  assert.deepEqual(s.assignments, [
    { name: 'lock_wait_timeout', scope: 'session', value: '5' },
    { name: 'max_connections', scope: 'global', value: '100' },
    { name: 'sql_mode', scope: 'session', value: 'STRICT_TRANS_TABLES' },
    { name: 'u', scope: 'user', value: '1' },
    { name: 'foreign_key_checks', scope: 'session', value: 'OFF' },
  ]);
  assert.deepEqual(parse('SET GLOBAL innodb_lock_wait_timeout=10')[0].assignments, [{ name: 'innodb_lock_wait_timeout', scope: 'global', value: '10' }]);
  assert.deepEqual(parse('SET NAMES utf8mb4')[0].assignments, []);
  assert.deepEqual(parse('SET NEW.updated_at = NOW()')[0].assignments, [], 'a trigger column is not a session setting');
});

test('UPDATE / DELETE / INSERT → dml', () => {
  const [u] = parse('UPDATE users u JOIN orgs o ON o.id = u.org_id SET u.flag = 1 WHERE u.id BETWEEN 1 AND 1000 LIMIT 500');
  assert.equal(u.kind, 'update');
  assert.deepEqual(u.dml, { verb: 'update', tables: ['users', 'orgs'], hasWhere: true, whereText: 'u.id BETWEEN 1 AND 1000', hasLimit: true });
  const [d] = parse('DELETE FROM logs');
  assert.deepEqual(d.dml, { verb: 'delete', tables: ['logs'], hasWhere: false, hasLimit: false });
  const [withUpdate] = parse('WITH old AS (SELECT id FROM t WHERE created < NOW()) UPDATE t JOIN old ON old.id = t.id SET t.archived = 1');
  assert.deepEqual([withUpdate.kind, withUpdate.dml?.tables, withUpdate.dml?.hasWhere], ['update', ['t'], false]);
  const [sub] = parse('UPDATE t SET a = (SELECT MAX(x) FROM s WHERE s.id = t.id)');
  assert.equal(sub.dml?.hasWhere, false, 'a WHERE inside a subquery is not the statement\'s WHERE');
  const [i] = parse('INSERT IGNORE INTO `db`.`t` (a) VALUES (1)');
  assert.deepEqual([i.kind, i.dml?.verb, i.tables], ['insert', 'insert', ['t']]);
  const [copy] = parse('INSERT INTO a (x) SELECT y FROM b JOIN c ON c.id = b.id WHERE b.z > 1 ON DUPLICATE KEY UPDATE x = 1');
  assert.deepEqual(copy.dml?.tables, ['a', 'b', 'c'], 'the target first, then the source tables');
});

test('statements nothing understands are reported, not dropped', () => {
  const [s] = parse('FROBNICATE THE TABLE t');
  assert.equal(s.analyzed, false);
  assert.equal(s.parsedBy, 'none');
  assert.ok(s.problems[0].length > 0);
  const [broken] = parse('ALTER TABLE');
  assert.equal(broken.analyzed, false);
  assert.equal(broken.kind, 'alter-table');
});

test('kinds of the statements around DDL', () => {
  const kinds = parse(
    'START TRANSACTION; COMMIT; USE db; CALL p(); LOCK TABLES t WRITE; UNLOCK TABLES; PREPARE s FROM @q; EXECUTE s; DEALLOCATE PREPARE s; ' +
      'CREATE DATABASE d; DROP DATABASE d; CREATE VIEW v AS SELECT 1; DROP VIEW v; DROP PROCEDURE IF EXISTS p; SELECT * FROM t',
  ).map((s) => s.kind);
  assert.deepEqual(kinds, ['transaction', 'transaction', 'use', 'call', 'lock-tables', 'lock-tables', 'prepare', 'prepare', 'prepare', 'create-database', 'drop-database', 'create-view', 'drop-view', 'drop-routine', 'select']);
});
