// The project model over an in-memory file system: sets, order, chains, schema sources, releases,
// and the incremental replay (what an edit makes it parse again).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findColumn, findTable } from '../../server/src/engine/catalog/lookup';
import { parseConfig } from '../../server/src/engine/config';
import { findConfigFile, loadProjectConfig, memoryHost, Project, type ProjectHost } from '../../server/src/engine/project';
import { ChainReplay } from '../../server/src/engine/project/replay';
import { parseTarget } from '../../server/src/engine/targets';

const ROOT = '/w';

function project(files: Record<string, string>, config = '{}', init: { inRelease?: (p: string) => boolean; host?: ProjectHost } = {}): Project {
  const parsed = parseConfig(config, 'lockstep.config.json');
  assert.deepEqual(parsed.errors.map((e) => e.message), []);
  return new Project(init.host ?? memoryHost(files), { root: ROOT, config: parsed.config, inRelease: init.inRelease });
}

const flyway = {
  '/w/db/V1__users.sql': 'CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50));',
  '/w/db/V2__email.sql': 'ALTER TABLE users ADD COLUMN email VARCHAR(100);',
  '/w/db/V10__drop_name.sql': 'ALTER TABLE users DROP COLUMN name;',
  '/w/db/U2__undo.sql': 'ALTER TABLE users DROP COLUMN email;',
  '/w/other/001_init.sql': 'CREATE TABLE logs (id INT PRIMARY KEY);',
};

test('one chain per folder in the single-set form, in the convention order; undo files are not replayed', () => {
  const p = project(flyway);
  const chain = p.chainOf('/w/db/V2__email.sql')!;
  assert.equal(chain.convention, 'flyway');
  assert.deepEqual(chain.ordered, ['/w/db/V1__users.sql', '/w/db/V2__email.sql', '/w/db/V10__drop_name.sql']);
  assert.deepEqual(chain.unordered.map((u) => [u.path, u.after]), [['/w/db/U2__undo.sql', '/w/db/V2__email.sql']]);
  const before10 = p.fileContext('/w/db/V10__drop_name.sql');
  assert.deepEqual(findTable(before10.catalog, 'users')?.columns.map((c) => c.name), ['id', 'name', 'email']);
  assert.deepEqual(before10.earlier, ['/w/db/V1__users.sql', '/w/db/V2__email.sql']);
  assert.equal(findTable(p.fileContext('/w/db/V1__users.sql').catalog, 'users'), undefined);
  // the other folder is another database
  assert.equal(findTable(p.fileContext('/w/other/001_init.sql').catalog, 'users'), undefined);
  assert.notEqual(p.chainOf('/w/other/001_init.sql')!.key, chain.key);
  assert.equal(p.allChains().length, 2);
});

test('the schema before a file is a fresh snapshot: changing it disturbs nothing', () => {
  const p = project(flyway);
  const a = p.fileContext('/w/db/V10__drop_name.sql').catalog;
  a.tables.delete('users');
  assert.ok(findTable(p.fileContext('/w/db/V10__drop_name.sql').catalog, 'users'));
});

test('any extension: the globs decide; a set in the list form is one chain across its folders, in natural order', () => {
  const files = {
    '/w/etc/upgrade/4.10.0/schema.mysql': 'ALTER TABLE tickets ADD COLUMN sla VARCHAR(20);',
    '/w/etc/upgrade/4.9.2/schema.mysql': 'ALTER TABLE tickets ADD COLUMN due DATETIME;',
    '/w/etc/upgrade/4.9.2/content': 'not sql',
    '/w/etc/schema.mysql': 'CREATE TABLE tickets (id INT PRIMARY KEY);',
    '/w/portal/V1__init.sql': 'CREATE TABLE pages (id INT PRIMARY KEY);',
  };
  const p = project(files, JSON.stringify({ migrations: [{ name: 'rt', paths: ['etc/upgrade/**/*.mysql'], schema: { baseline: ['etc/schema.mysql'] } }, { name: 'portal', paths: ['portal'] }] }));
  const chain = p.chainOf('/w/etc/upgrade/4.10.0/schema.mysql')!;
  assert.deepEqual(chain.ordered, ['/w/etc/upgrade/4.9.2/schema.mysql', '/w/etc/upgrade/4.10.0/schema.mysql']);
  assert.equal(p.isMigration('/w/etc/upgrade/4.9.2/content'), false);
  assert.equal(p.isMigration('/w/etc/schema.mysql'), false, 'a schema source is not a migration');
  const before = p.fileContext('/w/etc/upgrade/4.10.0/schema.mysql').catalog;
  assert.deepEqual(findTable(before, 'tickets')?.columns.map((c) => c.name), ['id', 'due'], 'baseline, then 4.9.2');
  assert.equal(findTable(before, 'pages'), undefined, 'the portal set is another database');
  assert.deepEqual(p.discover(['/w']).files, ['/w/etc/upgrade/4.10.0/schema.mysql', '/w/etc/upgrade/4.9.2/schema.mysql', '/w/portal/V1__init.sql']);
});

