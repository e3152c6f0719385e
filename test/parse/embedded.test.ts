// DDL inside routine bodies and PREPARE'd string literals: extracted, analyzed, spans in the file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from './helpers';

const slice = (sql: string, span: { start: number; end: number }) => sql.slice(span.start, span.end);

test('statements in a procedure body follow their container, with file spans', () => {
  const sql =
    'DELIMITER d//\nCREATE PROCEDURE add_col()\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_NAME = \'t\' AND COLUMN_NAME = \'c\') THEN\n' +
    '    ALTER TABLE t ADD COLUMN c INT NOT NULL DEFAULT 0;\n  ELSEIF 1 THEN\n    UPDATE t SET c = 1;\n  END IF;\nEND;\nd//\nDELIMITER ;\nCALL add_col();\n';
  const list = parse(sql);
  assert.deepEqual(list.map((s) => [s.index, s.kind, s.origin, s.parentIndex ?? null]), [
    [0, 'create-routine', 'top-level', null],
    [1, 'alter-table', 'routine-body', 0],
    [2, 'update', 'routine-body', 0],
    [3, 'call', 'top-level', null],
  ]);
  assert.equal(list[0].analyzed, true);
  assert.equal(slice(sql, list[1].span), 'ALTER TABLE t ADD COLUMN c INT NOT NULL DEFAULT 0');
  assert.equal(slice(sql, list[1].operations[0].span), 'ADD COLUMN c INT NOT NULL DEFAULT 0');
  assert.equal(list[2].dml?.hasWhere, false);
});

test('routine bodies without DELIMITER, triggers and events', () => {
  const sql =
    'CREATE PROCEDURE p() BEGIN DECLARE x INT; l: WHILE x < 1 DO CREATE INDEX i ON t (a); SET x = x + 1; END WHILE l; END;\n' +
    'CREATE TRIGGER tr AFTER INSERT ON orders FOR EACH ROW INSERT INTO audit (id) VALUES (NEW.id);\n' +
    'CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM logs WHERE created < NOW() - INTERVAL 30 DAY;\n';
  const list = parse(sql);
  assert.deepEqual(list.map((s) => [s.kind, s.origin, slice(sql, s.span).slice(0, 30)]), [
    ['create-routine', 'top-level', 'CREATE PROCEDURE p() BEGIN DEC'],
    ['create-index', 'routine-body', 'CREATE INDEX i ON t (a)'],
    ['set', 'routine-body', 'SET x = x + 1'],
    ['create-routine', 'top-level', 'CREATE TRIGGER tr AFTER INSERT'],
    ['insert', 'routine-body', 'INSERT INTO audit (id) VALUES '],
    ['create-routine', 'top-level', 'CREATE EVENT e ON SCHEDULE EVE'],
    ['delete', 'routine-body', 'DELETE FROM logs WHERE created'],
  ]);
  assert.deepEqual(list[3].tables, ['orders']);
});

test('SET @s = (SELECT IF(cond, \'ALTER …\', \'SELECT 1\')); PREPARE; EXECUTE', () => {
  const sql =
    "SET @s = (SELECT IF((SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'c') = 0,\n" +
    "  'ALTER TABLE t ADD COLUMN c VARCHAR(10) NOT NULL DEFAULT \\'x\\'', 'SELECT 1'));\nPREPARE stmt FROM @s;\nEXECUTE stmt;\nDEALLOCATE PREPARE stmt;";
  const list = parse(sql);
  assert.deepEqual(list.map((s) => [s.kind, s.origin, s.parentIndex ?? null]), [
    ['set', 'top-level', null],
    ['alter-table', 'prepared-string', 0],
    ['prepare', 'top-level', null],
    ['prepare', 'top-level', null],
    ['prepare', 'top-level', null],
  ]);
  const inner = list[1];
  assert.equal(inner.sql, "ALTER TABLE t ADD COLUMN c VARCHAR(10) NOT NULL DEFAULT 'x'", 'escapes are decoded');
  assert.equal(slice(sql, inner.span), "ALTER TABLE t ADD COLUMN c VARCHAR(10) NOT NULL DEFAULT \\'x\\'", 'the span covers the literal as written');
  const op = inner.operations[0];
  assert.ok(op.kind === 'add-column');
  assert.equal(slice(sql, op.span), "ADD COLUMN c VARCHAR(10) NOT NULL DEFAULT \\'x\\'");
  assert.deepEqual(op.column.default, { kind: 'literal', text: "'x'" });
});

