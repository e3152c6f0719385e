import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyStatement, emptyCatalog, snapshotCatalog } from '../../server/src/engine/catalog/apply';
import { columnCharsetBytes, findColumn, findIndex, findTable, isIndexed, isNullable } from '../../server/src/engine/catalog/lookup';
import type { Catalog } from '../../server/src/engine/types';
import { parseFile } from '../../server/src/engine/parse';
import { parseTarget } from '../../server/src/engine/targets';
import { col, createTable, stmt, type } from './build';

function names(catalog: Catalog, table: string): string[] {
  return findTable(catalog, table)!.columns.map((c) => c.name);
}

function users(): Catalog {
  const c = emptyCatalog();
  applyStatement(c, stmt(createTable('Users', [col('id', 'bigint', { primaryKey: true, autoIncrement: true }), col('email', 'varchar(255)', { unique: true }), col('name', 'varchar(100)')])), 'V1__init.sql');
  return c;
}

test('create table: keyed lower-case, inline PRIMARY KEY and UNIQUE become named indexes, origin recorded', () => {
  const c = users();
  const t = findTable(c, 'USERS')!;
  assert.equal(t.name, 'Users');
  assert.deepEqual(t.indexes.map((i) => [i.name, i.kind]), [['PRIMARY', 'primary'], ['email', 'unique']]);
  assert.equal(t.createdAt?.path, 'V1__init.sql');
  assert.ok(isIndexed(t, 'EMAIL'));
  assert.equal(isNullable(t, findColumn(t, 'id')!), false, 'primary key columns are NOT NULL');
  assert.equal(isNullable(t, findColumn(t, 'name')!), true);
});

test('IF NOT EXISTS keeps the first definition; LIKE copies columns and indexes but not foreign keys', () => {
  const c = users();
  applyStatement(c, stmt(createTable('users', [col('other', 'int')], { ifNotExists: true })), 'V2.sql');
  assert.deepEqual(names(c, 'users'), ['id', 'email', 'name']);
  applyStatement(c, stmt(createTable('orders', [col('id', 'int', { primaryKey: true }), col('user_id', 'bigint')], { foreignKeys: [{ columns: ['user_id'], refTable: 'users', refColumns: ['id'] }] })), 'V3.sql');
  applyStatement(c, stmt(createTable('orders_copy', [], { likeTable: 'orders' })), 'V4.sql');
  const copy = findTable(c, 'orders_copy')!;
  assert.deepEqual(copy.columns.map((x) => x.name), ['id', 'user_id']);
  assert.equal(copy.foreignKeys.length, 0);
  assert.ok(isIndexed(copy, 'user_id'), 'the FK supporting index is copied');
  assert.equal(copy.createdAt?.path, 'V4.sql');
});

test('foreign keys get server-style names and a supporting index', () => {
  const c = users();
  applyStatement(c, stmt(createTable('orders', [col('id', 'int'), col('user_id', 'bigint')], { foreignKeys: [{ columns: ['user_id'], refTable: 'db.users', refColumns: ['id'] }] })), 'V2.sql');
  const t = findTable(c, 'orders')!;
  assert.equal(t.foreignKeys[0].name, 'orders_ibfk_1');
  assert.equal(t.foreignKeys[0].refTable, 'users');
  // an unnamed key's index is named after its first column (as MariaDB 10.11 does)
  assert.deepEqual(findIndex(t, 'user_id')?.columns, [{ name: 'user_id' }]);
  applyStatement(c, stmt({ kind: 'drop-foreign-key', table: 'orders', name: 'ORDERS_IBFK_1' }), 'V3.sql');
  assert.equal(findTable(c, 'orders')!.foreignKeys.length, 0);
  assert.ok(isIndexed(findTable(c, 'orders'), 'user_id'), 'dropping the FK keeps its index');
});

test('add column respects FIRST / AFTER, drop and rename update indexes', () => {
  const c = users();
  applyStatement(c, stmt(
    { kind: 'add-column', table: 'users', column: col('tenant', 'int'), position: { first: true } },
    { kind: 'add-column', table: 'users', column: col('nick', 'varchar(20)'), position: { after: 'EMAIL' } },
    { kind: 'add-column', table: 'users', column: col('age', 'int') },
  ), 'V2.sql');
  assert.deepEqual(names(c, 'users'), ['tenant', 'id', 'email', 'nick', 'name', 'age']);
  applyStatement(c, stmt({ kind: 'rename-column', table: 'users', column: 'Email', newName: 'mail' }), 'V3.sql');
  assert.deepEqual(findIndex(findTable(c, 'users'), 'email')?.columns, [{ name: 'mail' }]);
  applyStatement(c, stmt({ kind: 'drop-column', table: 'users', column: 'mail' }), 'V4.sql');
  assert.equal(findIndex(findTable(c, 'users'), 'email'), undefined, 'an index left without columns is dropped');
  assert.deepEqual(names(c, 'users'), ['tenant', 'id', 'nick', 'name', 'age']);
});

