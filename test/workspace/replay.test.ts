import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyStatement } from '../../server/src/engine/catalog/apply';
import { findTable } from '../../server/src/engine/catalog/lookup';
import { parseTarget } from '../../server/src/engine/targets';
import type { Catalog, Statement, Target } from '../../server/src/engine/types';
import { buildCatalog, catalogBefore, newTablesBefore } from '../../server/src/engine/workspace';
import { col, createTable, stmt } from '../catalog/build';

const target = parseTarget('mysql-8.0')!;

/** a stand-in parser for three statement shapes, so replay is tested apart from the SQL parser */
function miniParse(text: string, _t: Target): Statement[] {
  const out: Statement[] = [];
  for (const m of text.matchAll(/[^;]+/g)) {
    const sql = m[0].trim();
    let s: Statement | undefined;
    let r: RegExpExecArray | null;
    if ((r = /^CREATE TABLE (\w+) \((.*)\)$/is.exec(sql))) s = stmt(createTable(r[1], r[2].split(',').map((c) => { const [n, ty] = c.trim().split(/\s+/); return col(n, ty); })));
    else if ((r = /^ALTER TABLE (\w+) ADD COLUMN (\w+) (\w+)$/i.exec(sql))) s = stmt({ kind: 'add-column', table: r[1], column: col(r[2], r[3]) });
    else if ((r = /^DROP TABLE (\w+)$/i.exec(sql))) s = stmt({ kind: 'drop-table', table: r[1], ifExists: false, temporary: false });
    if (s) {
      s.span = { start: m.index + m[0].indexOf(sql), end: m.index + m[0].indexOf(sql) + sql.length };
      out.push(s);
    }
  }
  return out;
}

function columns(c: Catalog, table: string): string[] | undefined {
  return findTable(c, table)?.columns.map((x) => x.name);
}

const files = [
  { path: 'db/V2__add_email.sql', text: 'ALTER TABLE users ADD COLUMN email varchar;' },
  { path: 'db/V1__init.sql', text: 'CREATE TABLE users (id int, name varchar);\nCREATE TABLE logs (id int);' },
  { path: 'db/V3__drop_logs.sql', text: 'DROP TABLE logs;' },
  { path: 'db/U3__undo.sql', text: 'CREATE TABLE logs (id int);' },
];

test('replays migrations in convention order; catalogBefore gives the schema each file starts from', () => {
  const replay = buildCatalog(files, undefined, target, { parse: miniParse });
  assert.equal(replay.convention, 'flyway');
  assert.deepEqual(replay.steps.map((s) => s.path), ['db/V1__init.sql', 'db/V2__add_email.sql', 'db/V3__drop_logs.sql']);
  assert.equal(catalogBefore('db/V1__init.sql', replay).tables.size, 0);
  assert.deepEqual(columns(catalogBefore('db/V2__add_email.sql', replay), 'users'), ['id', 'name']);
  assert.deepEqual(columns(catalogBefore('db/V3__drop_logs.sql', replay), 'users'), ['id', 'name', 'email']);
  assert.ok(findTable(catalogBefore('db/V3__drop_logs.sql', replay), 'logs'));
  assert.equal(findTable(replay.catalog, 'logs'), undefined, 'the undo file is not replayed');
  assert.deepEqual(replay.steps[0].createdTables, ['users', 'logs']);
  assert.equal(findTable(replay.catalog, 'users')?.createdAt?.path, 'db/V1__init.sql');
});

test('a new migration not yet in the replay is placed by its name; other files see the whole schema', () => {
  const replay = buildCatalog(files, 'flyway', target, { parse: miniParse });
  assert.deepEqual(columns(catalogBefore('db/V2_5__new.sql', replay), 'users'), ['id', 'name', 'email']);
  assert.ok(findTable(catalogBefore('db/V2_5__new.sql', replay), 'logs'), 'V2.5 runs before V3 drops logs');
  assert.equal(findTable(catalogBefore('scratch/query.sql', replay), 'logs'), undefined);
});

