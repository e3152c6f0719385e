// The bundled language server (dist/server.js --stdio) driven by a JSON-RPC client, as an editor
// would: diagnostics, hover, code actions, code lens, edits, workspace catalog, hostile input.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FileChangeType, MarkupContent, type Diagnostic } from 'vscode-languageserver-protocol';
import { pathToFileURL } from 'node:url';
import { ExplainRequest } from '../../server/src/lsp/protocol';
import { applyTextEdits, ensureBundle, fileUri, LspClient, ROOT } from './client';

/** the rule's page shipped with the bundle (docs/rules beside dist/) */
const shippedDocs = (rule: string): string => pathToFileURL(join(ROOT, 'docs', 'rules', `${rule}.md`)).toString();

const SAMPLE = [
  'ALTER TABLE users ADD COLUMN nickname VARCHAR(40) NOT NULL;',
  'ALTER TABLE users DROP COLUMN legacy;',
  "INSERT INTO audit (msg) VALUES ('hello');",
  '',
].join('\n');

const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => String(d.code));
const byRule = (ds: readonly Diagnostic[], rule: string): Diagnostic => {
  const d = ds.find((x) => x.code === rule);
  assert.ok(d, `expected a ${rule} diagnostic, got ${codes(ds).join(', ')}`);
  return d;
};

let workspace: string;
let client: LspClient;

before(async () => {
  await ensureBundle();
  workspace = mkdtempSync(join(tmpdir(), 'lockstep-lsp-'));
  mkdirSync(join(workspace, 'db', 'migration'), { recursive: true });
  writeFileSync(join(workspace, 'db', 'migration', 'V1__create_users.sql'), 'CREATE TABLE users (id BIGINT PRIMARY KEY, amount INT NOT NULL, legacy INT);\n');
  writeFileSync(join(workspace, 'lockstep.config.json'), JSON.stringify({ rules: { 'unbatched-dml': 'off' } }));
  client = await LspClient.start({ root: workspace });
});

