// The project model as the CLI and the language server use it: schema sources, any extension,
// release groups from git, and the same findings and target from both for the same workspace.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { runCli, scratchDir } from '../cli/harness';
import { fileUri, LspClient } from '../lsp/client';

const FIXTURE = join(__dirname, '..', 'fixtures', 'projects', 'install-upgrades');

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface JsonReport {
  files: { path: string; findings: JsonFinding[] }[];
}

function lintJson(args: string[], cwd: string): JsonReport {
  const r = runCli(['lint', ...args, '--format', 'json', '--fail-on', 'never'], { cwd });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as JsonReport;
}

function findingsOf(report: JsonReport, suffix: string): JsonFinding[] {
  const file = report.files.find((f) => f.path.endsWith(suffix));
  assert.ok(file, `${suffix} in ${report.files.map((f) => f.path).join(', ')}`);
  return file.findings;
}

const clients: LspClient[] = [];
after(async () => {
  for (const c of clients) await c.stop();
});

test('with schema.current, MODIFYs of tables only the install script defines get their real findings; without it, "could not compare"', () => {
  const dir = scratchDir();
  cpSync(FIXTURE, dir, { recursive: true });
  const found = findingsOf(lintJson(['.'], dir), 'sql/upgrade/4.1.sql');
  const byRule = (rule: string) => found.filter((f) => f.rule === rule);
  assert.equal(byRule('varchar-length-change')[0]?.severity, 'warning', 'VARCHAR(60) → VARCHAR(80) crosses the length-byte boundary');
  assert.match(byRule('varchar-length-change')[0].message, /VARCHAR\(60\) to VARCHAR\(80\).*definition comes from the current schema in sql\/schema\.sql/);
  assert.equal(byRule('set-not-null')[0]?.severity, 'error', 'nickname was nullable in the dump');
  assert.match(byRule('set-not-null')[0].message, /nullable column accounts\.nickname/);
  assert.match(byRule('charset-conversion')[0]?.message ?? '', /utf8mb4_general_ci to utf8mb4_bin/);
  assert.ok(!found.some((f) => /could not compare|does not know its old definition/.test(f.message)), found.map((f) => f.message).join('\n'));
  // the dump itself is a schema source, not a migration
  const report = lintJson(['.'], dir);
  assert.ok(!report.files.some((f) => f.path.endsWith('schema.sql')));

  const config = join(dir, 'lockstep.config.json');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/"schema": \{[^}]*\}/, '"schema": {}'));
  const without = findingsOf(lintJson(['.'], dir), 'sql/upgrade/4.1.sql');
  assert.ok(without.some((f) => f.rule === 'change-column-type' && f.severity === 'info' && /could not compare accounts\.login/.test(f.message)));
  assert.ok(!without.some((f) => f.rule === 'varchar-length-change' || f.rule === 'charset-conversion'));
});

test('lockstep schema --at prints the schema the file is linted against, current-schema tables included', () => {
  const r = runCli(['schema', '--at', 'sql/upgrade/4.10.sql', '--format', 'json'], { cwd: FIXTURE });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { chains: { files: string[]; schema: { tables: { name: string; columns: { name: string; type: string }[] }[] } }[] };
  assert.deepEqual(out.chains[0].files, ['sql/upgrade/4.1.sql', 'sql/upgrade/4.9.sql'], 'natural order: 4.9 before 4.10');
  const accounts = out.chains[0].schema.tables.find((t) => t.name === 'accounts');
  assert.equal(accounts?.columns.find((c) => c.name === 'login')?.type, 'varchar(80)');
  assert.ok(out.chains[0].schema.tables.find((t) => t.name === 'sessions')?.columns.some((c) => c.name === 'expires_at'));
});

test('files of any extension named by the globs are linted, by the CLI and the language server', async () => {
  const dir = scratchDir();
  mkdirSync(join(dir, 'etc', 'upgrade', '4.1.0'), { recursive: true });
  mkdirSync(join(dir, 'etc', 'upgrade', '4.2.0'), { recursive: true });
  writeFileSync(join(dir, 'lockstep.config.json'), JSON.stringify({ migrations: [{ name: 'rt', paths: ['etc/upgrade/**/*.mysql'] }] }));
  writeFileSync(join(dir, 'etc', 'upgrade', '4.1.0', 'schema.mysql'), 'CREATE TABLE tickets (id INT PRIMARY KEY, legacy INT);\n');
  const unsafe = 'SET SESSION lock_wait_timeout = 5;\nALTER TABLE tickets DROP COLUMN legacy;\n';
  writeFileSync(join(dir, 'etc', 'upgrade', '4.2.0', 'schema.mysql'), unsafe);
  const cli = findingsOf(lintJson(['.'], dir), '4.2.0/schema.mysql');
  assert.deepEqual(cli.map((f) => f.rule), ['drop-column']);

  const client = await LspClient.start({ root: dir });
  clients.push(client);
  const uri = fileUri(join(dir, 'etc', 'upgrade', '4.2.0', 'schema.mysql'));
  await client.open(uri, unsafe);
  const lsp = await client.diagnosticsFor(uri, 1);
  assert.deepEqual(lsp.diagnostics.map((d) => d.code), ['drop-column']);
});

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', ...args], { cwd, stdio: 'pipe' });
}