test('catalogBefore returns a snapshot the caller may change without disturbing the replay', () => {
  const replay = buildCatalog(files, 'flyway', target, { parse: miniParse });
  const before = catalogBefore('db/V2__add_email.sql', replay);
  applyStatement(before, stmt({ kind: 'drop-table', table: 'users', ifExists: false, temporary: false }), 'x.sql');
  assert.deepEqual(columns(catalogBefore('db/V2__add_email.sql', replay), 'users'), ['id', 'name']);
  assert.deepEqual(columns(replay.catalog, 'users'), ['id', 'name', 'email']);
});

test('incremental: only the changed file and those after it are parsed again', () => {
  let parsed: string[] = [];
  const counting = (text: string, t: Target) => {
    parsed.push(text);
    return miniParse(text, t);
  };
  const first = buildCatalog(files, 'flyway', target, { parse: counting });
  assert.equal(parsed.length, 3);
  parsed = [];
  const same = buildCatalog(files, 'flyway', target, { parse: counting, previous: first });
  assert.equal(parsed.length, 0);
  assert.equal(same.parsedFiles, 0);
  parsed = [];
  const edited = files.map((f) => (f.path === 'db/V2__add_email.sql' ? { ...f, text: 'ALTER TABLE users ADD COLUMN mail varchar;' } : f));
  const second = buildCatalog(edited, 'flyway', target, { parse: counting, previous: first });
  assert.equal(second.parsedFiles, 2);
  assert.deepEqual(columns(second.catalog, 'users'), ['id', 'name', 'mail']);
  assert.deepEqual(columns(first.catalog, 'users'), ['id', 'name', 'email'], 'the previous replay is untouched');
});

test('dbmate files replay only their up section', () => {
  const replay = buildCatalog([{ path: 'db/migrations/20240101000000_a.sql', text: '-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n' }], undefined, target, { parse: miniParse });
  assert.equal(replay.convention, 'dbmate');
  assert.ok(findTable(replay.catalog, 'a'));
});

test('with the real parser: golang-migrate set, down files ignored, up order by number', () => {
  const set = [
    { path: 'migrations/000002_add_phone.up.sql', text: 'ALTER TABLE users ADD COLUMN phone VARCHAR(20) AFTER id;' },
    { path: 'migrations/000002_add_phone.down.sql', text: 'ALTER TABLE users DROP COLUMN phone;' },
    { path: 'migrations/000001_init.up.sql', text: 'CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(255));' },
    { path: 'migrations/000001_init.down.sql', text: 'DROP TABLE users;' },
    { path: 'migrations/000010_rename.up.sql', text: 'RENAME TABLE users TO accounts;' },
  ];
  const replay = buildCatalog(set, undefined, target);
  assert.equal(replay.convention, 'golang-migrate');
  assert.deepEqual(columns(catalogBefore('migrations/000010_rename.up.sql', replay), 'users'), ['id', 'phone', 'email']);
  assert.deepEqual(columns(replay.catalog, 'accounts'), ['id', 'phone', 'email']);
  assert.equal(findTable(replay.catalog, 'users'), undefined);
});

test('tables created earlier in the same release count as new', () => {
  const release = [
    { path: 'db/release-1/V1__init.sql', text: 'CREATE TABLE users (id int);' },
    { path: 'db/release-2/V2__audit.sql', text: 'CREATE TABLE audit (id int);\nCREATE TABLE scratch (id int);' },
    { path: 'db/release-2/V3__drop_scratch.sql', text: 'DROP TABLE scratch;' },
    { path: 'db/release-2/V4__index_audit.sql', text: 'ALTER TABLE audit ADD COLUMN at int;' },
  ];
  const replay = buildCatalog(release, 'flyway', target, { parse: miniParse });
  const folder = (p: string) => p.split('/').slice(0, -1).join('/');
  assert.deepEqual([...newTablesBefore('db/release-2/V4__index_audit.sql', replay, folder)], ['audit']);
  assert.deepEqual([...newTablesBefore('db/release-2/V4__index_audit.sql', replay)], [], 'no grouping without releaseOf');
  assert.deepEqual([...newTablesBefore('db/release-1/V1__init.sql', replay, folder)], []);
});
