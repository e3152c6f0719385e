// Random mixes of SQL fragments, comments, quotes and directives: the ignore, config and
// convention code never throws and keeps offsets inside the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../../server/src/engine/config';
import { applyDirectives, disableFileEdit, disableNextLineEdit, findDirectives } from '../../server/src/engine/suppress';
import { migrationText } from '../../server/src/engine/workspace';

const PIECES = ['ALTER TABLE t DROP COLUMN c;', '\n', '\r\n', '  ', "'", '"', '`', '\\', '--', '-- ', '#', '/*', '*/', '/*!50001', ';', 'lockstep-disable', 'lockstep-disable-next-line', 'lockstep-disable-line', ' drop-column', ',', ' -- reason', '-- migrate:up', '-- migrate:down', '{', '}', '[', ']', ':', '"rules"', '"target"', '1', 'null'];

function randomText(seed: number): string {
  let x = seed;
  const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  let out = '';
  const n = Math.floor(next() * 40);
  for (let i = 0; i < n; i++) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

test('never throws and spans stay inside the text', () => {
  for (let seed = 1; seed <= 400; seed++) {
    const text = randomText(seed);
    const directives = findDirectives(text);
    for (const d of directives) assert.ok(d.span.start >= 0 && d.span.end <= text.length && d.span.start < d.span.end, `seed ${seed}`);
    const findings = [{ rule: 'drop-column', severity: 'error' as const, message: '', span: { start: Math.floor(text.length / 2), end: text.length } }];
    for (const f of applyDirectives(text, findings, directives)) {
      assert.ok(f.span.start >= 0 && f.span.end <= text.length, `seed ${seed}`);
      for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(e.span.start >= 0 && e.span.end <= text.length && e.span.start <= e.span.end, `seed ${seed}`);
    }
    for (const e of [...disableNextLineEdit(text, findings[0].span, 'drop-column'), ...disableFileEdit(text, 'drop-column')]) assert.ok(e.span.end <= text.length, `seed ${seed}`);
    assert.equal(migrationText(text, 'dbmate').length, text.length);
    assert.doesNotThrow(() => parseConfig(text, 'c.json'));
  }
});
