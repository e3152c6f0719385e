// The machine formats: the JSON contract, SARIF 2.1.0, GitHub workflow commands, GitLab Code Quality.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { rules } from '../../server/src/engine';
import { escapeData, escapeProperty } from '../../server/src/cli/reporters/github';
import { copyFixture, runCli } from './harness';
import { fileOf, parseReport, type Range } from './json-report';

const lint = (format: string, cwd?: string): string => runCli(['lint', cwd ? '.' : 'shop', '--format', format, '--fail-on', 'never'], cwd ? { cwd } : {}).stdout;

function assertRange(r: Range): void {
  for (const p of [r.start, r.end]) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0, JSON.stringify(r));
  }
  assert.ok(r.end.line > r.start.line || (r.end.line === r.start.line && r.end.character >= r.start.character), JSON.stringify(r));
}

test('JSON: the documented contract, with zero-based ranges and per-statement predictions', () => {
  const report = parseReport(lint('json'));
  assert.equal(report.target, 'mysql-8.0');
  assert.deepEqual(report.files.map((f) => f.path), ['shop/V1__create_users.sql', 'shop/V2__add_status.sql', 'shop/V3__add_phone.sql', 'shop/V4__widen_name.sql']);
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let statements = 0;
  for (const file of report.files) {
    assert.deepEqual(Object.keys(file).sort(), ['findings', 'path', 'statements']);
    for (const s of file.statements) {
      statements++;
      assert.deepEqual(Object.keys(s).sort(), ['analyzed', 'kind', 'prediction', 'range', 'tables']);
      assertRange(s.range);
      if (s.prediction !== null) {
        assert.deepEqual(Object.keys(s.prediction).sort(), ['algorithm', 'lock', 'reason', 'rebuild']);
        assert.ok(['INSTANT', 'NOCOPY', 'INPLACE', 'COPY'].includes(s.prediction.algorithm));
        assert.ok(['NONE', 'SHARED', 'EXCLUSIVE'].includes(s.prediction.lock));
      }
    }
    for (const f of file.findings) {
      counts[f.severity]++;
      assertRange(f.range);
      for (const key of Object.keys(f)) assert.ok(['rule', 'severity', 'message', 'range', 'help', 'fixes'].includes(key), key);
    }
  }
  assert.deepEqual(report.summary, { files: 4, statements, analyzed: report.files.flatMap((f) => f.statements).filter((s) => s.analyzed).length, findings: counts });

  const v2 = fileOf(report, 'V2__add_status.sql');
  assert.equal(v2.statements.length, 2);
  const alter = v2.statements[1];
  assert.equal(alter.kind, 'alter-table');
  assert.deepEqual(alter.tables, ['users']);
  assert.deepEqual(alter.range.start, { line: 1, character: 0 });
  assert.ok(alter.prediction, 'an ALTER has a prediction');
  assert.equal(v2.statements[0].prediction, null, 'SET has no prediction');
});

type SarifRule = { id: string; helpUri?: string; help?: { text: string }; shortDescription: { text: string } };
const sarifRules = (out: string): SarifRule[] => (JSON.parse(out) as { runs: { tool: { driver: { rules: SarifRule[] } } }[] }).runs[0].tool.driver.rules;

test('SARIF: 2.1.0, every rule described (no local docs path), results pointing at their rule, 1-based regions', () => {
  const sarif = JSON.parse(lint('sarif')) as {
    version: string;
    $schema: string;
    runs: {
      tool: { driver: { name: string; version: string; rules: SarifRule[] } };
      results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
    }[];
  };
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif-2\.1\.0/);
  assert.equal(sarif.runs.length, 1);
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'lockstep');
  const ids = run.tool.driver.rules.map((r) => r.id);
  for (const rule of rules) assert.ok(ids.includes(rule.meta.id), rule.meta.id);
  for (const r of run.tool.driver.rules) {
    assert.equal(r.helpUri, undefined, 'no docs base configured: a local file path would mean nothing to a CI server');
    assert.ok(r.shortDescription.text.length > 0);
    assert.ok(r.help?.text.startsWith(r.shortDescription.text), JSON.stringify(r.help));
  }
  const json = parseReport(lint('json'));
  const expected = json.files.flatMap((f) => f.findings.map((x) => ({ uri: f.path, rule: x.rule, line: x.range.start.line + 1, column: x.range.start.character + 1 })));
  assert.ok(expected.length > 0);
  assert.deepEqual(
    run.results.map((r) => ({ uri: r.locations[0].physicalLocation.artifactLocation.uri, rule: r.ruleId, line: r.locations[0].physicalLocation.region.startLine, column: r.locations[0].physicalLocation.region.startColumn })),
    expected,
  );
  for (const r of run.results) {
    assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(r.level));
  }
});

