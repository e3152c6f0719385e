import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectConvention, isLiquibaseMaster, liquibaseChangesets, migrationText, nextMigrationPaths, orderMigrations, upSections } from '../../server/src/engine/workspace';

test('Flyway: versions compare numerically, repeatables after versioned, undo and strays left out', () => {
  const paths = ['db/V1.10__c.sql', 'db/V1.2__b.sql', 'db/R__views.sql', 'db/U1.2__undo.sql', 'db/V1__init.sql', 'db/V2_1__d.sql', 'db/R__a_procs.sql', 'db/README.sql', 'db/V1.2.1__e.sql'];
  assert.equal(detectConvention(paths), 'flyway');
  assert.deepEqual(orderMigrations(paths, 'flyway'), ['db/V1__init.sql', 'db/V1.2__b.sql', 'db/V1.2.1__e.sql', 'db/V1.10__c.sql', 'db/V2_1__d.sql', 'db/R__a_procs.sql', 'db/R__views.sql']);
});

test('golang-migrate: numeric order of .up.sql files, .down.sql excluded', () => {
  const paths = ['m/10_c.up.sql', 'm/2_b.up.sql', 'm/2_b.down.sql', 'm/1_a.up.sql', 'm/1_a.down.sql'];
  assert.equal(detectConvention(paths), 'golang-migrate');
  assert.deepEqual(orderMigrations(paths, 'golang-migrate'), ['m/1_a.up.sql', 'm/2_b.up.sql', 'm/10_c.up.sql']);
});

test('Prisma: migration folders by timestamp', () => {
  const paths = ['prisma/migrations/20240301000000_b/migration.sql', 'prisma/migrations/20231201101010_init/migration.sql', 'prisma/migrations/migration_lock.sql'];
  assert.equal(detectConvention(paths), 'prisma');
  assert.deepEqual(orderMigrations(paths, 'prisma'), ['prisma/migrations/20231201101010_init/migration.sql', 'prisma/migrations/20240301000000_b/migration.sql']);
});

test('plain numbered and timestamped files', () => {
  assert.equal(detectConvention(['sql/002_b.sql', 'sql/001_a.sql', 'sql/010_c.sql']), 'numbered');
  assert.deepEqual(orderMigrations(['sql/10-c.sql', 'sql/9-b.sql', 'sql/notes.sql'], 'numbered'), ['sql/9-b.sql', 'sql/10-c.sql']);
  const ts = ['m/2024_02_01_000000_b.sql', 'm/20240101120000_a.sql', 'm/20240101_early.sql'];
  assert.equal(detectConvention(ts), 'timestamped');
  assert.deepEqual(orderMigrations(ts, 'timestamped'), ['m/20240101_early.sql', 'm/20240101120000_a.sql', 'm/2024_02_01_000000_b.sql']);
});

test('header lines decide dbmate, sql-migrate, goose and Liquibase when texts are available', () => {
  const texts: Record<string, string> = {
    'db/20240101000000_a.sql': '-- migrate:up\nCREATE TABLE a (id INT);\n-- migrate:down\nDROP TABLE a;\n',
    'db/20240102000000_b.sql': '-- migrate:up\nSELECT 1;\n',
  };
  assert.equal(detectConvention(Object.keys(texts), (p) => texts[p]), 'dbmate');
  assert.equal(detectConvention(Object.keys(texts)), 'timestamped', 'by name alone');
  assert.equal(detectConvention(['1_a.sql'], () => '-- +migrate Up\nSELECT 1;'), 'sql-migrate');
  assert.equal(detectConvention(['1_a.sql'], () => '-- +goose Up\nSELECT 1;'), 'goose');
  assert.equal(detectConvention(['changes/users.sql'], () => '--liquibase formatted sql\n--changeset a:1\nSELECT 1;'), 'liquibase');
  assert.equal(detectConvention(['notes.txt', 'schema.sql']), undefined);
});

test('sql-migrate orders numeric prefixes numerically, other names after', () => {
  assert.deepEqual(orderMigrations(['10_c.sql', '9_b.sql', 'init.sql'], 'sql-migrate'), ['9_b.sql', '10_c.sql', 'init.sql']);
});

test('up sections: dbmate, sql-migrate and goose run only the up part; other files run whole', () => {
  const dbmate = 'comment\n-- migrate:up\nCREATE TABLE a (id INT);\n-- migrate:down\nDROP TABLE a;\n';
  const [up] = upSections(dbmate, 'dbmate');
  assert.equal(dbmate.slice(up.start, up.end).trim(), 'CREATE TABLE a (id INT);');
  const sqlMigrate = '-- +migrate Up\nCREATE TABLE a (id INT);\n-- +migrate Down\nDROP TABLE a;\n-- +migrate Up\nCREATE TABLE b (id INT);\n';
  assert.deepEqual(upSections(sqlMigrate, 'sql-migrate').map((s) => sqlMigrate.slice(s.start, s.end).trim()), ['CREATE TABLE a (id INT);', 'CREATE TABLE b (id INT);']);
  assert.deepEqual(upSections('DROP TABLE a;', 'flyway'), [{ start: 0, end: 13 }]);
  assert.deepEqual(upSections('DROP TABLE a;', 'dbmate'), [{ start: 0, end: 13 }], 'no markers: whole file');
});

