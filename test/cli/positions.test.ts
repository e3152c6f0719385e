// Offsets → zero-based line/character, the conversion every reporter shares.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../server/src/cli/positions';

test('\\n, \\r\\n and a lone \\r all end a line', () => {
  const text = 'a\nbc\r\ndef\rg';
  const idx = new LineIndex(text);
  assert.deepEqual(idx.position(0), { line: 0, character: 0 });
  assert.deepEqual(idx.position(text.indexOf('c')), { line: 1, character: 1 });
  assert.deepEqual(idx.position(text.indexOf('d')), { line: 2, character: 0 });
  assert.deepEqual(idx.position(text.indexOf('g')), { line: 3, character: 0 });
  assert.equal(idx.lineText(1), 'bc');
});

test('characters are UTF-16 code units, as in LSP', () => {
  const text = "-- 🚀 deploy\nALTER TABLE t DROP c;";
  const idx = new LineIndex(text);
  assert.deepEqual(idx.position(text.indexOf('deploy')), { line: 0, character: 6 });
  assert.deepEqual(idx.range({ start: text.indexOf('ALTER'), end: text.length }), {
    start: { line: 1, character: 0 },
    end: { line: 1, character: 'ALTER TABLE t DROP c;'.length },
  });
});

test('offsets past the end are clamped', () => {
  const idx = new LineIndex('x\ny');
  assert.deepEqual(idx.position(99), { line: 1, character: 1 });
  assert.deepEqual(idx.position(-5), { line: 0, character: 0 });
});