test('release groups from git: a table created earlier in the same release is new; once released, it is not', () => {
  const dir = scratchDir();
  mkdirSync(join(dir, 'db'));
  writeFileSync(join(dir, 'db', 'V1__users.sql'), 'CREATE TABLE users (id INT PRIMARY KEY);\n');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'v1');
  git(dir, 'tag', 'release-1');
  writeFileSync(join(dir, 'db', 'V2__create_audit.sql'), 'CREATE TABLE audit (id INT PRIMARY KEY);\n');
  writeFileSync(join(dir, 'db', 'V3__audit_actor.sql'), 'SET SESSION lock_wait_timeout = 5;\nALTER TABLE audit ADD COLUMN actor INT NOT NULL;\n');

  const rules = (report: JsonReport) => findingsOf(report, 'V3__audit_actor.sql').map((f) => f.rule);
  assert.deepEqual(rules(lintJson(['db', '--release-base', 'release-1'], dir)), [], 'audit is created by V2 of the same release');
  assert.ok(rules(lintJson(['db'], dir)).includes('not-null-without-default'), 'without a release base every earlier file counts as deployed');
  git(dir, 'add', 'db/V2__create_audit.sql');
  git(dir, 'commit', '-q', '-m', 'v2');
  assert.ok(rules(lintJson(['db', '--release-base', 'HEAD'], dir)).includes('not-null-without-default'), 'V2 shipped at the release base: audit exists in production');
  writeFileSync(join(dir, 'lockstep.config.json'), JSON.stringify({ releaseBase: 'release-1' }));
  assert.deepEqual(rules(lintJson(['db'], dir)), [], 'the config key works like the option');
  const bad = runCli(['lint', 'db', '--release-base', 'no-such-rev'], { cwd: dir });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /release base "no-such-rev" is not a commit/);
});

test('the CLI and the language server give the same findings and target, with the config in a parent folder of the workspace', async () => {
  const dir = scratchDir();
  const migrations = join(dir, 'services', 'billing', 'db');
  mkdirSync(migrations, { recursive: true });
  writeFileSync(join(dir, 'lockstep.config.json'), JSON.stringify({ target: 'mariadb-10.6', rules: { 'add-index': 'error' }, tables: { invoices: { rows: 5000000 } } }));
  const files: Record<string, string> = {
    'V1__invoices.sql': 'CREATE TABLE invoices (id BIGINT PRIMARY KEY, amount INT NOT NULL, note VARCHAR(50));\n',
    'V2__changes.sql': 'ALTER TABLE invoices MODIFY amount BIGINT NOT NULL;\nALTER TABLE invoices ADD INDEX idx_note (note);\nALTER TABLE invoices MODIFY note VARCHAR(50) NOT NULL;\n',
    'V3__drop.sql': '-- lockstep-disable-next-line drop-column\nALTER TABLE invoices DROP COLUMN note;\nUPDATE invoices SET amount = 0;\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(migrations, name), text);

  const cli = lintJson(['.'], migrations);
  const client = await LspClient.start({ root: migrations });
  clients.push(client);
  for (const name of Object.keys(files)) {
    const uri = fileUri(join(migrations, name));
    await client.open(uri, files[name]);
    const lsp = await client.diagnosticsFor(uri, 1);
    const fromLsp = lsp.diagnostics.map((d: Diagnostic) => ({ rule: String(d.code), range: d.range, message: d.message.split('\n')[0] }));
    const fromCli = findingsOf(cli, name).map((f) => ({ rule: f.rule, range: f.range, message: f.message }));
    const key = (x: { rule: string; range: { start: { line: number; character: number } } }) => `${x.range.start.line}:${x.range.start.character}:${x.rule}`;
    assert.deepEqual(fromLsp.sort((a, b) => key(a).localeCompare(key(b))), fromCli.sort((a, b) => key(a).localeCompare(key(b))), name);
  }
  assert.ok(findingsOf(cli, 'V2__changes.sql').some((f) => f.rule === 'add-index' && f.severity === 'error'), 'the parent config applies');
  const info = await client.connection.sendRequest<{ target: string; targetSource: string; configUri?: string }>('lockstep/projectInfo', { uri: fileUri(join(migrations, 'V2__changes.sql')) });
  assert.equal(info.target, 'mariadb-10.6');
  assert.equal(info.configUri, fileUri(join(dir, 'lockstep.config.json')));
  const explained = runCli(['explain', 'SELECT 1'], { cwd: migrations });
  assert.match(explained.stdout + explained.stderr, /mariadb-10\.6/, 'explain finds the same config');
});
