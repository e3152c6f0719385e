// The config file and baselines as the CLI applies them.
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyFixture, runCli, scratchDir } from './harness';
import { fileOf, parseReport, rulesOf } from './json-report';

const json = (args: string[], cwd: string) => runCli(['lint', ...args, '--format', 'json'], { cwd });

test('an invalid config exits 2 with file:line:column of the mistake', () => {
  const dir = copyFixture('shop');
  writeFileSync(join(dir, 'lockstep.config.json'), '{\n  "target": "mysql-8.0",\n  "rules": { "not-null-without-defualt": "off" }\n}\n');
  const r = runCli(['lint', '.'], { cwd: dir });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /lockstep\.config\.json:3:\d+/);
  assert.match(r.stderr, /not-null-without-default/, 'suggests the rule meant');
  assert.equal(r.stdout, '');

  writeFileSync(join(dir, 'lockstep.config.json'), '{ "target": "mysql-8.0", }}');
  const broken = runCli(['lint', '.'], { cwd: dir });
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /lockstep\.config\.json:1:\d+: invalid JSON/);
});

test('--config pointing nowhere exits 2', () => {
  const r = runCli(['lint', 'shop', '--config', 'nope.json']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /config file not found: nope\.json/);
});

test('rule severities, excludes, target and failOn come from the config found above the linted path', () => {
  const dir = copyFixture('shop');
  writeFileSync(
    join(dir, 'lockstep.config.json'),
    JSON.stringify({ target: 'mariadb-10.11', rules: { 'not-null-without-default': 'warning' }, migrations: { exclude: ['V3__*.sql'] }, failOn: 'warning' }),
  );
  const r = json(['.'], dir);
  const report = parseReport(r.stdout);
  assert.equal(report.target, 'mariadb-10.11');
  assert.ok(!report.files.some((f) => f.path.includes('V3__')), 'V3 is excluded');
  const finding = fileOf(report, 'V2__add_status.sql').findings.find((f) => f.rule === 'not-null-without-default');
  assert.equal(finding?.severity, 'warning');
  assert.equal(r.status, 1, 'failOn warning');
  assert.equal(json(['.', '--fail-on', 'error'], dir).status, 0, '--fail-on beats the config');

  // run from elsewhere: the config next to the linted folder still applies
  mkdirSync(join(dir, 'sub'));
  const outside = json([dir], join(dir, 'sub'));
  assert.equal(parseReport(outside.stdout).target, 'mariadb-10.11');
});

test('a rule set to off in the config disappears from every format', () => {
  const dir = copyFixture('shop');
  writeFileSync(join(dir, '.lockstep.json'), '// comments are allowed\n{ "rules": { "not-null-without-default": "off", "varchar-length-change": "off" } }\n');
  const r = json(['.'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(parseReport(r.stdout).files.flatMap(rulesOf), []);
});

test('a baseline hides the recorded findings and only new ones fail', () => {
  const dir = copyFixture('shop');
  const write = runCli(['lint', '.', '--write-baseline'], { cwd: dir });
  assert.equal(write.status, 0, write.stderr);
  assert.match(write.stderr, /wrote 2 findings to the baseline lockstep-baseline\.json/);
  const baseline = JSON.parse(readFileSync(join(dir, 'lockstep-baseline.json'), 'utf8')) as { entries: { rule: string; path: string }[] };
  assert.deepEqual(baseline.entries.map((e) => `${e.path} ${e.rule}`).sort(), ['V2__add_status.sql not-null-without-default', 'V4__widen_name.sql varchar-length-change']);

  const clean = json(['.', '--baseline', 'lockstep-baseline.json'], dir);
  assert.equal(clean.status, 0, clean.stderr);
  assert.deepEqual(parseReport(clean.stdout).files.flatMap(rulesOf), []);
  assert.match(clean.stderr, /2 findings hidden by the baseline/);

  // lines moving above a baselined statement keep it baselined; a new unsafe statement is reported
  const v2 = join(dir, 'V2__add_status.sql');
  writeFileSync(v2, `-- status of the account\n${readFileSync(v2, 'utf8')}`);
  appendFileSync(v2, 'ALTER TABLE users ADD COLUMN tier INT NOT NULL;\n');
  const next = json(['.', '--baseline', 'lockstep-baseline.json'], dir);
  assert.equal(next.status, 1);
  const findings = fileOf(parseReport(next.stdout), 'V2__add_status.sql').findings.filter((f) => f.rule === 'not-null-without-default');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].range.start.line, 3, 'the new ALTER, not the baselined one');
});