test('SET @s = \'…\' and doubled-quote escapes; PREPARE FROM a literal', () => {
  const sql = "SET @sql = 'ALTER TABLE t ADD COLUMN note VARCHAR(5) DEFAULT ''n/a''';\nPREPARE q FROM @sql;\nPREPARE r FROM 'DROP INDEX i ON t';";
  const list = parse(sql);
  const prepared = list.filter((s) => s.origin === 'prepared-string');
  assert.deepEqual(prepared.map((s) => [s.kind, slice(sql, s.span)]), [
    ['alter-table', "ALTER TABLE t ADD COLUMN note VARCHAR(5) DEFAULT ''n/a''"],
    ['drop-index', 'DROP INDEX i ON t'],
  ]);
  assert.equal(prepared[0].sql, "ALTER TABLE t ADD COLUMN note VARCHAR(5) DEFAULT 'n/a'");
  assert.equal(prepared[1].parentIndex, list.findIndex((s) => s.sql.startsWith('PREPARE r')));
});

test('CONCAT of literals is joined and mapped across the pieces; CONCAT with variables is not guessed', () => {
  const sql = "SET @q = CONCAT('ALTER TABLE orders ', 'ADD INDEX idx_u (user_id)');\nPREPARE s FROM @q;\nSET @r = CONCAT('ALTER TABLE ', @tbl, ' DROP COLUMN x');\nPREPARE s2 FROM @r;";
  const list = parse(sql);
  const prepared = list.filter((s) => s.origin === 'prepared-string');
  assert.equal(prepared.length, 1);
  assert.equal(prepared[0].sql, 'ALTER TABLE orders ADD INDEX idx_u (user_id)');
  assert.equal(prepared[0].tables[0], 'orders');
  const op = prepared[0].operations[0];
  assert.equal(slice(sql, op.span), 'ADD INDEX idx_u (user_id)');
  assert.equal(slice(sql, prepared[0].span), "ALTER TABLE orders ', 'ADD INDEX idx_u (user_id)");
});

test('a string never PREPARE\'d is left alone', () => {
  const list = parse("SET @note = 'ALTER TABLE t ADD c INT';\nSELECT @note;");
  assert.equal(list.filter((s) => s.origin === 'prepared-string').length, 0);
});

test('PREPARE inside a routine body: the string DDL is extracted from the body statement', () => {
  const sql = "CREATE PROCEDURE p() BEGIN SET @s = 'ALTER TABLE t DROP COLUMN old'; PREPARE st FROM @s; EXECUTE st; END;";
  const list = parse(sql);
  const alter = list.find((s) => s.kind === 'alter-table');
  assert.ok(alter);
  assert.equal(alter.origin, 'prepared-string');
  assert.equal(list[alter.parentIndex!].kind, 'set');
  assert.equal(list[alter.parentIndex!].origin, 'routine-body');
  assert.equal(slice(sql, alter.operations[0].span), 'DROP COLUMN old');
});

test('MariaDB EXECUTE IMMEDIATE with a literal, a CONCAT of literals, or a variable', () => {
  const sql =
    "EXECUTE IMMEDIATE 'ALTER TABLE t ADD COLUMN a INT';\n" +
    "EXECUTE IMMEDIATE CONCAT('ALTER TABLE t ', 'DROP COLUMN b');\n" +
    "SET @ddl = 'CREATE INDEX ic ON t (c)';\nEXECUTE IMMEDIATE @ddl;";
  const prepared = parse(sql, 'mariadb-10.11').filter((s) => s.origin === 'prepared-string');
  assert.deepEqual(prepared.map((s) => [s.kind, slice(sql, s.span)]), [
    ['alter-table', 'ALTER TABLE t ADD COLUMN a INT'],
    ['alter-table', "ALTER TABLE t ', 'DROP COLUMN b"],
    ['create-index', 'CREATE INDEX ic ON t (c)'],
  ]);
  assert.deepEqual(prepared.map((s) => s.operations[0].kind), ['add-column', 'drop-column', 'add-index']);
});

test('a procedure whose body is one statement without BEGIN', () => {
  const sql = "CREATE PROCEDURE p() COMMENT 'adds c' MODIFIES SQL DATA ALTER TABLE t ADD COLUMN c INT;";
  const list = parse(sql);
  assert.deepEqual(list.map((s) => [s.kind, s.origin, slice(sql, s.span)]), [
    ['create-routine', 'top-level', sql.slice(0, -1)],
    ['alter-table', 'routine-body', 'ALTER TABLE t ADD COLUMN c INT'],
  ]);
});

test('MariaDB BEGIN NOT ATOMIC block: an anonymous compound statement, not a transaction', () => {
  const sql = "BEGIN NOT ATOMIC\n  IF NOT EXISTS (SELECT 1 FROM information_schema.statistics WHERE index_name = 'ix') THEN\n    CREATE INDEX ix ON t (a);\n  END IF;\nEND;";
  const list = parse(sql, 'mariadb-10.11');
  assert.deepEqual(list.map((s) => [s.kind, s.origin]), [['other', 'top-level'], ['create-index', 'routine-body']]);
  assert.equal(slice(sql, list[1].span), 'CREATE INDEX ix ON t (a)');
});