test('modify/change replace the definition, move and rename the column', () => {
  const c = users();
  applyStatement(c, stmt({ kind: 'modify-column', table: 'users', column: 'name', def: col('name', 'varchar(300)', { nullable: false }), position: { after: 'id' }, via: 'modify' }), 'V2.sql');
  assert.deepEqual(names(c, 'users'), ['id', 'name', 'email']);
  assert.equal(findColumn(findTable(c, 'users'), 'name')?.type.length, 300);
  applyStatement(c, stmt({ kind: 'modify-column', table: 'users', column: 'email', newName: 'mail', def: col('mail', 'varchar(320)'), via: 'change' }), 'V3.sql');
  assert.deepEqual(names(c, 'users'), ['id', 'name', 'mail']);
  assert.deepEqual(findIndex(findTable(c, 'users'), 'email')?.columns, [{ name: 'mail' }]);
});

test('defaults: set and drop', () => {
  const c = users();
  applyStatement(c, stmt({ kind: 'set-default', table: 'users', column: 'name', default: { kind: 'literal', text: "'x'" } }), 'V2.sql');
  assert.deepEqual(findColumn(findTable(c, 'users'), 'name')?.default, { kind: 'literal', text: "'x'" });
  applyStatement(c, stmt({ kind: 'drop-default', table: 'users', column: 'name' }), 'V3.sql');
  assert.equal(findColumn(findTable(c, 'users'), 'name')?.default, undefined);
});

test('indexes: unnamed get column names (with _2), rename, visibility, drop, drop primary key', () => {
  const c = users();
  applyStatement(c, stmt(
    { kind: 'add-index', table: 'users', index: { kind: 'index', columns: [{ name: 'name' }] }, via: 'alter' },
    { kind: 'add-index', table: 'users', index: { kind: 'index', columns: [{ name: 'name' }, { name: 'id' }] }, via: 'alter' },
  ), 'V2.sql');
  let t = findTable(c, 'users')!;
  assert.deepEqual(t.indexes.map((i) => i.name), ['PRIMARY', 'email', 'name', 'name_2']);
  applyStatement(c, stmt({ kind: 'rename-index', table: 'users', name: 'name_2', newName: 'idx_name_id' }, { kind: 'index-visibility', table: 'users', name: 'idx_name_id', hidden: true }), 'V3.sql');
  t = findTable(c, 'users')!;
  assert.equal(findIndex(t, 'idx_name_id')?.hidden, true);
  applyStatement(c, stmt({ kind: 'drop-index', table: 'users', name: 'NAME', via: 'drop-index' }, { kind: 'drop-primary-key', table: 'users' }), 'V4.sql');
  assert.deepEqual(findTable(c, 'users')!.indexes.map((i) => i.name), ['email', 'idx_name_id']);
});

test('checks and DROP CONSTRAINT', () => {
  const c = users();
  applyStatement(c, stmt({ kind: 'add-check', table: 'users', check: { expression: 'id > 0' } }), 'V2.sql');
  assert.equal(findTable(c, 'users')!.checks[0].name, 'Users_chk_1');
  applyStatement(c, stmt({ kind: 'drop-constraint', table: 'users', name: 'users_chk_1' }, { kind: 'drop-constraint', table: 'users', name: 'email' }), 'V3.sql');
  assert.equal(findTable(c, 'users')!.checks.length, 0);
  assert.equal(findIndex(findTable(c, 'users'), 'email'), undefined);
});

test('rename and drop table; children follow a renamed parent', () => {
  const c = users();
  applyStatement(c, stmt(createTable('orders', [col('user_id', 'bigint')], { foreignKeys: [{ name: 'fk_user', columns: ['user_id'], refTable: 'users', refColumns: ['id'] }] })), 'V2.sql');
  applyStatement(c, stmt({ kind: 'rename-table', table: 'users', newName: 'accounts' }), 'V3.sql');
  assert.equal(findTable(c, 'users'), undefined);
  assert.equal(findTable(c, 'accounts')?.name, 'accounts');
  assert.equal(findTable(c, 'orders')!.foreignKeys[0].refTable, 'accounts');
  applyStatement(c, stmt({ kind: 'rename-column', table: 'accounts', column: 'id', newName: 'account_id' }), 'V4.sql');
  assert.deepEqual(findTable(c, 'orders')!.foreignKeys[0].refColumns, ['account_id']);
  applyStatement(c, stmt({ kind: 'drop-table', table: 'accounts', ifExists: true, temporary: false }), 'V5.sql');
  assert.equal(findTable(c, 'accounts'), undefined);
});