after(async () => {
  await client?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

describe('an open migration file', () => {
  const uri = (): string => fileUri(join(workspace, 'scratch', 'sample.sql'));

  test('gets diagnostics with rule codes, docs links and ranges on the offending clause', async () => {
    await client.open(uri(), SAMPLE);
    const { diagnostics } = await client.diagnosticsFor(uri(), 1);
    const notNull = byRule(diagnostics, 'not-null-without-default');
    assert.equal(notNull.source, 'lockstep');
    assert.equal(notNull.severity, 1);
    assert.equal(notNull.codeDescription?.href, shippedDocs('not-null-without-default'));
    assert.equal(notNull.range.start.line, 0);
    const flagged = SAMPLE.split('\n')[0].slice(notNull.range.start.character, notNull.range.end.character);
    assert.match(flagged, /nickname/);
    const drop = byRule(diagnostics, 'drop-column');
    assert.equal(drop.range.start.line, 1);
    assert.ok(!codes(diagnostics).includes('unbatched-dml'), 'the config file turned unbatched-dml off');
  });

  test('hover on a DDL statement shows the prediction and its traffic impact; none on DML', async () => {
    const hover = await client.hover(uri(), { line: 0, character: 5 });
    assert.ok(hover && MarkupContent.is(hover.contents));
    const text = hover.contents.value;
    assert.match(text, /\| (INSTANT|INPLACE|NOCOPY|COPY) \| (NONE|SHARED|EXCLUSIVE) \| (yes|no) \|/);
    assert.match(text, /mysql-8\.0/);
    assert.match(text, /metadata lock/i);
    assert.match(text, /not-null-without-default/);
    assert.equal(await client.hover(uri(), { line: 2, character: 3 }), null);
  });

  test('a "Dry-run on dev database" lens above each DDL statement for the VS Code extension, none for other clients', async () => {
    assert.equal(client.initializeResult?.capabilities.codeLensProvider, undefined, 'other clients have no lockstep.dryRun command: no lens');
    const vscodeLike = await LspClient.start({ root: workspace, clientName: 'Visual Studio Code' });
    try {
      assert.ok(vscodeLike.initializeResult?.capabilities.codeLensProvider, 'the VS Code extension gets the lens');
      await vscodeLike.open(uri(), SAMPLE);
      await vscodeLike.diagnosticsFor(uri(), 1);
      const lenses = await vscodeLike.codeLenses(uri());
      assert.deepEqual(lenses.map((l) => l.range.start.line), [0, 1], 'the DDL statements, not the INSERT');
      assert.deepEqual(
        lenses.map((l) => l.command),
        [0, 1].map((index) => ({ title: 'Dry-run on dev database', command: 'lockstep.dryRun', arguments: [uri(), index] })),
      );
    } finally {
      await vscodeLike.stop();
    }
  });

  test('the preferred fix leaves the document clean for its rule', async () => {
    const { diagnostics } = await client.diagnosticsFor(uri(), 1);
    const notNull = byRule(diagnostics, 'not-null-without-default');
    const actions = await client.codeActions(uri(), notNull.range, [notNull]);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable not-null-without-default for this line'), titles.join(' | '));
    assert.ok(titles.includes('Disable not-null-without-default for this file'));
    const docs = actions.find((a) => a.title === 'Show documentation for not-null-without-default');
    assert.equal(docs?.command?.arguments?.[1], shippedDocs('not-null-without-default'));
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, 'exactly one preferred fix');
    assert.equal(actions[0], preferred[0], 'the preferred fix comes first');
    const fixed = applyTextEdits(SAMPLE, preferred[0].edit!.changes![uri()]);
    const version = await client.change(uri(), [{ text: fixed }]);
    const after = await client.diagnosticsFor(uri(), version);
    assert.ok(!codes(after.diagnostics).includes('not-null-without-default'), codes(after.diagnostics).join(', '));
    assert.ok(codes(after.diagnostics).includes('drop-column'), 'other findings stay');
  });

  test('"disable for this line" suppresses the finding without an unused-ignore', async () => {
    const version = await client.change(uri(), [{ text: SAMPLE }]);
    const { diagnostics } = await client.diagnosticsFor(uri(), version);
    const drop = byRule(diagnostics, 'drop-column');
    const actions = await client.codeActions(uri(), drop.range, [drop]);
    const disable = actions.find((a) => a.title === 'Disable drop-column for this line');
    assert.ok(disable?.edit?.changes);
    const disabled = applyTextEdits(SAMPLE, disable.edit.changes[uri()]);
    assert.match(disabled, /-- lockstep-disable-next-line drop-column\nALTER TABLE users DROP COLUMN legacy;/);
    const next = await client.change(uri(), [{ text: disabled }]);
    const after = await client.diagnosticsFor(uri(), next);
    assert.ok(!codes(after.diagnostics).includes('drop-column'));
    assert.ok(!codes(after.diagnostics).includes('unused-ignore'));
    assert.ok(codes(after.diagnostics).includes('not-null-without-default'));
  });

  test('incremental edits update the diagnostics of the edited statement only', async () => {
    let version = await client.change(uri(), [{ text: SAMPLE }]);
    await client.diagnosticsFor(uri(), version);
    // type " DEFAULT ''" after NOT NULL, one character at a time
    const at = SAMPLE.indexOf('NOT NULL') + 'NOT NULL'.length;
    const typed = " DEFAULT ''";
    for (let i = 0; i < typed.length; i++) {
      version = await client.change(uri(), [{ range: { start: { line: 0, character: at + i }, end: { line: 0, character: at + i } }, text: typed[i] }]);
    }
    const typedResult = await client.diagnosticsFor(uri(), version);
    assert.ok(!codes(typedResult.diagnostics).includes('not-null-without-default'), codes(typedResult.diagnostics).join(', '));
    assert.equal(byRule(typedResult.diagnostics, 'drop-column').range.start.line, 1);
    // a new first line moves every later diagnostic down
    version = await client.change(uri(), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'SET SESSION lock_wait_timeout = 5;\n' }]);
    const moved = await client.diagnosticsFor(uri(), version);
    assert.equal(byRule(moved.diagnostics, 'drop-column').range.start.line, 2);
    assert.ok(!codes(moved.diagnostics).includes('missing-lock-wait-timeout'));
    // delete the DEFAULT again
    version = await client.change(uri(), [{ range: { start: { line: 1, character: at }, end: { line: 1, character: at + typed.length } }, text: '' }]);
    const back = await client.diagnosticsFor(uri(), version);
    assert.equal(byRule(back.diagnostics, 'not-null-without-default').range.start.line, 1);
  });

  test('lockstep/explain predicts standalone SQL', async () => {
    const result = await client.connection.sendRequest(ExplainRequest, { sql: 'ALTER TABLE t ADD COLUMN c INT;', target: 'mariadb-10.11' });
    assert.equal(result.target, 'mariadb-10.11');
    assert.equal(result.statements.length, 1);
    assert.ok(result.statements[0].prediction);
    assert.match(result.statements[0].markdown, /mariadb-10\.11/);
  });

  test('lockstep/explain refuses SQL above lockstep.maxFileSize quickly, like a document', async () => {
    const sql = 'ALTER TABLE t ADD COLUMN c INT;\n'.repeat(Math.ceil((4 * 1024 * 1024) / 32));
    const started = Date.now();
    await assert.rejects(client.connection.sendRequest(ExplainRequest, { sql, target: 'mariadb-10.11' }), (err: Error) => {
      assert.match(err.message, /did not analyze this SQL: it is 4\.0 MB, above the 2\.0 MB limit \(setting lockstep\.maxFileSize\)/);
      return true;
    });
    assert.ok(Date.now() - started < 2000, `refused in ${Date.now() - started} ms`);
    const normal = await client.connection.sendRequest(ExplainRequest, { sql: 'ALTER TABLE t ADD COLUMN c INT;', target: 'mariadb-10.11' });
    assert.equal(normal.statements.length, 1);
  });
});

