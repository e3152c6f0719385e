// Extension tests of the migration plan, run inside code-server's extension host (the
// `extensionTestsPath` module of plan.test.ts) on a Flyway workspace whose V2 renames person.last_name.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LockstepApi } from '../../../../client/src/extension';
import { Suite, waitFor } from './harness';

const RENAME = 'db/migration/V2__rename_last_name.sql';
const REWRITE = 'Rewrite as a safe multi-release sequence';

type Outcome = { uri: string; rule: string; files: string[] } | { error: string } | undefined;

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

async function migrationNames(): Promise<string[]> {
  const entries = await vscode.workspace.fs.readDirectory(workspaceFile('db/migration'));
  return entries.map(([name]) => name).sort();
}

export async function run(): Promise<void> {
  const suite = new Suite();
  const uri = workspaceFile(RENAME);
  let diagnostic: vscode.Diagnostic | undefined;

  suite.test('the extension starts and reports rename-column on the migration', async () => {
    const extension = vscode.extensions.getExtension<LockstepApi>('lockstep.lockstep');
    assert.ok(extension);
    await extension.activate();
    await vscode.window.showTextDocument(uri);
    diagnostic = await waitFor('the rename-column diagnostic', () =>
      vscode.languages.getDiagnostics(uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'rename-column'),
    );
    assert.ok((await vscode.commands.getCommands(true)).includes('lockstep.showMigrationPlan'));
  });

  suite.test('lockstep.showMigrationPlan with a URI and a position (what a code action sends) opens a read-only Markdown document', async () => {
    const outcome = (await vscode.commands.executeCommand('lockstep.showMigrationPlan', uri.toString(), { line: 1, character: 3 })) as Outcome;
    assert.ok(outcome && 'uri' in outcome, JSON.stringify(outcome));
    assert.equal(outcome.rule, 'rename-column');
    assert.ok(outcome.files.length >= 2, outcome.files.join(', '));
    for (const f of outcome.files) assert.match(f, /^db\/migration\/V\d+__\w+\.sql$/);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === outcome.uri);
    assert.ok(document, 'the plan document is open');
    assert.equal(document.uri.scheme, 'lockstep-plan');
    assert.equal(document.languageId, 'markdown');
    assert.match(document.getText(), /^# Migration plan/m);
    for (const f of outcome.files) assert.ok(document.getText().includes(f), `the plan names ${f}`);
    // a content provider's document cannot be saved: nothing reaches the disk
    assert.equal(await document.save(), false);
    assert.deepEqual(await migrationNames(), ['V1__create_person.sql', 'V2__rename_last_name.sql']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  suite.test('on a line without a plan it says why and opens nothing', async () => {
    const before = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'lockstep-plan').length;
    const outcome = (await vscode.commands.executeCommand('lockstep.showMigrationPlan', uri.toString(), { line: 0, character: 3 })) as Outcome;
    assert.ok(outcome && 'error' in outcome, JSON.stringify(outcome));
    assert.match(outcome.error, /put the cursor on a statement/);
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'lockstep-plan').length, before);
  });

  suite.test('the rewrite code action carries one workspace edit: the migration and every new file', async () => {
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(REWRITE) && titles.includes(`${REWRITE} (remove the statement)`), titles.join(' | '));
    const rewrite = actions.find((a) => a.title === REWRITE);
    assert.ok(rewrite?.edit);
    const plan = (await vscode.commands.executeCommand('lockstep.showMigrationPlan', uri.toString(), { line: 1, character: 3 })) as Outcome;
    assert.ok(plan && 'files' in plan);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // the migration plus each new file (created and filled)
    assert.equal(rewrite.edit.size, plan.files.length + 1);
    for (const f of plan.files) assert.ok(rewrite.edit.has(workspaceFile(f)), `the edit fills ${f}`);
    assert.ok(rewrite.edit.has(uri));
    assert.deepEqual(await migrationNames(), ['V1__create_person.sql', 'V2__rename_last_name.sql'], 'asking for the actions writes nothing');
  });

  await suite.run(__dirname);
}
