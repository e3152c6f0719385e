// MySQL /*!NNNNN … */ and MariaDB /*M!NNNNNN … */: run when the target would run them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unwrapExecutableComments } from '../../server/src/engine/parse/executable-comments';
import { parse, target, topLevelTexts } from './helpers';

test('mysqldump headers and views are unwrapped with offsets unchanged', () => {
  const sql = "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/*!50001 CREATE ALGORITHM=UNDEFINED VIEW v AS SELECT 1 */;\n/*!40000 ALTER TABLE `t` DISABLE KEYS */;";
  const unwrapped = unwrapExecutableComments(sql, target('mysql-8.0'));
  assert.equal(unwrapped.length, sql.length);
  assert.deepEqual(topLevelTexts(sql), ['SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT', 'CREATE ALGORITHM=UNDEFINED VIEW v AS SELECT 1', 'ALTER TABLE `t` DISABLE KEYS']);
  const kinds = parse(sql).map((s) => s.kind);
  assert.deepEqual(kinds, ['set', 'create-view', 'alter-table']);
  assert.equal(parse(sql)[2].operations[0].kind, 'disable-keys');
});

test('version gates: newer than the target stays a comment', () => {
  const sql = '/*!80023 ALTER TABLE t ALTER INDEX i INVISIBLE */;\nSELECT 1;';
  assert.deepEqual(topLevelTexts(sql, 'mysql-5.7'), ['SELECT 1']);
  assert.deepEqual(topLevelTexts(sql, 'mysql-8.0.35'), ['ALTER TABLE t ALTER INDEX i INVISIBLE', 'SELECT 1']);
});

test('MariaDB-only comments run on MariaDB only', () => {
  const sql = '/*M!100100 ALTER TABLE t ADD c INT */;\nSELECT 1;';
  assert.deepEqual(topLevelTexts(sql, 'mysql-8.0'), ['SELECT 1']);
  assert.deepEqual(topLevelTexts(sql, 'mariadb-10.11'), ['ALTER TABLE t ADD c INT', 'SELECT 1']);
});

test('executable comments inside a statement and comment markers inside strings', () => {
  const sql = "CREATE TABLE t (id INT) /*!50100 PARTITION BY HASH(id) */;\nSELECT '/*!50001 not a comment */';";
  const list = parse(sql);
  const create = list[0].operations[0];
  assert.ok(create.kind === 'create-table');
  assert.equal(create.partitioned, true);
  assert.equal(sql.slice(list[1].span.start, list[1].span.end), "SELECT '/*!50001 not a comment */'");
});

test('a trigger dumped by mysqldump (/*!50003 … */ pieces with ;; delimiter)', () => {
  const sql =
    'DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW BEGIN\n  SET NEW.updated = NOW();\nEND */;;\nDELIMITER ;\n';
  const list = parse(sql);
  assert.equal(list[0].kind, 'create-routine');
  assert.deepEqual(list[0].tables, ['t']);
  assert.equal(list[1].kind, 'set');
  assert.equal(list[1].origin, 'routine-body');
});