test('temporary tables stay out of the catalog', () => {
  const c = emptyCatalog();
  applyStatement(c, stmt(createTable('tmp', [col('a', 'int')], { temporary: true })), 'V1.sql');
  assert.equal(c.tables.size, 0);
});

test('convert to character set changes character columns only and grows TEXT', () => {
  const c = emptyCatalog();
  applyStatement(c, stmt(createTable('posts', [col('id', 'int'), col('title', 'varchar(100)'), col('body', 'text'), col('raw', 'varbinary(10)')], { options: { CHARSET: 'latin1' } })), 'V1.sql');
  let t = findTable(c, 'posts')!;
  assert.equal(columnCharsetBytes(t, 'title'), 1);
  applyStatement(c, stmt({ kind: 'convert-charset', table: 'posts', charset: 'utf8mb4', collation: 'utf8mb4_unicode_ci' }), 'V2.sql');
  t = findTable(c, 'posts')!;
  assert.equal(columnCharsetBytes(t, 'title'), 4);
  assert.equal(findColumn(t, 'title')?.type.collation, 'utf8mb4_unicode_ci');
  assert.equal(findColumn(t, 'body')?.type.name, 'MEDIUMTEXT', 'latin1 TEXT needs MEDIUMTEXT in utf8mb4');
  assert.equal(findColumn(t, 'raw')?.type.charset, undefined);
  assert.equal(findColumn(t, 'id')?.type.charset, undefined);
  assert.equal(t.options.CHARSET, 'utf8mb4');
});

test('charset bytes: column charset, then collation, then table default, then the server default', () => {
  const c = emptyCatalog();
  applyStatement(c, stmt(createTable('t', [
    { name: 'a', type: type('varchar(10)', { charset: 'utf8mb3' }) },
    { name: 'b', type: type('varchar(10)', { collation: 'latin1_swedish_ci' }) },
    col('c', 'varchar(10)'),
    col('n', 'int'),
  ])), 'V1.sql');
  let t = findTable(c, 't')!;
  assert.equal(columnCharsetBytes(t, 'A'), 3);
  assert.equal(columnCharsetBytes(t, 'b'), 1);
  assert.equal(columnCharsetBytes(t, 'c'), 4, 'server default utf8mb4');
  assert.equal(columnCharsetBytes(t, 'c', 'latin1'), 1, 'configurable server default');
  assert.equal(columnCharsetBytes(t, 'missing'), undefined);
  applyStatement(c, stmt({ kind: 'table-options', table: 't', options: { COLLATE: 'ucs2_general_ci' } }), 'V2.sql');
  t = findTable(c, 't')!;
  assert.equal(t.options.CHARSET, 'ucs2', 'a collation implies its charset');
  assert.equal(columnCharsetBytes(t, 'c'), 4, 'a new table default leaves existing columns in the charset they had (here the server default)');
  assert.equal(columnCharsetBytes(t, 'c', 'latin1'), 1, 'which stays the configurable server default');
  applyStatement(c, stmt({ kind: 'add-column', table: 't', column: col('d', 'varchar(10)') }), 'V3.sql');
  assert.equal(columnCharsetBytes(findTable(c, 't'), 'd'), 2, 'DEFAULT CHARSET is the default for columns added later');
});

test('table options merge; a new charset drops a collation of another charset; partitioning flag', () => {
  const c = emptyCatalog();
  applyStatement(c, stmt(createTable('t', [col('a', 'int')], { options: { ENGINE: 'MyISAM', CHARSET: 'latin1', COLLATE: 'latin1_bin' } })), 'V1.sql');
  applyStatement(c, stmt({ kind: 'table-options', table: 't', options: { ENGINE: 'InnoDB', CHARSET: 'utf8mb4', ROW_FORMAT: 'DYNAMIC' } }, { kind: 'partition', table: 't', action: 'partition-by' }), 'V2.sql');
  let t = findTable(c, 't')!;
  assert.deepEqual(t.options, { ENGINE: 'InnoDB', CHARSET: 'utf8mb4', ROW_FORMAT: 'DYNAMIC' });
  assert.equal(t.partitioned, true);
  applyStatement(c, stmt({ kind: 'partition', table: 't', action: 'remove-partitioning' }), 'V3.sql');
  t = findTable(c, 't')!;
  assert.equal(t.partitioned, false);
});

