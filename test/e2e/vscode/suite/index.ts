// Extension tests run inside code-server's extension host (the `extensionTestsPath` module).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { LockstepApi } from '../../../../client/src/extension';
import { childProcesses } from './processes';
import { Suite, waitFor } from './harness';

const EXTENSION_ID = 'lockstep.lockstep';
const UNSAFE_MIGRATION = 'db/migration/V2__unsafe_changes.sql';
const EXPECTED_RULES = ['not-null-without-default', 'drop-column'];

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

function codes(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
}

async function lockstepDiagnostics(uri: vscode.Uri, rules: string[]): Promise<vscode.Diagnostic[]> {
  try {
    await waitFor(`diagnostics ${rules.join(', ')}`, () => (rules.every((r) => codes(uri).includes(r)) ? true : undefined), 30_000);
  } catch (error) {
    const text = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText() ?? '(not open)';
    throw new Error(`${error instanceof Error ? error.message : String(error)} on ${uri.path}; present: [${codes(uri).join(', ')}]; text:\n${text}`);
  }
  return vscode.languages.getDiagnostics(uri);
}

/** Applies `edit`, waits for `settled`, then restores the original text and saves it unchanged. */
async function withTemporaryEdit(editor: vscode.TextEditor, edit: (b: vscode.TextEditorEdit) => void, settled: () => Promise<void>): Promise<void> {
  const original = editor.document.getText();
  assert.ok(await editor.edit(edit), 'the edit applied');
  try {
    await settled();
  } finally {
    const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
    assert.ok(await editor.edit((b) => b.replace(whole, original)), 'the original text restored');
    await editor.document.save();
  }
}

