// A quote, backtick or `/*` never closed, or a custom delimiter never ended, makes the rest of the
// file unreadable: it is reported from where it opens to the end of the file, never checked silently
// and never quoted back in the message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFile } from '../../server/src/engine';
import type { Statement } from '../../server/src/engine/types';
import { parse, target } from './helpers';

/** the last statement, which must be the unanalyzed rest of the file */
function lastUnanalyzed(sql: string, label = 'mysql-8.0'): Statement {
  const statements = parse(sql, label);
  const last = statements[statements.length - 1];
  assert.ok(last, 'no statement');
  assert.equal(last.analyzed, false, `analyzed: ${sql.slice(last.span.start, last.span.end)}`);
  return last;
}

function spanText(sql: string, s: Statement): string {
  return sql.slice(s.span.start, s.span.end);
}

const HEAD = 'ALTER TABLE t ADD c INT;\n';

const CASES: Array<{ name: string; sql: string; opens: string; says: RegExp }> = [
  { name: 'a string', sql: `${HEAD}SELECT 'abc;\nDROP TABLE users;\n`, opens: "'abc;\nDROP TABLE users;", says: /string opened here is never closed/ },
  { name: 'a double-quoted string ending in a backslash', sql: `${HEAD}SELECT "abc\\";\nDROP TABLE users;`, opens: '"abc\\";\nDROP TABLE users;', says: /string opened here/ },
  { name: 'a doubled quote at the end', sql: `${HEAD}SELECT 'it''`, opens: "'it''", says: /string opened here/ },
  { name: 'a backtick', sql: `${HEAD}DROP TABLE \`users;\nDROP TABLE x;\n`, opens: '`users;\nDROP TABLE x;', says: /backtick-quoted name opened here is never closed/ },
  { name: 'a block comment', sql: `${HEAD}/* oops\nDROP TABLE users;\n`, opens: '/* oops\nDROP TABLE users;', says: /\/\* comment opened here is never closed/ },
  { name: 'a DELIMITER never set back', sql: `${HEAD}DELIMITER $$\nDROP TABLE users;\nDROP TABLE x;\n`, opens: 'DROP TABLE users;\nDROP TABLE x;', says: /delimiter \$\$ never ends this statement/ },
];

for (const c of CASES) {
  test(`${c.name} never closed: the rest of the file is one unanalyzed statement from where it opens`, () => {
    const statements = parse(c.sql);
    assert.equal(statements[0].analyzed, true);
    assert.deepEqual(statements[0].operations.map((o) => o.kind), ['add-column']);
    const last = lastUnanalyzed(c.sql);
    assert.equal(statements.length, 2);
    assert.equal(spanText(c.sql, last), c.opens);
    assert.match(last.problems[0], c.says);
    assert.match(last.problems[0], /rest of the file|end of the file/);
    assert.doesNotMatch(last.problems[0], /users|DROP|abc|oops/);
    assert.deepEqual(last.tables, []);
  });
}

test('the finding for a file left open spans to its end and names no swallowed text; nothing after it is reported as checked', () => {
  const sql = `${HEAD}DROP TABLE \`users;\nDROP TABLE x;\n`;
  const analysis = analyzeFile('m.sql', sql, { target: target() });
  assert.deepEqual(analysis.findings.filter((f) => f.rule === 'drop-table'), []);
  const unparsed = analysis.findings.filter((f) => f.rule === 'unparsed-statement');
  assert.equal(unparsed.length, 1);
  assert.equal(sql.slice(unparsed[0].span.start, unparsed[0].span.end), '`users;\nDROP TABLE x;');
  assert.match(unparsed[0].message, /^Lockstep could not parse this statement, so it was not checked: the backtick-quoted name opened here is never closed, so the rest of the file reads as part of it and was not checked either$/);
});

test('a statement before a comment left open is still checked; the comment is reported on its own', () => {
  const sql = 'ALTER TABLE t ADD c INT /* oops\nDROP TABLE users;';
  const statements = parse(sql);
  assert.deepEqual(statements.map((s) => [spanText(sql, s), s.analyzed]), [
    ['ALTER TABLE t ADD c INT', true],
    ['/* oops\nDROP TABLE users;', false],
  ]);
});

test('an executable comment the target does not run, never closed, is a comment left open', () => {
  const sql = 'SELECT 1; /*!99999 DROP TABLE users;';
  const last = lastUnanalyzed(sql);
  assert.equal(spanText(sql, last), '/*!99999 DROP TABLE users;');
  assert.match(last.problems[0], /comment opened here/);
});

test('a custom delimiter too long or unprintable to quote is not repeated in the message', () => {
  const delimiter = '\u001b[2J'.repeat(10);
  const last = lastUnanalyzed(`DELIMITER ${delimiter}\nDROP TABLE a;\nDROP TABLE b;`);
  assert.match(last.problems[0], /^the custom delimiter never ends this statement/);
  assert.ok(!last.problems[0].includes('\u001b'));
});

test('files whose quotes, comments and delimiters all close are not reported', () => {
  const closed = [
    "SELECT 'a;b', `c;d`, \"e\\\"f\" /* g; */;\nDROP TABLE x;",
    "SELECT 'it''s'",
    // a custom delimiter still in force at the end of the file is normal after the last routine
    'DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\n',
    // the last statement needs no delimiter: one routine, or one statement with a `;` at its end
    'DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END\n',
    'DELIMITER $$\nDROP TABLE x;\n',
    '/* a closed comment */ -- and a line comment',
  ];
  for (const sql of closed) {
    for (const s of parse(sql)) assert.equal(s.analyzed, true, `${JSON.stringify(sql)}: ${spanText(sql, s)} — ${s.problems[0]}`);
  }
});

test('a routine under a custom delimiter that is never ended, followed by more statements, is reported', () => {
  const sql = 'DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END\nDELIMITER ;\nDROP TABLE users;\n';
  const last = lastUnanalyzed(sql);
  assert.equal(spanText(sql, last), 'CREATE PROCEDURE p() BEGIN SELECT 1; END\nDELIMITER ;\nDROP TABLE users;');
  assert.match(last.problems[0], /DELIMITER ; line missing/);
});

test('statements after a routine that use ; while DELIMITER $$ is still in force are reported from the first of them', () => {
  const routine = 'CREATE PROCEDURE p() BEGIN SELECT 1; END';
  const sql = `DELIMITER $$\n${routine}$$\nALTER TABLE t ADD c INT;\nDROP TABLE users;\n`;
  const statements = parse(sql);
  assert.equal(spanText(sql, statements[0]), routine);
  assert.equal(statements[0].analyzed, true);
  const last = lastUnanalyzed(sql);
  assert.equal(spanText(sql, last), 'ALTER TABLE t ADD c INT;\nDROP TABLE users;');
  assert.match(last.problems[0], /^the delimiter \$\$ never ends this statement/);
});
