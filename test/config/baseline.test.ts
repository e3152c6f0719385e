import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createBaseline, filterByBaseline, parseBaseline, serializeBaseline, type BaselineFile } from '../../server/src/engine/config';
import type { Finding, Span } from '../../server/src/engine/types';

/** one finding per statement containing `marker`; statements are split on `;` */
function file(path: string, text: string, rule: string, marker: string): BaselineFile {
  const spans = new Map<number, Span>();
  const findings: Finding[] = [];
  let index = 0;
  for (const m of text.matchAll(/[^;]+/g)) {
    const span = { start: m.index, end: m.index + m[0].length };
    spans.set(index, span);
    const at = m[0].indexOf(marker);
    if (at >= 0) findings.push({ rule, severity: 'error', message: `${rule} here`, span: { start: m.index + at, end: m.index + at + marker.length }, statementIndex: index });
    index++;
  }
  return { path, text, findings, statementSpans: spans };
}

const legacy = 'CREATE TABLE a (id INT);\nALTER TABLE users DROP COLUMN email;\n';

test('baselined findings stay hidden after edits elsewhere in the file, and whitespace/comment changes', () => {
  const baseline = createBaseline([file('db/V1__a.sql', legacy, 'drop-column', 'DROP COLUMN')]);
  assert.equal(baseline.entries.length, 1);
  const moved = '-- a note\nCREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n\nALTER TABLE users\n  DROP COLUMN email; -- legacy\n';
  const r = filterByBaseline(file('db/V1__a.sql', moved, 'drop-column', 'DROP COLUMN'), baseline);
  assert.equal(r.baselined, 1);
  assert.deepEqual(r.kept, []);
});

test('a changed statement, another file or another rule is not covered', () => {
  const baseline = createBaseline([file('db/V1__a.sql', legacy, 'drop-column', 'DROP COLUMN')]);
  const changed = legacy.replace('email', 'phone');
  assert.equal(filterByBaseline(file('db/V1__a.sql', changed, 'drop-column', 'DROP COLUMN'), baseline).kept.length, 1);
  assert.equal(filterByBaseline(file('db/V2__b.sql', legacy, 'drop-column', 'DROP COLUMN'), baseline).kept.length, 1);
  assert.equal(filterByBaseline(file('db/V1__a.sql', legacy, 'drop-table', 'DROP COLUMN'), baseline).kept.length, 1);
});

test('identical findings are counted: a new copy of a baselined statement is reported', () => {
  const twice = 'DROP TABLE t;\nDROP TABLE t;\n';
  const baseline = createBaseline([file('m/1.sql', twice, 'drop-table', 'DROP')]);
  assert.equal(baseline.entries[0].count, 2);
  const thrice = `${twice}DROP TABLE t;\n`;
  const r = filterByBaseline(file('m/1.sql', thrice, 'drop-table', 'DROP'), baseline);
  assert.equal(r.baselined, 2);
  assert.equal(r.kept.length, 1);
});

test('serialize and parse round-trip; paths are normalised; bad files are reported', () => {
  const baseline = createBaseline([file('.\\db\\V1__a.sql', legacy, 'drop-column', 'DROP COLUMN')]);
  assert.equal(baseline.entries[0].path, 'db/V1__a.sql');
  const text = serializeBaseline(baseline);
  assert.ok(text.endsWith('\n'));
  const back = parseBaseline(text);
  assert.deepEqual(back.errors, []);
  assert.deepEqual(back.baseline, baseline);
  assert.equal(filterByBaseline(file('db/V1__a.sql', legacy, 'drop-column', 'DROP COLUMN'), back.baseline).kept.length, 0);
  assert.match(parseBaseline('{').errors[0], /invalid baseline JSON/);
  assert.match(parseBaseline('{"version": 2, "entries": []}').errors[0], /unsupported baseline version/);
  assert.match(parseBaseline('{"version": 1, "entries": [{"rule": 1}]}').errors[0], /entries\[0\]/);
});

test('a count that is not a whole number of at least 1 is rejected with the value given', () => {
  const entry = (count: string): string => `{"version": 1, "entries": [{"rule": "drop-column", "path": "a.sql", "fingerprint": "f", "count": ${count}}]}`;
  for (const [count, shown] of [['-5', '-5'], ['"lots"', '"lots"'], ['1e400', '1e400'], ['0', '0'], ['2.5', '2.5']]) {
    const parsed = parseBaseline(entry(count));
    assert.equal(parsed.errors.length, 1, count);
    assert.equal(parsed.errors[0], `entries[0]: \`count\` must be a whole number of at least 1, not ${shown}`);
    assert.deepEqual(parsed.baseline.entries, [], count);
  }
  assert.equal(parseBaseline(entry('3')).baseline.entries[0].count, 3);
  assert.deepEqual(parseBaseline(entry('3')).errors, []);
});
