// Ignore directives through the whole pipeline: real SQL, a catalog from an earlier migration, real rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFile } from '../../server/src/engine/analyze';
import { parseTarget } from '../../server/src/engine/targets';
import { applyDirectives, disableFileEdit, disableNextLineEdit, findDirectives } from '../../server/src/engine/suppress';
import type { TextEdit } from '../../server/src/engine/types';
import { memoryHost, Project } from '../../server/src/engine/project';
import { defaultConfig } from '../../server/src/engine/config';

const target = parseTarget('mysql-8.0')!;
const init = { path: 'db/V1__init.sql', text: 'CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100), name VARCHAR(10));' };

function lint(text: string) {
  const path = 'db/V2__change.sql';
  const project = new Project(memoryHost({ [`/w/${init.path}`]: init.text, [`/w/${path}`]: text }), { root: '/w', config: { ...defaultConfig(), target } });
  return analyzeFile(path, text, { target, catalog: project.fileContext(`/w/${path}`).catalog, rules: { 'missing-lock-wait-timeout': 'off' } });
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

const drops = 'ALTER TABLE users DROP COLUMN email;\nALTER TABLE users\n  DROP COLUMN name;\n';

test('without directives both drops are reported', () => {
  assert.deepEqual(lint(drops).findings.map((f) => f.rule), ['drop-column', 'drop-column']);
});

test('next-line and trailing directives suppress real findings; an unused one is reported', () => {
  const text = '-- lockstep-disable-next-line drop-column -- unused since 2024\nALTER TABLE users DROP COLUMN email;\nALTER TABLE users\n  DROP COLUMN name; # lockstep-disable-line drop-column\n/* lockstep-disable-next-line rename-table */\nALTER TABLE users ADD COLUMN age INT;\n';
  const findings = lint(text).findings;
  assert.deepEqual(findings.map((f) => f.rule), ['unused-ignore']);
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '/* lockstep-disable-next-line rename-table */');
});

test('the code-action edits produce directives that silence the finding', () => {
  let text = drops;
  for (const f of lint(text).findings.reverse()) text = applyEdits(text, disableNextLineEdit(text, f.span, f.rule));
  assert.deepEqual(lint(text).findings, []);
  const fileWide = applyEdits(drops, disableFileEdit(drops, 'drop-column'));
  assert.ok(fileWide.startsWith('-- lockstep-disable drop-column\n'));
  assert.deepEqual(lint(fileWide).findings, []);
});

test('with statement spans a directive above a multi-line statement covers its clauses', () => {
  const text = '-- lockstep-disable-next-line drop-column\nALTER TABLE users\n  DROP COLUMN name;\n';
  const blanked = text.replace(/-- lockstep-disable-next-line drop-column/, (d) => ' '.repeat(d.length));
  const analysis = lint(blanked);
  const raw = analysis.findings.filter((f) => f.rule === 'drop-column');
  assert.equal(raw.length, 1);
  assert.ok(text.slice(raw[0].span.start).startsWith('DROP COLUMN'), 'the finding starts on the clause line, not the statement line');
  const spans = new Map(analysis.statements.map((s) => [s.statement.index, s.statement.span]));
  assert.deepEqual(applyDirectives(text, raw, findDirectives(text), spans), []);
});
