// A renamed field in a schema.prisma with a Prisma Migrate chain, over the bundled server's stdio:
// next to "Show the expand/contract plan", a client that creates files is offered the action that
// writes the plan's migration folders. Its edit creates only them (annotated, each needing
// confirmation) and leaves schema.prisma alone; applied, the files carry the model edits in their
// headers. A client without file creation, or a schema without migrations, gets only the show action.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { ensureBundle, fileUri } from '../lsp/client';
import { applyToDisk, isCreate, isTextEdit, PlanSession, VSCODE_WORKSPACE_EDIT, type SessionOptions } from '../lsp/plan-session';
import { gitFixture } from './git-fixture';

const SHOW = 'Show the expand/contract plan';
const WRITE = 'Write the expand/contract plan as new migrations (the model edits are listed in their headers)';
const BEFORE = 'model User {\n  id    Int    @id @default(autoincrement())\n  email String @db.VarChar(191)\n}\n';
const AFTER = 'model User {\n  id      Int    @id @default(autoincrement())\n  contact String @db.VarChar(191)\n}\n';
const INIT = 'CREATE TABLE `User` (`id` INT NOT NULL AUTO_INCREMENT, `email` VARCHAR(191) NOT NULL, PRIMARY KEY (`id`));\n';


interface OpenModel {
  root: string;
  uri: string;
  session: PlanSession;
}

/** a repository with the schema committed (and its first migration, unless `migrations` is false), the rename open in a session */
function openRenamedSchema(options: Omit<SessionOptions, 'root'>, migrations = true): OpenModel {
  const opened = {} as OpenModel;
  before(async () => {
    const committed: Record<string, string> = { 'prisma/schema.prisma': BEFORE };
    if (migrations) committed['prisma/migrations/20240101000000_init/migration.sql'] = INIT;
    opened.root = gitFixture(committed, { 'prisma/schema.prisma': AFTER });
    opened.uri = fileUri(join(opened.root, 'prisma', 'schema.prisma'));
    opened.session = await PlanSession.start({ root: opened.root, ...options });
    await opened.session.open(opened.uri, AFTER);
  });
  after(async () => {
    await opened.session?.stop();
  });
  return opened;
}

async function renameActions(opened: OpenModel): Promise<{ diagnostic: Diagnostic; actions: CodeAction[] }> {
  const diagnostics = await opened.session.diagnostics(opened.uri, (ds) => ds.some((d) => d.code === 'rename-column'));
  const diagnostic = diagnostics.find((d) => d.code === 'rename-column');
  assert.ok(diagnostic);
  return { diagnostic, actions: await opened.session.codeActions(opened.uri, diagnostic.range, [diagnostic]) };
}

before(() => ensureBundle());

describe('a Prisma chain in a client that creates files (VS Code)', () => {
  const opened = openRenamedSchema({ workspace: VSCODE_WORKSPACE_EDIT, clientName: 'Visual Studio Code' });

  test('the rename offers both the show and the write action; the write edit only creates the migration folders', async () => {
    const { diagnostic, actions } = await renameActions(opened);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.indexOf(SHOW) >= 0 && titles.indexOf(WRITE) === titles.indexOf(SHOW) + 1, titles.join(' | '));
    const write = actions.find((a) => a.title === WRITE);
    assert.equal(write?.kind, 'quickfix');
    assert.deepEqual(write?.diagnostics, [diagnostic]);
    const edit = write?.edit;
    assert.ok(edit?.documentChanges && edit.changeAnnotations);
    const creates = edit.documentChanges.filter(isCreate);
    const paths = creates.map((c) => fileURLToPath(c.uri).slice(opened.root.length + 1));
    assert.equal(paths.length, 5);
    for (const p of paths) assert.match(p, /^prisma\/migrations\/\d{14}_[a-z_]+\/migration\.sql$/);
    for (const c of creates) {
      assert.deepEqual(c.options, { overwrite: false, ignoreIfExists: true });
      assert.equal(edit.changeAnnotations[c.annotationId ?? '']?.needsConfirmation, true);
    }
    // nothing but the new files: schema.prisma shows the end state and stays as the user wrote it
    const edited = edit.documentChanges.filter(isTextEdit).map((c) => c.textDocument.uri);
    assert.deepEqual(edited, creates.map((c) => c.uri));
    assert.equal(edit.changes, undefined);
    assert.deepEqual(readdirSync(join(opened.root, 'prisma', 'migrations')), ['20240101000000_init'], 'offering the action wrote nothing');
  });

  test('applied, it creates the folders with the plan\'s SQL and the model edits in each header', async () => {
    const { actions } = await renameActions(opened);
    const edit = actions.find((a) => a.title === WRITE)?.edit;
    assert.ok(edit);
    const created = applyToDisk(edit);
    assert.equal(created.length, 5);
    assert.equal(readFileSync(join(opened.root, 'prisma', 'schema.prisma'), 'utf8'), AFTER);
    const first = readFileSync(created[0], 'utf8');
    assert.match(first, /ADD COLUMN `contact` VARCHAR\(191\)/);
    assert.match(first, /In the model \(schema\.prisma\): keep `email` and add `contact` beside it, optional: `contact String\? @db\.VarChar\(191\)`/);
    assert.match(readFileSync(created[4], 'utf8'), /DROP COLUMN `email`/);
    assert.match(readFileSync(created[4], 'utf8'), /In the model \(schema\.prisma\): remove `email`/);
    const plan = await opened.session.plan({ textDocument: { uri: opened.uri }, position: { line: 2, character: 2 } });
    assert.equal(plan.rule, 'rename-column');
  });
});

describe('a Prisma chain in a client that cannot create files', () => {
  const opened = openRenamedSchema({ workspace: { workspaceEdit: { documentChanges: true } } });

  test('only the show action is offered', async () => {
    const { actions } = await renameActions(opened);
    assert.ok(actions.some((a) => a.title === SHOW), actions.map((a) => a.title).join(' | '));
    assert.ok(!actions.some((a) => a.title === WRITE));
  });
});

describe('a schema without a migrations folder in VS Code', () => {
  const opened = openRenamedSchema({ workspace: VSCODE_WORKSPACE_EDIT, clientName: 'Visual Studio Code' }, false);

  test('the plan is shown only: no write action', async () => {
    const { actions } = await renameActions(opened);
    assert.ok(actions.some((a) => a.title === SHOW), actions.map((a) => a.title).join(' | '));
    assert.ok(!actions.some((a) => a.title === WRITE));
  });
});
