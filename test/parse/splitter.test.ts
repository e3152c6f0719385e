// Statement splitting: exact offsets for every construct real migration files contain.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse, topLevelTexts } from './helpers';

test('comments around and inside statements are not part of the span', () => {
  const sql = '-- header\nSELECT 1; # hash comment\n/* block; */ SELECT 2 -- trailing;\n;\n';
  assert.deepEqual(topLevelTexts(sql), ['SELECT 1', 'SELECT 2']);
});

test('`--` without a space is a comment at a line start (as migration runners treat it), not mid-line', () => {
  assert.deepEqual(topLevelTexts('--comment; still comment\nSELECT 1;'), ['SELECT 1']);
  assert.deepEqual(topLevelTexts('SELECT 1--2;'), ['SELECT 1--2']);
  assert.deepEqual(topLevelTexts('SELECT 1 --\tx;\n;'), ['SELECT 1']);
});

test('delimiters inside quotes, backticks and escapes do not split', () => {
  const sql = "INSERT INTO t VALUES ('a;b', \"c\\\";d\", 'e'';f');SELECT `x;``y` FROM t;";
  assert.deepEqual(topLevelTexts(sql), ["INSERT INTO t VALUES ('a;b', \"c\\\";d\", 'e'';f')", 'SELECT `x;``y` FROM t']);
});

for (const delimiter of [';;', '$$', '//', 'd//', '🐬']) {
  test(`DELIMITER ${delimiter} with a routine body`, () => {
    const body = 'CREATE PROCEDURE p()\nBEGIN\n  ALTER TABLE t ADD c INT;\n  SELECT 1;\nEND';
    const sql = `DELIMITER ${delimiter}\n${body}${delimiter}\nDELIMITER ;\nCALL p();\nDROP PROCEDURE p;\n`;
    assert.deepEqual(topLevelTexts(sql), [body, 'CALL p()', 'DROP PROCEDURE p']);
  });
}

test('routine bodies without a DELIMITER line: BEGIN/IF/WHILE/CASE/LOOP/REPEAT … END nesting', () => {
  const routine =
    'CREATE DEFINER=`root`@`%` PROCEDURE p()\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = \'t\') THEN\n' +
    '    ALTER TABLE t ADD c INT;\n  END IF;\n  WHILE i < 3 DO SET i = i + 1; END WHILE;\n  CASE WHEN x THEN SELECT 2; ELSE BEGIN SELECT 3; END; END CASE;\n' +
    '  l: LOOP LEAVE l; END LOOP l;\n  REPEAT SET i = i - 1; UNTIL i = 0 END REPEAT;\n  SET s = IF(a, REPEAT(\'x\', 2), \'y\');\nEND';
  const sql = `${routine};\nSELECT 4;`;
  assert.deepEqual(topLevelTexts(sql), [routine, 'SELECT 4']);
});

test('a trigger without BEGIN ends at the first delimiter', () => {
  const sql = 'CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1; SELECT 1;';
  assert.deepEqual(topLevelTexts(sql), ['CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1', 'SELECT 1']);
});

test('an unclosed routine body does not swallow the rest of the file', () => {
  const sql = 'CREATE PROCEDURE p() BEGIN SELECT 1;\nALTER TABLE t ADD c INT;\n';
  assert.deepEqual(topLevelTexts(sql), ['CREATE PROCEDURE p() BEGIN SELECT 1', 'ALTER TABLE t ADD c INT']);
});

test('BEGIN as a transaction at top level is its own statement', () => {
  assert.deepEqual(topLevelTexts('BEGIN;\nUPDATE t SET a = 1 WHERE id = 1;\nCOMMIT;'), ['BEGIN', 'UPDATE t SET a = 1 WHERE id = 1', 'COMMIT']);
});

test('MariaDB BEGIN NOT ATOMIC block without DELIMITER', () => {
  const block = 'BEGIN NOT ATOMIC\n  IF 1 THEN ALTER TABLE t ADD c INT; END IF;\nEND';
  assert.deepEqual(topLevelTexts(`${block};\nSELECT 1;`, 'mariadb-10.11'), [block, 'SELECT 1']);
});

test('USE without a delimiter ends at the line end; \\G ends a statement; client commands are skipped', () => {
  assert.deepEqual(topLevelTexts('USE db\nALTER TABLE t ADD c INT;'), ['USE db', 'ALTER TABLE t ADD c INT']);
  assert.deepEqual(topLevelTexts('SELECT 1\\G\nSELECT 2;'), ['SELECT 1', 'SELECT 2']);
  assert.deepEqual(topLevelTexts('source other.sql\n\\. more.sql\nSELECT 1;'), ['SELECT 1']);
});

test('offsets are UTF-16 code units and survive CRLF and astral characters', () => {
  const sql = '-- 😀 emoji\r\nALTER TABLE `tä😀` ADD c INT;\r\nSELECT 1;\r\n';
  const statements = parse(sql);
  assert.equal(sql.slice(statements[0].span.start, statements[0].span.end), 'ALTER TABLE `tä😀` ADD c INT');
  assert.equal(statements[0].tables[0], 'tä😀');
  assert.equal(sql.slice(statements[0].operations[0].span.start, statements[0].operations[0].span.end), 'ADD c INT');
});

test('a file with only comments or whitespace has no statements; a last statement needs no delimiter', () => {
  assert.deepEqual(topLevelTexts('-- nothing\n/* here */\n  \n'), []);
  assert.deepEqual(topLevelTexts('ALTER TABLE t DROP COLUMN c  -- no semicolon'), ['ALTER TABLE t DROP COLUMN c']);
});