test('current schema: tables no migration creates come from it (marked), tables the chain creates come from the chain', () => {
  const files = {
    '/w/schema.sql': 'CREATE TABLE accounts (id INT PRIMARY KEY, login VARCHAR(60) NOT NULL);\nCREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(12,2), note TEXT);',
    '/w/upgrade/001_orders.sql': 'CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(10,2));',
    '/w/upgrade/002_login.sql': 'ALTER TABLE accounts MODIFY login VARCHAR(80) NOT NULL;',
    '/w/upgrade/003_later.sql': 'SELECT 1;',
  };
  const p = project(files, JSON.stringify({ migrations: { paths: ['upgrade'] }, schema: { current: ['schema.sql'] } }));
  const before2 = p.fileContext('/w/upgrade/002_login.sql').catalog;
  const accounts = findTable(before2, 'accounts')!;
  assert.deepEqual(accounts.fromCurrentSchema, { path: 'schema.sql' });
  assert.equal(findColumn(accounts, 'login')?.type.length, 60);
  const orders = findTable(before2, 'orders')!;
  assert.equal(orders.fromCurrentSchema, undefined, 'the chain creates orders: the chain wins');
  assert.deepEqual(orders.columns.map((c) => c.name), ['id', 'total']);
  assert.equal(findColumn(findTable(p.fileContext('/w/upgrade/003_later.sql').catalog, 'accounts')!, 'login')?.type.length, 80, 'the chain applies on top of it');
  // before the chain creates orders, the current schema does not stand in for it
  assert.equal(findTable(p.fileContext('/w/upgrade/001_orders.sql').catalog, 'orders'), undefined);
});

test('an edit replays only the edited file and what follows; checkpoints keep earlier schemas', () => {
  const files: Record<string, string> = { '/w/m/0001_t.sql': 'CREATE TABLE t (id INT PRIMARY KEY);' };
  for (let i = 2; i <= 60; i++) files[`/w/m/${String(i).padStart(4, '0')}_c${i}.sql`] = `ALTER TABLE t ADD COLUMN c${i} INT;`;
  const texts = new Map(Object.entries(files));
  const host = memoryHost(texts);
  const live: ProjectHost = { list: host.list, stat: host.stat, read: (p) => (texts.has(p) ? { ok: true, text: texts.get(p)! } : host.read(p)) };
  const target = parseTarget('mysql-8.0')!;
  const replay = new ChainReplay(target, 'numbered', { id: 'empty', catalog: { tables: new Map() } });
  const chainFiles = () => [...texts.keys()].sort().map((path) => ({ path, rel: path.slice(3), text: texts.get(path) }));
  replay.sync(chainFiles());
  assert.equal(findTable(replay.before(60), 't')?.columns.length, 60);
  assert.equal(replay.replayedFiles, 60);
  texts.set('/w/m/0050_c50.sql', 'ALTER TABLE t ADD COLUMN renamed INT;');
  replay.sync(chainFiles());
  assert.equal(findTable(replay.before(60), 't')?.columns.some((c) => c.name === 'renamed'), true);
  assert.ok(replay.replayedFiles - 60 <= 60 - 48, `replays from the checkpoint before the edit, not from the start (${replay.replayedFiles - 60} files)`);
  const before = replay.replayedFiles;
  assert.equal(findTable(replay.before(30), 't')?.columns.length, 30);
  assert.ok(replay.replayedFiles - before < 16, 'an earlier schema comes from its checkpoint');
  // the project gives the same through its host
  const p = project({}, '{}', { host: live });
  assert.equal(findTable(p.fileContext('/w/m/0060_c60.sql').catalog, 't')?.columns.some((c) => c.name === 'renamed'), true);
});

