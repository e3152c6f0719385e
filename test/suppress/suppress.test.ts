import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyDirectives, disableFileEdit, disableNextLineEdit, findDirectives } from '../../server/src/engine/suppress';
import type { Finding, TextEdit } from '../../server/src/engine/types';

/** a finding of `rule` starting at the first occurrence of `marker` */
function at(text: string, marker: string, rule: string, statementIndex?: number): Finding {
  const start = text.indexOf(marker);
  assert.ok(start >= 0, `marker ${marker}`);
  return { rule, severity: 'error', message: rule, span: { start, end: start + marker.length }, statementIndex };
}

function run(text: string, findings: Finding[]) {
  return applyDirectives(text, findings, findDirectives(text));
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

test('disable-next-line in --, # and /* */ forms suppresses the named rule on the next code line only', () => {
  for (const comment of ['-- lockstep-disable-next-line drop-column -- legacy column, unused since 2023', '# lockstep-disable-next-line drop-column', '/* lockstep-disable-next-line drop-column */']) {
    const text = `${comment}\nALTER TABLE u DROP COLUMN a;\nALTER TABLE u DROP COLUMN b;\n`;
    const kept = run(text, [at(text, 'DROP COLUMN a', 'drop-column'), at(text, 'DROP COLUMN b', 'drop-column')]);
    assert.deepEqual(kept.map((f) => text.slice(f.span.start, f.span.end)), ['DROP COLUMN b'], comment);
  }
});

test('the reason after -- is kept apart from the rule list; commas and spaces separate ids', () => {
  const [d] = findDirectives('-- lockstep-disable-next-line drop-column, add-index rename-table -- we own this table\nSELECT 1;');
  assert.deepEqual(d.rules, ['drop-column', 'add-index', 'rename-table']);
  assert.equal(d.reason, 'we own this table');
  assert.equal(d.line, 1);
});

test('next-line skips blank and comment lines, so stacked directives apply to one statement', () => {
  const text = '-- lockstep-disable-next-line drop-column\n\n-- lockstep-disable-next-line add-index\n/* note */\nALTER TABLE u DROP COLUMN a, ADD INDEX i (b);\n';
  const kept = run(text, [at(text, 'DROP COLUMN', 'drop-column'), at(text, 'ADD INDEX', 'add-index')]);
  assert.deepEqual(kept, []);
});

test('trailing disable-line applies to its own line; other rules are still reported', () => {
  const text = 'ALTER TABLE u DROP COLUMN a; -- lockstep-disable-line drop-column\nALTER TABLE u ADD INDEX i (b);\n';
  const kept = run(text, [at(text, 'DROP COLUMN', 'drop-column'), at(text, 'DROP COLUMN', 'add-index'), at(text, 'ADD INDEX', 'drop-column')]);
  assert.deepEqual(kept.map((f) => f.rule).sort(), ['add-index', 'drop-column']);
  assert.equal(kept.find((f) => f.rule === 'drop-column')!.span.start, text.indexOf('ADD INDEX'));
});

test('file-wide directive, and a directive without rules disables every rule', () => {
  const text = 'SELECT 1;\n-- lockstep-disable drop-table\nDROP TABLE a;\nDROP TABLE b;\n';
  assert.deepEqual(run(text, [at(text, 'DROP TABLE a', 'drop-table'), at(text, 'DROP TABLE b', 'drop-table')]), []);
  const all = '-- lockstep-disable-next-line\nDROP TABLE a;\n';
  assert.deepEqual(run(all, [at(all, 'DROP', 'drop-table'), at(all, 'DROP', 'destructive-statement')]), []);
});

test('a directive inside a string literal or an executable comment is not a directive', () => {
  const text = "INSERT INTO t VALUES ('-- lockstep-disable drop-table');\nSET @s = \"# lockstep-disable\";\n/*! lockstep-disable drop-table */ DROP TABLE a;\n";
  assert.deepEqual(findDirectives(text).length, 0);
  assert.equal(run(text, [at(text, 'DROP TABLE a', 'drop-table')]).length, 1);
});

test('with statement spans, a directive above a multi-line statement covers findings on its later lines', () => {
  const text = '-- lockstep-disable-next-line not-null-without-default\nALTER TABLE users\n  ADD c INT NOT NULL;\n';
  const finding = at(text, 'ADD c', 'not-null-without-default', 0);
  assert.equal(run(text, [finding]).filter((f) => f.rule !== 'unused-ignore').length, 1, 'without spans: only the start line');
  const kept = applyDirectives(text, [finding], findDirectives(text), new Map([[0, { start: text.indexOf('ALTER'), end: text.indexOf(';') }]]));
  assert.deepEqual(kept, []);
});

test('unused directive: warning on the directive with a fix that deletes the whole comment line', () => {
  const text = 'SELECT 1;\n  -- lockstep-disable-next-line drop-column\nALTER TABLE u ADD c INT;\n';
  const [f] = run(text, []);
  assert.equal(f.rule, 'unused-ignore');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /drop-column.*line 3/);
  assert.equal(text.slice(f.span.start, f.span.end), '-- lockstep-disable-next-line drop-column');
  assert.equal(applyEdits(text, f.fixes![0].edits), 'SELECT 1;\nALTER TABLE u ADD c INT;\n');
});

