// One data-driven driver for every rule (ESLint RuleTester style, fixtures on disk):
// - valid/*.sql must produce no finding of the rule;
// - invalid/*.sql must produce at least one, matching the reviewed snapshot invalid/<name>.snap.txt;
// - when the rule offers a preferred fix, invalid/<name>.fixed.sql is the file after applying the
//   preferred fix of every finding, and that fixed file must lint clean for the rule.
// Missing snapshots are written on a developer's machine (then REVIEW them) and fail in CI.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { applyEdits } from '../../server/src/engine/fix/edits';
import { rules } from '../../server/src/engine/rules';
import { lintFixture, readFixture, renderFindings } from '../helpers/rule-fixtures';

const ROOT = join(__dirname);
const ids = rules.map((r) => r.meta.id);
const update = process.env.UPDATE_SNAPSHOTS === '1';
const inCi = process.env.CI === 'true' || process.env.CI === '1';

function sqlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sql') && !f.endsWith('.fixed.sql')).sort() : [];
}

function checkSnapshot(path: string, actual: string): void {
  if (existsSync(path) && !update) {
    assert.equal(actual, readFileSync(path, 'utf8'), `snapshot ${path} differs (UPDATE_SNAPSHOTS=1 to rewrite, then review)`);
    return;
  }
  if (inCi) assert.fail(`missing snapshot ${path}`);
  writeFileSync(path, actual);
}

for (const rule of rules) {
  const id = rule.meta.id;
  const dir = join(ROOT, id);
  describe(`rule ${id}`, () => {
    for (const name of sqlFiles(join(dir, 'valid'))) {
      test(`valid/${name}`, () => {
        const fx = readFixture(readFileSync(join(dir, 'valid', name), 'utf8'));
        const found = lintFixture(fx, id, ids, rule.meta.defaultSeverity).findings.filter((f) => f.rule === id);
        assert.deepEqual(found.map((f) => f.message), [], `expected no ${id} finding`);
      });
    }
    for (const name of sqlFiles(join(dir, 'invalid'))) {
      test(`invalid/${name}`, () => {
        const source = readFileSync(join(dir, 'invalid', name), 'utf8');
        const fx = readFixture(source);
        const found = lintFixture(fx, id, ids, rule.meta.defaultSeverity).findings.filter((f) => f.rule === id);
        assert.ok(found.length > 0, `expected a ${id} finding`);
        checkSnapshot(join(dir, 'invalid', name.replace(/\.sql$/, '.snap.txt')), renderFindings(fx.file, found));
        const preferred = found.flatMap((f) => (f.fixes ?? []).filter((x) => x.preferred).slice(0, 1));
        if (preferred.length === 0) return;
        const fixed = applyEdits(fx.file, preferred.flatMap((f) => f.edits));
        checkSnapshot(join(dir, 'invalid', name.replace(/\.sql$/, '.fixed.sql')), fixed);
        const after = lintFixture({ ...fx, file: fixed }, id, ids, rule.meta.defaultSeverity);
        assert.deepEqual(after.findings.filter((f) => f.rule === id).map((f) => f.message), [], 'the fixed file must lint clean for this rule');
        assert.ok(after.statements.every((s) => s.statement.analyzed), 'the fixed file must still parse');
      });
    }
  });
}

test('every rule has docs, fixtures and real metadata', () => {
  const problems: string[] = [];
  for (const rule of rules) {
    const id = rule.meta.id;
    if (!existsSync(join(ROOT, '..', '..', 'docs', 'rules', `${id}.md`))) problems.push(`${id}: docs/rules/${id}.md missing`);
    if (sqlFiles(join(ROOT, id, 'valid')).length === 0) problems.push(`${id}: no valid fixture`);
    if (sqlFiles(join(ROOT, id, 'invalid')).length === 0) problems.push(`${id}: no invalid fixture`);
    if (rule.meta.description.includes('`')) problems.push(`${id}: description still the placeholder`);
  }
  const sorted = [...ids].sort();
  assert.deepEqual(ids, sorted, 'registry must be sorted by id');
  assert.deepEqual(problems, []);
});