test('the config can name the baseline; a missing baseline file exits 2', () => {
  const dir = copyFixture('shop');
  writeFileSync(join(dir, 'lockstep.config.json'), '{ "baseline": "ci/baseline.json" }');
  const missing = runCli(['lint', '.'], { cwd: dir });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /baseline file not found: ci\/baseline\.json/);
  mkdirSync(join(dir, 'ci'));
  assert.equal(runCli(['lint', '.', '--write-baseline'], { cwd: dir }).status, 0);
  assert.ok(existsSync(join(dir, 'ci', 'baseline.json')));
  assert.equal(runCli(['lint', '.'], { cwd: dir }).status, 0);
  // a broken baseline is not silently ignored
  renameSync(join(dir, 'ci', 'baseline.json'), join(dir, 'ci', 'old.json'));
  writeFileSync(join(dir, 'ci', 'baseline.json'), '{"entries": 3}');
  const broken = runCli(['lint', '.'], { cwd: dir });
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /invalid baseline/);
});

test('an invalid glob in the config is a located config error, not an internal error', () => {
  const dir = copyFixture('shop');
  for (const key of ['paths', 'exclude']) {
    writeFileSync(join(dir, 'lockstep.config.json'), `{\n  "migrations": { "${key}": ["[z-a].sql"] }\n}\n`);
    const r = runCli(['lint', '.'], { cwd: dir });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /lockstep\.config\.json:2:\d+: invalid glob "\[z-a\]\.sql"/);
    assert.doesNotMatch(r.stderr, /internal error|SyntaxError/);
  }
});

test('a config baseline outside the config file\'s folder is refused unless given with --baseline', () => {
  const dir = copyFixture('shop');
  const elsewhere = scratchDir();
  const outside = join(elsewhere, 'outside.json');
  mkdirSync(join(dir, 'ci'));
  symlinkSync(elsewhere, join(dir, 'ci', 'up'));
  for (const baseline of [outside, '../escape.json', 'ci/../../escape.json', 'ci/up/escape.json']) {
    writeFileSync(join(dir, 'lockstep.config.json'), JSON.stringify({ baseline }));
    const r = runCli(['lint', '.', '--write-baseline'], { cwd: dir });
    assert.equal(r.status, 2, `${baseline}: ${r.stderr}`);
    assert.match(r.stderr, /baseline .* is outside the config file's folder.*--baseline/);
    assert.equal(r.stdout, '');
  }
  assert.ok(!existsSync(outside) && !existsSync(join(dir, '..', 'escape.json')) && !existsSync(join(elsewhere, 'escape.json')));
  // the same path named on the command line is the user's choice
  const chosen = runCli(['lint', '.', '--write-baseline', '--baseline', outside], { cwd: dir });
  assert.equal(chosen.status, 0, chosen.stderr);
  assert.ok(existsSync(outside));
  rmSync(outside);
  // inside the folder still works
  writeFileSync(join(dir, 'lockstep.config.json'), JSON.stringify({ baseline: 'ci/b.json' }));
  assert.equal(runCli(['lint', '.', '--write-baseline'], { cwd: dir }).status, 0);
  assert.ok(existsSync(join(dir, 'ci', 'b.json')));
});