export async function run(): Promise<void> {
  const suite = new Suite();
  let api: LockstepApi | undefined;

  suite.test('the extension activates and starts the language server', async () => {
    const extension = vscode.extensions.getExtension<LockstepApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const started = Date.now();
    api = await extension.activate();
    suite.metrics.activateCallMs = Date.now() - started;
    suite.metrics.activationToServerReadyMs = api.startupMs;
    assert.equal(extension.isActive, true);
    assert.equal(api.client.state, State.Running);
  });

  suite.test('its commands are registered', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['lockstep.restartServer', 'lockstep.showRuleDocs', 'lockstep.setTarget', 'lockstep.showSchemaBefore', 'lockstep.connect', 'lockstep.disconnect', 'lockstep.dryRun', 'lockstep.dryRunFile', 'lockstep.dryRunMdlPreview']) {
      assert.ok(all.includes(id), id);
    }
  });

  suite.test('an unsafe migration gets diagnostics with rule ids, docs links, and the ignore comment honoured', async () => {
    const uri = workspaceFile(UNSAFE_MIGRATION);
    await vscode.window.showTextDocument(uri);
    const diagnostics = await lockstepDiagnostics(uri, EXPECTED_RULES);
    const notNull = diagnostics.find((d) => codes(uri)[diagnostics.indexOf(d)] === 'not-null-without-default');
    assert.ok(notNull);
    assert.equal(notNull.range.start.line, 1, 'on the ALTER … ADD COLUMN line');
    assert.equal(notNull.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof notNull.code === 'object', 'the code carries a docs link');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const packaged = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', 'not-null-without-default.md');
    assert.equal(notNull.code.target.scheme, 'file', 'no docs base configured: the link is the page packaged with the extension');
    assert.equal(notNull.code.target.fsPath, packaged.fsPath);
    assert.ok(existsSync(notNull.code.target.fsPath), 'and that page exists');
    assert.ok(!codes(uri).includes('add-index'), 'the lockstep-disable-next-line add-index comment suppresses add-index');
    assert.ok(!codes(uri).includes('unused-ignore'), 'and the comment counts as used');
  });

  suite.test('a "Dry-run on dev database" code lens sits above each DDL statement; not connected, no database status', async () => {
    assert.ok(api);
    const uri = workspaceFile(UNSAFE_MIGRATION);
    await vscode.window.showTextDocument(uri);
    const lenses = await waitFor('the dry-run code lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return found.length >= 3 ? found : undefined;
    }, 15_000);
    assert.deepEqual(lenses.map((l) => l.range.start.line).sort(), [1, 2, 4], 'the two ALTERs and the CREATE INDEX, not the SET');
    for (const lens of lenses) {
      assert.equal(lens.command?.title, 'Dry-run on dev database');
      assert.equal(lens.command?.command, 'lockstep.dryRun');
      assert.equal(lens.command?.arguments?.[0], uri.toString());
      assert.equal(typeof lens.command?.arguments?.[1], 'number');
    }
    assert.equal(api.databaseStatusText(), undefined);
  });

  suite.test('diagnostics follow edits as the user types', async () => {
    const uri = workspaceFile(UNSAFE_MIGRATION);
    const editor = await vscode.window.showTextDocument(uri);
    const line = editor.document.lineAt(1);
    const notNull = line.text.indexOf('NOT NULL');
    assert.ok(notNull > 0, line.text);
    const started = Date.now();
    await withTemporaryEdit(
      editor,
      (b) => b.replace(new vscode.Range(1, notNull, 1, notNull + 'NOT NULL'.length), 'NULL'),
      async () => {
        await waitFor('not-null-without-default to disappear', () => (codes(uri).includes('not-null-without-default') ? undefined : true), 10_000);
        suite.metrics.editToDiagnosticsMs = Date.now() - started;
        assert.ok(codes(uri).includes('drop-column'), 'the other findings stay');
      },
    );
    await lockstepDiagnostics(uri, EXPECTED_RULES);
  });

  suite.test('setTarget writes lockstep.target and the status bar follows', async () => {
    assert.ok(api);
    await vscode.window.showTextDocument(workspaceFile(UNSAFE_MIGRATION));
    const chosen = await vscode.commands.executeCommand<string>('lockstep.setTarget', 'mariadb-10.11');
    assert.equal(chosen, 'mariadb-10.11');
    assert.equal(vscode.workspace.getConfiguration('lockstep').get('target'), 'mariadb-10.11');
    await waitFor('status bar text', () => (api?.statusText().includes('MariaDB 10.11') ? true : undefined), 5_000);
    await vscode.workspace.getConfiguration('lockstep').update('target', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('status bar back to the default', () => (api?.statusText().includes('MySQL 8.0') ? true : undefined), 5_000);
  });

  suite.test('a target in lockstep.config.json wins, in the status bar and in the server', async () => {
    assert.ok(api);
    const client = api.client;
    const uri = workspaceFile(UNSAFE_MIGRATION);
    await vscode.window.showTextDocument(uri);
    const explainTarget = async (): Promise<string> =>
      (await client.sendRequest<{ target: string }>('lockstep/explain', { textDocument: { uri: uri.toString() }, position: { line: 4, character: 3 } })).target;
    assert.equal(await explainTarget(), 'mysql-8.0');
    const config = workspaceFile('lockstep.config.json');
    // comments and trailing commas are allowed in the config file: client and server read it alike
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{\n  // production\n  "target": "mariadb-10.6",\n}\n'));
    try {
      await waitFor('status bar from the config file', () => (api?.statusText().includes('MariaDB 10.6') ? true : undefined), 10_000);
      await waitFor('the server to use the config file', async () => ((await explainTarget()) === 'mariadb-10.6' ? true : undefined), 10_000);
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitFor('status bar back to the setting', () => (api?.statusText().includes('MySQL 8.0') ? true : undefined), 10_000);
  });

  suite.test('mistakes in lockstep.config.json appear as problems on the file; the server goes on with the rest', async () => {
    const uri = workspaceFile(UNSAFE_MIGRATION);
    await vscode.window.showTextDocument(uri);
    const config = workspaceFile('lockstep.config.json');
    const text = '{\n  "rules": { "drop-colum": "off", "not-null-without-default": "warning" }\n}\n';
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(text));
    try {
      const problems = await waitFor(
        'a problem on lockstep.config.json',
        () => {
          const found = vscode.languages.getDiagnostics(config).filter((d) => d.source === 'lockstep');
          return found.length > 0 ? found : undefined;
        },
        15_000,
      );
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /unknown rule "drop-colum".*did you mean "drop-column"/);
      assert.equal(problems[0].range.start.line, 1);
      await waitFor(
        'the valid rule setting to apply',
        () => {
          const at = codes(uri).indexOf('not-null-without-default');
          return at >= 0 && vscode.languages.getDiagnostics(uri)[at].severity === vscode.DiagnosticSeverity.Warning ? true : undefined;
        },
        15_000,
      );
      assert.ok(codes(uri).includes('drop-column'), 'the misspelt rule id turned nothing off');
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitFor('the problem to go with the file', () => (vscode.languages.getDiagnostics(config).length === 0 ? true : undefined), 15_000);
    await lockstepDiagnostics(uri, EXPECTED_RULES);
  });

  suite.test('a file the config file\'s globs name is analyzed whatever its language, from the moment they name it', async () => {
    const uri = workspaceFile('upgrade/4.1/schema.mysql');
    const config = workspaceFile('lockstep.config.json');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('ALTER TABLE users DROP COLUMN legacy;\n'));
    const editor = await vscode.window.showTextDocument(uri);
    assert.notEqual(editor.document.languageId, 'sql');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(codes(uri), [], 'not a migration under the default globs (**/*.sql)');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "migrations": { "paths": ["upgrade/**/*.mysql"] } }\n'));
    try {
      await lockstepDiagnostics(uri, ['drop-column']);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 3));
      const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(hoverText, /mysql-8\.0/, 'the hover works on it');
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitFor('its diagnostics to go once the globs no longer name it', () => (codes(uri).length === 0 ? true : undefined), 10_000);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(workspaceFile('upgrade'), { recursive: true });
  });

  suite.test('showSchemaBefore opens the schema before the migration as a read-only SQL document', async () => {
    const migration = workspaceFile(UNSAFE_MIGRATION);
    const outcome = await vscode.commands.executeCommand<{ uri: string; files: string[] } | { error: string } | undefined>('lockstep.showSchemaBefore', migration);
    assert.ok(outcome && 'uri' in outcome, JSON.stringify(outcome));
    assert.deepEqual(outcome.files, [workspaceFile('db/migration/V1__create_users.sql').toString()]);
    const shown = vscode.window.activeTextEditor?.document;
    assert.ok(shown, 'an editor shows it');
    assert.equal(shown.uri.toString(), outcome.uri);
    assert.equal(shown.uri.scheme, 'lockstep-schema');
    assert.equal(shown.languageId, 'sql');
    assert.match(shown.fileName, /Schema before V2__unsafe_changes\.sql$/);
    assert.match(shown.getText(), /CREATE TABLE `users`[^;]*`legacy_flag` tinyint/i, 'the schema before V2 drops legacy_flag');
    assert.doesNotMatch(shown.getText(), /`age`/, 'V2\'s own ADD COLUMN is not in it');
    // read-only: a content provider's document (the UI test types into it and gets VS Code's refusal)
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  suite.test('showRuleDocs opens the bundled page and refuses unknown ids', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const page = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', 'drop-column.md');
    assert.ok(existsSync(page.fsPath), 'docs/rules/drop-column.md is packaged');
    const opened = await vscode.commands.executeCommand<vscode.Uri | undefined>('lockstep.showRuleDocs', 'drop-column');
    assert.equal(opened?.toString(), page.toString());
    assert.equal(await vscode.commands.executeCommand('lockstep.showRuleDocs', '../package'), undefined);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  suite.test('a crashed language server is restarted and diagnostics come back', async () => {
    assert.ok(api);
    const client = api.client;
    const before = childProcesses(process.pid, 'server.js');
    assert.equal(before.length, 1, `one language server child of the extension host (found ${before.join(', ')})`);
    process.kill(before[0], 'SIGKILL');
    const started = Date.now();
    const after = await waitFor('a new server process', () => {
      const now = childProcesses(process.pid, 'server.js').filter((pid) => !before.includes(pid));
      return now.length === 1 && client.state === State.Running ? now : undefined;
    });
    suite.metrics.crashRestartMs = Date.now() - started;
    assert.notEqual(after[0], before[0]);
    const uri = workspaceFile(UNSAFE_MIGRATION);
    const editor = await vscode.window.showTextDocument(uri);
    await withTemporaryEdit(
      editor,
      (b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'),
      () => lockstepDiagnostics(uri, EXPECTED_RULES).then(() => undefined),
    );
  });

  suite.test('restartServer restarts cleanly', async () => {
    assert.ok(api);
    const before = childProcesses(process.pid, 'server.js');
    await vscode.commands.executeCommand('lockstep.restartServer');
    assert.equal(api.client.state, State.Running);
    const after = childProcesses(process.pid, 'server.js');
    assert.equal(after.length, 1);
    assert.notDeepEqual(after, before);
  });

  await suite.run(__dirname);
}