test('unused trailing directive: the fix keeps the code', () => {
  const text = 'ALTER TABLE u ADD c INT; # lockstep-disable-line add-index\n';
  const [f] = run(text, []);
  assert.equal(applyEdits(text, f.fixes![0].edits), 'ALTER TABLE u ADD c INT;\n');
});

test('partly used directive: only the unused id is reported, its fix removes just that id', () => {
  const text = '-- lockstep-disable-next-line drop-column, add-index -- reason\nALTER TABLE u DROP COLUMN a;\n';
  const kept = run(text, [at(text, 'DROP COLUMN', 'drop-column')]);
  assert.equal(kept.length, 1);
  assert.equal(text.slice(kept[0].span.start, kept[0].span.end), 'add-index');
  assert.equal(applyEdits(text, kept[0].fixes![0].edits), '-- lockstep-disable-next-line drop-column -- reason\nALTER TABLE u DROP COLUMN a;\n');
});

test('unknown rule ids are reported with a did-you-mean fix', () => {
  const text = '-- lockstep-disable-next-line drop-colum\nALTER TABLE u DROP COLUMN a;\n';
  const kept = run(text, [at(text, 'DROP COLUMN', 'drop-column')]);
  const unknown = kept.find((f) => f.rule === 'unused-ignore')!;
  assert.match(unknown.message, /Unknown rule `drop-colum`.*did you mean `drop-column`/);
  assert.equal(applyEdits(text, unknown.fixes![0].edits), '-- lockstep-disable-next-line drop-column\nALTER TABLE u DROP COLUMN a;\n');
  assert.ok(kept.some((f) => f.rule === 'drop-column'), 'the misspelt directive suppresses nothing');
});

test('unused-ignore findings can themselves be disabled file-wide', () => {
  const text = '-- lockstep-disable unused-ignore\n-- lockstep-disable-next-line drop-table\nSELECT 1;\n';
  assert.deepEqual(run(text, []), []);
});

test('disableNextLineEdit inserts an indented directive, or merges into the one above', () => {
  const text = 'ALTER TABLE u\n    DROP COLUMN a;\n';
  const edits = disableNextLineEdit(text, { start: text.indexOf('DROP'), end: text.indexOf(';') }, 'drop-column');
  const once = applyEdits(text, edits);
  assert.equal(once, 'ALTER TABLE u\n    -- lockstep-disable-next-line drop-column\n    DROP COLUMN a;\n');
  const twice = applyEdits(once, disableNextLineEdit(once, { start: once.indexOf('DROP COLUMN'), end: once.indexOf(';') }, 'column-reorder'));
  assert.equal(twice, 'ALTER TABLE u\n    -- lockstep-disable-next-line drop-column, column-reorder\n    DROP COLUMN a;\n');
  assert.deepEqual(disableNextLineEdit(twice, { start: twice.indexOf('DROP COLUMN'), end: twice.indexOf(';') }, 'drop-column'), []);
  const crlf = 'SELECT 1;\r\nDROP TABLE t;\r\n';
  assert.equal(applyEdits(crlf, disableNextLineEdit(crlf, { start: crlf.indexOf('DROP'), end: crlf.length }, 'drop-table')), 'SELECT 1;\r\n-- lockstep-disable-next-line drop-table\r\nDROP TABLE t;\r\n');
});

test('an inserted directive really suppresses the finding', () => {
  const text = 'CREATE TABLE a (id INT);\n  ALTER TABLE u DROP COLUMN a;\n';
  const fixed = applyEdits(text, disableNextLineEdit(text, { start: text.indexOf('ALTER'), end: text.length }, 'drop-column'));
  assert.deepEqual(run(fixed, [at(fixed, 'ALTER', 'drop-column')]), []);
});

test('disableFileEdit goes to the top, after a runner header, or merges into the existing directive', () => {
  assert.equal(applyEdits('DROP TABLE t;\n', disableFileEdit('DROP TABLE t;\n', 'drop-table')), '-- lockstep-disable drop-table\nDROP TABLE t;\n');
  const lb = '--liquibase formatted sql\n\n--changeset a:1\nDROP TABLE t;\n';
  assert.equal(applyEdits(lb, disableFileEdit(lb, 'drop-table')), '--liquibase formatted sql\n-- lockstep-disable drop-table\n\n--changeset a:1\nDROP TABLE t;\n');
  const dbmate = '-- migrate:up\nDROP TABLE t;\n-- migrate:down\n';
  assert.equal(applyEdits(dbmate, disableFileEdit(dbmate, 'drop-table')), '-- migrate:up\n-- lockstep-disable drop-table\nDROP TABLE t;\n-- migrate:down\n');
  const existing = '/* lockstep-disable add-index -- big table handled by gh-ost */\nDROP TABLE t;\n';
  assert.equal(applyEdits(existing, disableFileEdit(existing, 'drop-table')), '/* lockstep-disable add-index, drop-table -- big table handled by gh-ost */\nDROP TABLE t;\n');
});

test('never throws on odd input', () => {
  for (const text of ['', '/*', "'unterminated", '-- lockstep-disable-next-line', '#', '--\n--']) {
    assert.doesNotThrow(() => run(text, [{ rule: 'x', severity: 'info', message: '', span: { start: 0, end: 0 } }]));
    assert.doesNotThrow(() => disableNextLineEdit(text, { start: text.length, end: text.length }, 'drop-table'));
  }
});