test('snapshots stay as they were when later statements change the catalog', () => {
  const c = users();
  const before = snapshotCatalog(c);
  applyStatement(c, stmt({ kind: 'add-column', table: 'users', column: col('age', 'int') }, { kind: 'rename-column', table: 'users', column: 'name', newName: 'full_name' }), 'V2.sql');
  assert.deepEqual(names(before, 'users'), ['id', 'email', 'name']);
  assert.deepEqual(names(c, 'users'), ['id', 'email', 'full_name', 'age']);
});

test('operations on unknown tables or columns and unanalyzed statements are ignored without throwing', () => {
  const c = users();
  applyStatement(c, stmt({ kind: 'drop-column', table: 'nope', column: 'x' }, { kind: 'modify-column', table: 'users', column: 'nope', def: col('nope', 'int'), via: 'modify' }), 'V2.sql');
  const s = stmt({ kind: 'drop-table', table: 'users', ifExists: false, temporary: false });
  s.analyzed = false;
  applyStatement(c, s, 'V3.sql');
  assert.deepEqual(names(c, 'users'), ['id', 'email', 'name']);
});

test('DEFAULT CHARSET changes the table default but existing columns keep theirs', () => {
  const target = parseTarget('mysql-8.0')!;
  const catalog = emptyCatalog();
  const sql = "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(100)) DEFAULT CHARSET=latin1;\nALTER TABLE t DEFAULT CHARSET=utf8mb4;\nALTER TABLE t ADD note VARCHAR(10);";
  for (const st of parseFile(sql, { target })) applyStatement(catalog, st, 'm.sql');
  const t = catalog.tables.get('t');
  assert.equal(columnCharsetBytes(t, 'name'), 1, 'name stays latin1');
  assert.equal(columnCharsetBytes(t, 'note'), 4, 'a new column takes the new default');
});

test('an edit never changes a table, column, index or key in place: snapshots and the statements keep theirs', () => {
  const target = parseTarget('mysql-8.0')!;
  const catalog = emptyCatalog();
  const create = "CREATE TABLE p (id INT PRIMARY KEY, code VARCHAR(10) NOT NULL DEFAULT 'a', UNIQUE KEY uq_code (code)) DEFAULT CHARSET=latin1;\nCREATE TABLE c (id INT PRIMARY KEY, p_code VARCHAR(10), CONSTRAINT fk_p FOREIGN KEY (p_code) REFERENCES p (code));";
  const created = parseFile(create, { target });
  for (const st of created) applyStatement(catalog, st, 'V1.sql');
  const before = snapshotCatalog(catalog);
  const frozen = JSON.stringify([...before.tables]);
  const statementsBefore = JSON.stringify(created);
  const changes = [
    'ALTER TABLE p ALTER COLUMN code SET DEFAULT \'b\';',
    'ALTER TABLE p RENAME INDEX uq_code TO uq_code2, ALTER INDEX uq_code2 INVISIBLE;',
    'ALTER TABLE p RENAME COLUMN code TO kode;',
    'ALTER TABLE p CONVERT TO CHARACTER SET utf8mb4;',
    'ALTER TABLE p DEFAULT CHARSET=utf8mb4;',
    'RENAME TABLE p TO parent;',
  ].join('\n');
  for (const st of parseFile(changes, { target })) applyStatement(catalog, st, 'V2.sql');
  assert.equal(JSON.stringify([...before.tables]), frozen, 'the snapshot is unchanged');
  assert.equal(JSON.stringify(created), statementsBefore, 'the replayed statements are unchanged');
  const parent = findTable(catalog, 'parent')!;
  assert.equal(findColumn(parent, 'kode')?.type.charset, 'utf8mb4');
  assert.deepEqual(findIndex(parent, 'uq_code2')?.columns.map((x) => x.name), ['kode']);
  assert.equal(findIndex(parent, 'uq_code2')?.hidden, true);
  assert.deepEqual(findTable(catalog, 'c')!.foreignKeys.map((fk) => [fk.refTable, fk.refColumns]), [['parent', ['kode']]]);
});

test('the catalog keeps spans of its own: moving a statement (as the editor does) leaves the catalog alone', () => {
  const target = parseTarget('mysql-8.0')!;
  const catalog = emptyCatalog();
  const [st] = parseFile('CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10), KEY idx_name (name));', { target });
  applyStatement(catalog, st, 'V1.sql');
  const span = JSON.stringify(findTable(catalog, 't')!.columns.map((c) => c.span));
  const op = st.operations[0];
  if (op.kind !== 'create-table') throw new Error('expected a create-table operation');
  for (const c of op.columns) if (c.span) c.span.start += 100;
  for (const i of op.indexes) if (i.span) i.span.start += 100;
  assert.equal(JSON.stringify(findTable(catalog, 't')!.columns.map((c) => c.span)), span);
  assert.notEqual(findIndex(findTable(catalog, 't'), 'idx_name')?.span?.start, op.indexes[0].span?.start);
});