test('release groups: a table created by an earlier file of the release is new for the later ones', () => {
  const files = {
    '/w/db/V1__base.sql': 'CREATE TABLE base (id INT PRIMARY KEY);',
    '/w/db/V2__new.sql': 'CREATE TABLE fresh (id INT PRIMARY KEY);',
    '/w/db/V3__alter.sql': 'ALTER TABLE fresh ADD COLUMN x INT NOT NULL;',
  };
  const released = new Set(['/w/db/V1__base.sql']);
  const p = project(files, '{}', { inRelease: (path) => !released.has(path) });
  assert.deepEqual([...p.fileContext('/w/db/V3__alter.sql').newTables], ['fresh']);
  assert.deepEqual([...p.fileContext('/w/db/V2__new.sql').newTables], []);
  released.add('/w/db/V2__new.sql');
  const q = project(files, '{}', { inRelease: (path) => !released.has(path) });
  assert.deepEqual([...q.fileContext('/w/db/V3__alter.sql').newTables], [], 'V2 already shipped: fresh exists in production');
  assert.deepEqual([...project(files).fileContext('/w/db/V3__alter.sql').newTables], [], 'no release base: no grouping');
});

test('the next migration paths follow the chain convention', () => {
  const p = project(flyway);
  const chain = p.chainOf('/w/db/V1__users.sql')!;
  assert.deepEqual(p.nextMigrationPaths(chain, 'add surname', 2, new Date(0)), [['/w/db/V11__add_surname_1.sql'], ['/w/db/V12__add_surname_2.sql']]);
});

test('config discovery: the nearest config from the folder upwards, else the fallback root', () => {
  const host = memoryHost({ '/w/lockstep.config.json': '{"target": "mariadb-10.11"}', '/w/a/b/V1__x.sql': 'SELECT 1;', '/other/x.sql': '' });
  assert.equal(findConfigFile(host, '/w/a/b'), '/w/lockstep.config.json');
  const loaded = loadProjectConfig(host, { searchFrom: '/w/a/b', fallbackRoot: '/w/a' });
  assert.equal(loaded.root, '/w');
  assert.equal(loaded.parsed.config.target.label, 'mariadb-10.11');
  assert.equal(loadProjectConfig(host, { searchFrom: '/other', fallbackRoot: '/other' }).path, undefined);
});

test('extraCurrent: a non-file current source (the CLI reads a database) comes after the current files; the chain still wins', () => {
  const files = {
    '/w/db/V1__orders.sql': 'CREATE TABLE orders (id INT PRIMARY KEY);',
    '/w/db/V2__alter.sql': 'ALTER TABLE users MODIFY email VARCHAR(50) NOT NULL;',
    '/w/schema.sql': 'CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL);',
  };
  const rel = '<database mysql://app@localhost:3306/app>';
  const extraCurrent = [{ rel, text: 'CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100) NULL); CREATE TABLE audit (id INT); CREATE TABLE orders (id BIGINT);' }];
  const only = new Project(memoryHost(files), { root: ROOT, config: parseConfig('{"migrations":{"paths":["db"]}}', 'c').config, extraCurrent });
  const before = only.fileContext('/w/db/V2__alter.sql').catalog;
  assert.equal(findColumn(findTable(before, 'users')!, 'email')?.nullable, true);
  assert.deepEqual(findTable(before, 'users')?.fromCurrentSchema, { path: rel });
  assert.deepEqual(findTable(before, 'audit')?.fromCurrentSchema, { path: rel });
  // the chain creates orders: its definition wins
  assert.equal(findTable(before, 'orders')?.fromCurrentSchema, undefined);
  // a current file given in the config names the table first
  const both = new Project(memoryHost(files), { root: ROOT, config: parseConfig('{"migrations":{"paths":["db"]},"schema":{"current":["schema.sql"]}}', 'c').config, extraCurrent });
  const users = findTable(both.fileContext('/w/db/V2__alter.sql').catalog, 'users')!;
  assert.deepEqual(users.fromCurrentSchema, { path: 'schema.sql' });
});