describe('workspace migrations', () => {
  const v1 = (): string => join(workspace, 'db', 'migration', 'V1__create_users.sql');
  const v2 = (): string => join(workspace, 'db', 'migration', 'V2__change_users.sql');
  const V2 = [
    'SET SESSION lock_wait_timeout = 5;',
    'ALTER TABLE users MODIFY amount INT NOT NULL;',
    'ALTER TABLE users ADD COLUMN c INT NOT NULL;',
    'CREATE TABLE t2 (id INT PRIMARY KEY);',
    'ALTER TABLE t2 ADD COLUMN d INT NOT NULL;',
    '',
  ].join('\n');

  test('a later migration is checked against the schema its earlier migrations left', async () => {
    writeFileSync(v2(), V2);
    await client.open(fileUri(v2()), V2);
    const { diagnostics } = await client.diagnosticsFor(fileUri(v2()), 1);
    const notNull = diagnostics.filter((d) => d.code === 'not-null-without-default');
    assert.deepEqual(notNull.map((d) => d.range.start.line), [2], 'flagged on users (existing), not on t2 (created in this file)');
    assert.ok(!codes(diagnostics).includes('set-not-null'), 'V1 already made amount NOT NULL');
  });

  test('editing the open earlier migration re-analyzes the later one', async () => {
    await client.open(fileUri(v1()), 'CREATE TABLE users (id BIGINT PRIMARY KEY, amount INT NOT NULL, legacy INT);\n');
    await client.change(fileUri(v1()), [{ text: 'CREATE TABLE users (id BIGINT PRIMARY KEY, amount INT, legacy INT);\n' }]);
    const { diagnostics } = await client.diagnostics(fileUri(v2()), (p) => codes(p.diagnostics).includes('set-not-null'));
    assert.equal(byRule(diagnostics, 'set-not-null').range.start.line, 1);
  });
});