test('SARIF: a docs base from --docs-base or the config\'s docsBase becomes each rule\'s helpUri', () => {
  const flagged = sarifRules(runCli(['lint', 'shop', '--format', 'sarif', '--fail-on', 'never', '--docs-base', 'https://docs.example.test/lockstep']).stdout);
  for (const r of flagged) assert.equal(r.helpUri, `https://docs.example.test/lockstep/${r.id}.md`);

  const dir = copyFixture('shop');
  writeFileSync(join(dir, 'lockstep.config.json'), JSON.stringify({ docsBase: 'https://intranet.example.test/lockstep-docs/' }));
  const configured = sarifRules(lint('sarif', dir));
  assert.ok(configured.length > 0);
  for (const r of configured) assert.equal(r.helpUri, `https://intranet.example.test/lockstep-docs/${r.id}.md`);
  const overridden = sarifRules(runCli(['lint', '.', '--format', 'sarif', '--fail-on', 'never', '--docs-base', 'https://other.example.test/'], { cwd: dir }).stdout);
  assert.ok(overridden.every((r) => r.helpUri === `https://other.example.test/${r.id}.md`), 'the flag wins over the config');

  const bad = runCli(['lint', 'shop', '--format', 'sarif', '--docs-base', 'docs/rules']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--docs-base/);
});

test('GitHub: one workflow command per finding, positions 1-based, values escaped', () => {
  const out = lint('github').trimEnd().split('\n');
  const json = parseReport(lint('json'));
  const findings = json.files.flatMap((f) => f.findings.map((x) => ({ f, x })));
  const commands = out.filter((l) => l.startsWith('::'));
  assert.equal(commands.length, findings.length);
  commands.forEach((line, i) => {
    const m = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=\d+,(?:endColumn=\d+,)?title=([^,:]+)::(.+)$/.exec(line);
    assert.ok(m, line);
    const { f, x } = findings[i];
    assert.equal(m[2], f.path);
    assert.equal(Number(m[3]), x.range.start.line + 1);
    assert.equal(Number(m[4]), x.range.start.character + 1);
    assert.ok(!m[6].includes('\n'));
  });
  assert.match(out[out.length - 1], /in 4 files/);
  assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
  assert.equal(escapeProperty('db/V1__a,b:c.sql'), 'db/V1__a%2Cb%3Ac.sql');
});

test('GitLab: Code Quality issues whose fingerprints survive lines moving', () => {
  type Issue = { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } };
  const dir = copyFixture('shop');
  const before = JSON.parse(lint('gitlab', dir)) as Issue[];
  assert.ok(before.length > 0);
  for (const issue of before) {
    assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
    assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
    assert.ok(issue.description.length > 0 && issue.check_name.length > 0 && issue.location.path.length > 0);
  }
  assert.equal(new Set(before.map((i) => i.fingerprint)).size, before.length, 'fingerprints are unique');

  const v2 = join(dir, 'V2__add_status.sql');
  writeFileSync(v2, `-- reviewed in PR 42\n\n${readFileSync(v2, 'utf8')}`);
  const after = JSON.parse(lint('gitlab', dir)) as Issue[];
  const moved = after.filter((i) => i.location.path === 'V2__add_status.sql');
  assert.ok(moved.length > 0);
  for (const issue of moved) {
    const old = before.find((b) => b.fingerprint === issue.fingerprint);
    assert.ok(old, `fingerprint of ${issue.check_name} changed when the file gained two lines`);
    assert.equal(issue.location.lines.begin, old.location.lines.begin + 2);
  }
});

test('text: colour only when asked for and allowed', () => {
  const esc = '\u001b[';
  assert.ok(!runCli(['lint', 'shop']).stdout.includes(esc), 'a pipe gets no colour');
  assert.ok(runCli(['lint', 'shop'], { env: { FORCE_COLOR: '1' } }).stdout.includes(esc));
  assert.ok(!runCli(['lint', 'shop', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout.includes(esc));
  assert.ok(!runCli(['lint', 'shop'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes(esc));
});
