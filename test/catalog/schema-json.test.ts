// schemaToJson / schemaToSql without a server: what is unknown is said to be, MySQL spellings,
// and what the SQL cannot recreate is named. (test/project/catalog-vs-server.test.ts checks the
// MariaDB facts against a live server.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyStatement, emptyCatalog } from '../../server/src/engine/catalog/apply';
import { normalizeExpression, normalizeServerDefault, schemaToJson } from '../../server/src/engine/catalog/schema-json';
import { schemaToSql } from '../../server/src/engine/catalog/schema-sql';
import { parseFile } from '../../server/src/engine/parse';
import { parseTarget } from '../../server/src/engine/targets';
import type { Catalog, Target } from '../../server/src/engine/types';

function catalogOf(sql: string, target: Target): Catalog {
  const catalog = emptyCatalog();
  for (const st of parseFile(sql, { target })) applyStatement(catalog, st, 'm.sql');
  return catalog;
}

const MARIADB = parseTarget('mariadb-10.11')!;
const MYSQL = parseTarget('mysql-8.0')!;

test('a table known only from ALTERs is partial: its unknown facts are null and listed', () => {
  const json = schemaToJson(catalogOf('ALTER TABLE legacy ADD COLUMN note VARCHAR(20) NOT NULL;', MARIADB), MARIADB);
  const [t] = json.tables;
  assert.equal(t.partial, true);
  assert.deepEqual(t.unknown, ['engine', 'collation', 'comment', 'partitioned']);
  assert.equal(t.engine, null);
  const [c] = t.columns;
  assert.equal(c.type, 'varchar(20)');
  assert.equal(c.charset, null);
  assert.deepEqual(c.unknown, ['charset', 'collation']);
});

test('column types and defaults as each flavor writes them', () => {
  const sql = "CREATE TABLE t (a INT UNSIGNED, b TINYINT(1) NOT NULL DEFAULT TRUE, c VARCHAR(5) DEFAULT 'x', d DECIMAL(6,2) DEFAULT 1, e TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3), f YEAR, g JSON);";
  const maria = schemaToJson(catalogOf(sql, MARIADB), MARIADB).tables[0].columns;
  assert.deepEqual(maria.map((c) => [c.type, c.default]), [['int(10) unsigned', 'NULL'], ['tinyint(1)', '1'], ['varchar(5)', "'x'"], ['decimal(6,2)', '1.00'], ['timestamp(3)', 'current_timestamp(3)'], ['year(4)', 'NULL'], ['longtext', 'NULL']]);
  assert.equal(maria[2].collation, 'utf8mb4_general_ci');
  const mysql = schemaToJson(catalogOf(sql, MYSQL), MYSQL).tables[0].columns;
  assert.deepEqual(mysql.map((c) => [c.type, c.default]), [['int unsigned', null], ['tinyint(1)', '1'], ['varchar(5)', 'x'], ['decimal(6,2)', '1.00'], ['timestamp(3)', 'CURRENT_TIMESTAMP(3)'], ['year', null], ['json', null]]);
  assert.equal(mysql[2].collation, 'utf8mb4_0900_ai_ci');
});

test('expressions compare whatever quoting and case they were written with', () => {
  assert.equal(normalizeExpression('CONCAT(`a`, \' X \', b) + 1'), "concat(a,' X ',b)+1");
  assert.equal(normalizeExpression('concat(a,\' X \',`b`) +1'), "concat(a,' X ',b)+1");
  assert.equal(normalizeExpression('a MOD b'), 'a mod b');
  assert.equal(normalizeServerDefault("'it''s'"), "'it''s'");
  assert.equal(normalizeServerDefault('UUID()'), 'uuid()');
});

test('schemaToSql names what it cannot recreate and adds foreign keys last', () => {
  const sql = schemaToSql(
    catalogOf('CREATE TABLE p (id INT PRIMARY KEY) PARTITION BY HASH(id) PARTITIONS 2; CREATE TABLE c (id INT, pid INT, FOREIGN KEY (pid) REFERENCES p2 (id)); CREATE TABLE p2 (id INT PRIMARY KEY); ALTER TABLE ghost ADD COLUMN x INT NULL;', MARIADB),
    MARIADB,
  );
  assert.match(sql, /partition definitions are not tracked/);
  assert.match(sql, /`ghost`: known only from ALTER statements/);
  assert.match(sql, /ALTER TABLE `c` ADD CONSTRAINT `c_ibfk_1` FOREIGN KEY \(`pid`\) REFERENCES `p2` \(`id`\);\n$/);
  assert.ok(sql.indexOf('CREATE TABLE `c`') < sql.indexOf('CREATE TABLE `p2`'), 'tables by name: the keys come after every table');
});