describe('configuration', () => {
  const uri = (): string => fileUri(join(workspace, 'scratch', 'config.sql'));

  test('editor settings choose the target; lockstep.config.json wins and is re-read when it changes', async () => {
    await client.open(uri(), "ALTER TABLE users ADD COLUMN c INT;\nUPDATE users SET c = 1;\n");
    let { diagnostics } = await client.diagnosticsFor(uri(), 1);
    assert.ok(!codes(diagnostics).includes('unbatched-dml'), 'off in the config file');
    await client.changeSettings({ target: 'mariadb-10.11', rules: { 'unbatched-dml': 'error' } });
    const hover = await waitFor(async () => {
      const h = await client.hover(uri(), { line: 0, character: 3 });
      return h && MarkupContent.is(h.contents) && h.contents.value.includes('mariadb-10.11') ? h : undefined;
    });
    assert.ok(hover, 'the hover follows the target setting');
    ({ diagnostics } = await client.diagnostics(uri()));
    assert.ok(!codes(diagnostics).includes('unbatched-dml'), 'the config file wins over the setting');

    writeFileSync(join(workspace, 'lockstep.config.json'), JSON.stringify({ rules: { 'unbatched-dml': 'error' } }));
    await client.filesChanged([{ uri: fileUri(join(workspace, 'lockstep.config.json')), type: FileChangeType.Changed }]);
    ({ diagnostics } = await client.diagnostics(uri(), (p) => codes(p.diagnostics).includes('unbatched-dml')));
    assert.equal(byRule(diagnostics, 'unbatched-dml').severity, 1);
    writeFileSync(join(workspace, 'lockstep.config.json'), JSON.stringify({ rules: { 'unbatched-dml': 'off' } }));
    await client.filesChanged([{ uri: fileUri(join(workspace, 'lockstep.config.json')), type: FileChangeType.Changed }]);
    await client.changeSettings({});
  });

  test('errors in lockstep.config.json are diagnostics on the file; its valid settings still apply', async () => {
    const configPath = join(workspace, 'lockstep.config.json');
    const configUri = fileUri(configPath);
    const broken = '{\n  "target": "postgres-16",\n  "rules": { "unbatched-dml": "warning", "drop-colum": "off" },\n  "docsBase": "docs"\n}\n';
    await client.changeSettings({ target: 'mariadb-10.11' });
    writeFileSync(configPath, broken);
    await client.filesChanged([{ uri: configUri, type: FileChangeType.Changed }]);
    const published = await client.diagnostics(configUri, (p) => p.diagnostics.length > 0);
    const lines = broken.split('\n');
    const at = (d: Diagnostic): string => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
    assert.deepEqual(published.diagnostics.map(at).sort(), ['"docs"', '"drop-colum"', '"postgres-16"']);
    assert.match(published.diagnostics.find((d) => at(d) === '"drop-colum"')?.message ?? '', /did you mean "drop-column"/);
    assert.ok(published.diagnostics.every((d) => d.severity === 1 && d.source === 'lockstep'));
    // the valid rule setting is used; the invalid target is ignored, so the editor setting applies
    await client.diagnostics(uri(), (p) => p.diagnostics.some((d) => d.code === 'unbatched-dml' && d.severity === 2));
    const hover = await client.hover(uri(), { line: 0, character: 3 });
    assert.ok(hover && MarkupContent.is(hover.contents) && hover.contents.value.includes('mariadb-10.11'), 'the editor setting\'s target');
    await client.changeSettings({});

    writeFileSync(configPath, JSON.stringify({ rules: { 'unbatched-dml': 'off' } }));
    await client.filesChanged([{ uri: configUri, type: FileChangeType.Changed }]);
    const fixed = await client.diagnostics(configUri, (p) => p.diagnostics.length === 0);
    assert.deepEqual(fixed.diagnostics, []);
  });

  test('configured severities apply to the pipeline\'s own findings too (unused-ignore), as in lockstep lint', async () => {
    const configPath = join(workspace, 'lockstep.config.json');
    const doc = fileUri(join(workspace, 'scratch', 'unused-ignore.sql'));
    await client.open(doc, '-- lockstep-disable-next-line drop-column\nCREATE TABLE t (id INT PRIMARY KEY);\n');
    const before = await client.diagnosticsFor(doc, 1);
    assert.equal(byRule(before.diagnostics, 'unused-ignore').severity, 2, 'warning by default');
    writeFileSync(configPath, JSON.stringify({ rules: { 'unbatched-dml': 'off', 'unused-ignore': 'error' } }));
    await client.filesChanged([{ uri: fileUri(configPath), type: FileChangeType.Changed }]);
    await client.diagnostics(doc, (p) => p.diagnostics.some((d) => d.code === 'unused-ignore' && d.severity === 1));
    writeFileSync(configPath, JSON.stringify({ rules: { 'unbatched-dml': 'off', 'unused-ignore': 'off' } }));
    await client.filesChanged([{ uri: fileUri(configPath), type: FileChangeType.Changed }]);
    await client.diagnostics(doc, (p) => !codes(p.diagnostics).includes('unused-ignore'));
    writeFileSync(configPath, JSON.stringify({ rules: { 'unbatched-dml': 'off' } }));
    await client.filesChanged([{ uri: fileUri(configPath), type: FileChangeType.Changed }]);
  });

  test('docsBase in lockstep.config.json points the rule links at that copy of the docs', async () => {
    const configPath = join(workspace, 'lockstep.config.json');
    writeFileSync(configPath, JSON.stringify({ rules: { 'unbatched-dml': 'off' }, docsBase: 'https://docs.example.test/lockstep/rules' }));
    await client.filesChanged([{ uri: fileUri(configPath), type: FileChangeType.Changed }]);
    const { diagnostics } = await client.diagnostics(uri(), (p) => p.diagnostics.some((d) => d.codeDescription?.href.startsWith('https://')));
    const d = diagnostics[0];
    assert.equal(d.codeDescription?.href, `https://docs.example.test/lockstep/rules/${String(d.code)}.md`);
    writeFileSync(configPath, JSON.stringify({ rules: { 'unbatched-dml': 'off' } }));
    await client.filesChanged([{ uri: fileUri(configPath), type: FileChangeType.Changed }]);
    await client.diagnostics(uri(), (p) => p.diagnostics.length > 0 && p.diagnostics.every((x) => x.codeDescription?.href.startsWith('file:')));
  });

  test('migrations.exclude in lockstep.config.json leaves a migration out of the replay, as lockstep lint does', async () => {
    const configPath = join(workspace, 'lockstep.config.json');
    const later = fileUri(join(workspace, 'db', 'migration', 'V3__widen_amount.sql'));
    const typeChange = (ds: readonly Diagnostic[]): string => byRule(ds, 'change-column-type').message;
    await client.open(later, 'ALTER TABLE users MODIFY amount BIGINT NOT NULL;\n');
    const replayed = await client.diagnosticsFor(later, 1);
    assert.match(typeChange(replayed.diagnostics), /from INT to BIGINT/);
    writeFileSync(configPath, JSON.stringify({ rules: { 'unbatched-dml': 'off' }, migrations: { exclude: ['db/migration/V{1,2}__*.sql'] } }));
    await client.filesChanged([{ uri: fileUri(configPath), type: FileChangeType.Changed }]);
    const excluded = await client.diagnostics(later, (p) => p.diagnostics.some((d) => d.code === 'change-column-type' && /no earlier migration/.test(d.message)));
    assert.doesNotMatch(typeChange(excluded.diagnostics), /from INT to BIGINT/);
    writeFileSync(configPath, JSON.stringify({ rules: { 'unbatched-dml': 'off' } }));
    await client.filesChanged([{ uri: fileUri(configPath), type: FileChangeType.Changed }]);
    await client.diagnostics(later, (p) => p.diagnostics.some((d) => d.code === 'change-column-type' && /from INT to BIGINT/.test(d.message)));
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10000): Promise<T | undefined> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

describe('hostile input', () => {
  test('a 20 MB document gets a clear message, no analysis, and the server keeps answering', async () => {
    const uri = fileUri(join(workspace, 'huge.sql'));
    const line = 'ALTER TABLE big ADD COLUMN c INT NOT NULL;\n';
    await client.open(uri, line.repeat(Math.ceil((20 * 1024 * 1024) / line.length)));
    const { diagnostics } = await client.diagnosticsFor(uri, 1, 30000);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /did not analyze.*MB/);
    assert.ok(client.alive());
    assert.ok(await client.hover(fileUri(join(workspace, 'scratch', 'sample.sql')), { line: 1, character: 3 }));
  });

  test('binary content gets a clear message and the server keeps answering', async () => {
    const uri = fileUri(join(workspace, 'blob.sql'));
    await client.open(uri, 'ALTER TABLE t ADD c INT;\u0000\u0001\u0002\u0000garbage');
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /binary/);
    assert.ok(client.alive());
    assert.equal(await client.hover(uri, { line: 0, character: 3 }), null);
  });

  test('malformed SQL never crashes the server', async () => {
    const uri = fileUri(join(workspace, 'garbage.sql'));
    await client.open(uri, "ALTER TABLE (((; DROP ; '\n/* never closed ; ALTER TABLE x ADD");
    await client.diagnosticsFor(uri, 1);
    const version = await client.change(uri, [{ text: 'DELIMITER $$\nCREATE PROCEDURE p() BEGIN ALTER TABLE users DROP COLUMN x;' }]);
    await client.diagnosticsFor(uri, version);
    assert.ok(client.alive());
  });
});