test('migrationText blanks the down part but keeps offsets, lines and file-wide directives', () => {
  const text = '-- lockstep-disable drop-table\n-- migrate:up\nCREATE TABLE a (id INT);\n-- migrate:down\nDROP TABLE a;\n';
  const masked = migrationText(text, 'dbmate');
  assert.equal(masked.length, text.length);
  assert.equal(masked.split('\n').length, text.split('\n').length);
  assert.ok(masked.includes('CREATE TABLE a (id INT);'));
  assert.ok(!masked.includes('DROP TABLE a'));
  assert.ok(masked.startsWith('-- lockstep-disable drop-table\n'));
  assert.equal(masked.indexOf('CREATE'), text.indexOf('CREATE'));
  assert.equal(migrationText(text, 'flyway'), text);
});

test('Liquibase: changesets in a file; files ordered by the master changelog includes', () => {
  const text = '--liquibase formatted sql\n\n--changeset alice:1\nCREATE TABLE a (id INT);\n--rollback DROP TABLE a;\n\n--changeset bob:add-b\nALTER TABLE a ADD b INT;\n';
  const sets = liquibaseChangesets(text);
  assert.deepEqual(sets.map((c) => `${c.author}:${c.id}`), ['alice:1', 'bob:add-b']);
  assert.ok(text.slice(sets[0].span.start, sets[0].span.end).includes('--rollback'));
  const files = ['db/changelog/z_first.sql', 'db/changelog/a_second.sql', 'db/changelog/more/2.sql', 'db/changelog/more/1.sql', 'db/changelog/stray.sql'];
  const xml = '<databaseChangeLog>\n  <include file="changelog/z_first.sql" relativeToChangelogFile="true"/>\n  <include file="db/changelog/a_second.sql"/>\n  <includeAll path="changelog/more/" relativeToChangelogFile="true"/>\n</databaseChangeLog>';
  assert.deepEqual(orderMigrations(files, 'liquibase', { liquibaseMaster: { path: 'db/master.xml', text: xml } }), ['db/changelog/z_first.sql', 'db/changelog/a_second.sql', 'db/changelog/more/1.sql', 'db/changelog/more/2.sql', 'db/changelog/stray.sql']);
  const yaml = 'databaseChangeLog:\n  - include:\n      file: db/changelog/a_second.sql\n  - include:\n      file: db/changelog/z_first.sql\n';
  assert.deepEqual(orderMigrations(files.slice(0, 2), 'liquibase', { liquibaseMaster: { path: 'db/master.yaml', text: yaml } }), ['db/changelog/a_second.sql', 'db/changelog/z_first.sql']);
  assert.deepEqual(orderMigrations(files.slice(0, 2), 'liquibase'), ['db/changelog/a_second.sql', 'db/changelog/z_first.sql'], 'no master: by file name');
});

test('next migration paths follow the set’s convention', () => {
  const now = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
  assert.deepEqual(nextMigrationPaths('flyway', 'Add email', 2, { existing: ['db/V1__a.sql', 'db/V7.1__b.sql'], now }), [['db/V8__add_email_1.sql'], ['db/V9__add_email_2.sql']]);
  assert.deepEqual(nextMigrationPaths('golang-migrate', 'add email', 1, { existing: ['m/000009_a.up.sql', 'm/000009_a.down.sql'], now }), [['m/000010_add_email.up.sql', 'm/000010_add_email.down.sql']]);
  assert.deepEqual(nextMigrationPaths('prisma', 'add email', 1, { existing: ['prisma/migrations/20240101000000_init/migration.sql'], now }), [['prisma/migrations/20260102030405_add_email/migration.sql']]);
  assert.deepEqual(nextMigrationPaths('numbered', 'x', 1, { existing: ['sql/009_a.sql'], now }), [['sql/010_x.sql']]);
  const [[dbmate]] = nextMigrationPaths('dbmate', 'x', 1, { existing: ['db/migrations/20240101000000_a.sql'], now });
  assert.equal(dbmate, 'db/migrations/20260102030405_x.sql');
});

test('a file ordered by number or timestamp alone still runs only its marked up section', () => {
  const text = '-- migrate:up\nCREATE TABLE a (id INT);\n-- migrate:down\nDROP TABLE a;\n';
  for (const convention of ['timestamped', 'numbered', undefined] as const) assert.ok(!migrationText(text, convention).includes('DROP TABLE'), String(convention));
  assert.ok(migrationText(text, 'flyway').includes('DROP TABLE'), 'Flyway has no sections: the runner executes the whole file');
});

test('Liquibase master changelog names', () => {
  for (const p of ['src/main/resources/db/changelog/db.changelog-master.yaml', 'db/changelog.xml', 'db/master.json', 'changelog-master.yml']) assert.ok(isLiquibaseMaster(p), p);
  for (const p of ['db/changelog/001-init.sql', 'db/changes.xml']) assert.ok(!isLiquibaseMaster(p), p);
});
