// "Rewrite as a safe multi-release sequence" over the bundled server's stdio, on a Flyway project
// that renames person.last_name: the action's edit creates the plan's migrations (annotated, each
// change needing confirmation) and replaces or removes the statement; the new files lint without
// an error; a client that cannot create files gets a command that shows the plan instead; safe
// statements get no action; an existing file is never overwritten; `lockstep/plan` answers Markdown.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, ResponseError, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import * as wire from '../../client/src/protocol';
import { COMMANDS, PlanRequest, type PlanParams, type PlanResult } from '../../server/src/lsp/protocol';
import { applyTextEdits, ensureBundle, fileUri } from './client';
import { applyToDisk, isCreate, isTextEdit, PlanSession, VSCODE_WORKSPACE_EDIT, type SessionOptions } from './plan-session';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrored: [Same<wire.PlanParams, PlanParams>, Same<wire.PlanResult, PlanResult>] = [true, true];

const REWRITE = 'Rewrite as a safe multi-release sequence';
const V1 = 'CREATE TABLE person (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  first_name VARCHAR(50) NOT NULL,\n  last_name VARCHAR(50) NOT NULL\n);\n';
const V2 = '-- the column gets its real name\nALTER TABLE person RENAME COLUMN last_name TO surname;\nCREATE TABLE audit (id BIGINT NOT NULL PRIMARY KEY);\n';

/** a Flyway project in a fresh folder: V1 creates person, V2 renames its column */
function flywayProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'lockstep-plan-'));
  mkdirSync(join(root, 'db', 'migration'), { recursive: true });
  writeFileSync(join(root, 'lockstep.config.json'), JSON.stringify({ target: 'mariadb-10.11' }));
  writeFileSync(join(root, 'db', 'migration', 'V1__create_person.sql'), V1);
  writeFileSync(join(root, 'db', 'migration', 'V2__rename_last_name.sql'), V2);
  return root;
}


/** the rename-column diagnostic of V2, once published */
async function renameDiagnostic(session: PlanSession, uri: string): Promise<Diagnostic> {
  const diagnostics = await session.diagnostics(uri, (ds) => ds.some((d) => d.code === 'rename-column'));
  const found = diagnostics.find((d) => d.code === 'rename-column');
  assert.ok(found);
  return found;
}

function rewrites(actions: CodeAction[]): CodeAction[] {
  return actions.filter((a) => a.title.startsWith(REWRITE));
}

/** the project of one describe: a fresh Flyway folder and a session of a client with `options`, V2 open */
interface OpenProject {
  root: string;
  session: PlanSession;
  uri: string;
}

/** registers the describe's before/after hooks; the fields are set once `before` has run */
function openFlywayProject(options: Omit<SessionOptions, 'root'>): OpenProject {
  const project = {} as OpenProject;
  before(async () => {
    project.root = flywayProject();
    project.uri = fileUri(join(project.root, 'db', 'migration', 'V2__rename_last_name.sql'));
    project.session = await PlanSession.start({ root: project.root, ...options });
    await project.session.open(project.uri, V2);
  });
  after(async () => {
    await project.session?.stop();
    if (project.root) rmSync(project.root, { recursive: true, force: true });
  });
  return project;
}

before(() => ensureBundle());

describe('in a client that creates files and confirms annotated changes (VS Code)', () => {
  const project = openFlywayProject({ workspace: VSCODE_WORKSPACE_EDIT, clientName: 'Visual Studio Code' });

  test('the rename-column diagnostic offers the rewrite, as a comment or removing the statement', async () => {
    const diagnostic = await renameDiagnostic(project.session, project.uri);
    const actions = await project.session.codeActions(project.uri, diagnostic.range, [diagnostic]);
    assert.deepEqual(rewrites(actions).map((a) => a.title), [REWRITE, `${REWRITE} (remove the statement)`]);
    for (const a of rewrites(actions)) {
      assert.equal(a.kind, 'quickfix');
      assert.deepEqual(a.diagnostics, [diagnostic]);
      assert.equal(a.command, undefined);
    }
    assert.ok(actions.some((a) => a.title === 'Disable rename-column for this line'), 'the other actions stay');
    assert.ok(!actions.some((a) => a.command?.command === COMMANDS.showMigrationPlan), 'no show-plan command where the files can be created');
  });

  test('its edit creates the next Flyway migrations, each change annotated and needing confirmation, and writes nothing itself', async () => {
    const diagnostic = await renameDiagnostic(project.session, project.uri);
    const [pointer] = rewrites(await project.session.codeActions(project.uri, diagnostic.range, [diagnostic]));
    const edit = pointer?.edit;
    assert.ok(edit?.documentChanges && edit.changeAnnotations);
    const creates = edit.documentChanges.filter(isCreate);
    const names = creates.map((c) => fileURLToPath(c.uri).slice(join(project.root, 'db', 'migration').length + 1));
    assert.ok(creates.length >= 2, `several releases: ${names.join(', ')}`);
    for (const [i, name] of names.entries()) assert.match(name, new RegExp(`^V${i + 3}__\\w+\\.sql$`), 'the next Flyway versions, in order');
    for (const c of creates) {
      assert.deepEqual(c.options, { overwrite: false, ignoreIfExists: true });
      assert.equal(edit.changeAnnotations[c.annotationId ?? '']?.needsConfirmation, true);
    }
    const fills = edit.documentChanges.filter(isTextEdit).filter((c) => c.textDocument.version === null);
    assert.deepEqual(fills.map((f) => f.textDocument.uri), creates.map((c) => c.uri));
    assert.match(fills.map((f) => f.edits[0]?.newText).join('\n'), /ADD COLUMN `?surname`?/i, 'the first release adds the new column');
    for (const annotation of Object.values(edit.changeAnnotations)) assert.equal(annotation.needsConfirmation, true);
    assert.deepEqual(readdirSync(join(project.root, 'db', 'migration')).sort(), ['V1__create_person.sql', 'V2__rename_last_name.sql'], 'offering the action wrote nothing');
  });

  test('applied, it replaces the statement by a comment naming the new files, and every file lints without an error', async () => {
    const diagnostic = await renameDiagnostic(project.session, project.uri);
    const [pointer] = rewrites(await project.session.codeActions(project.uri, diagnostic.range, [diagnostic]));
    assert.ok(pointer?.edit);
    const own = pointer.edit.documentChanges?.filter(isTextEdit).find((c) => c.textDocument.uri === project.uri);
    assert.equal(own?.textDocument.version, 1);
    const after = applyTextEdits(V2, own?.edits ?? []);
    const lines = after.split('\n');
    assert.equal(lines[0], '-- the column gets its real name', 'the comment before it stays');
    assert.match(lines[1] ?? '', /^-- Rewritten by Lockstep as \d releases \(rename-column\): /);
    const created = pointer.edit.documentChanges?.filter(isCreate).map((c) => fileURLToPath(c.uri).slice(project.root.length + 1)) ?? [];
    for (const path of created) assert.ok(after.includes(path), `the comment names ${path}`);
    assert.ok(after.includes('--   ALTER TABLE person RENAME COLUMN last_name TO surname'), 'and quotes the statement');
    assert.ok(after.endsWith('\nCREATE TABLE audit (id BIGINT NOT NULL PRIMARY KEY);\n'), 'the rest of the file stays');

    // as an editor would: write the files, then open each (the later ones replay the earlier ones from disk)
    const written = applyToDisk(pointer.edit);
    assert.equal(readFileSync(fileURLToPath(project.uri), 'utf8'), after);
    await project.session.change(project.uri, 2, after);
    await project.session.created(written.map((p) => fileUri(p)));
    const rewritten = await project.session.diagnostics(project.uri, (ds) => !ds.some((d) => d.code === 'rename-column'));
    assert.deepEqual(rewritten.filter((d) => d.severity === DiagnosticSeverity.Error), [], 'the migration itself lints without an error');
    for (const path of written) {
      const fileUriOf = fileUri(path);
      await project.session.open(fileUriOf, readFileSync(path, 'utf8'));
      const diagnostics = await project.session.diagnostics(fileUriOf);
      const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
      assert.deepEqual(errors.map((d) => `${String(d.code)}: ${d.message}`), [], `${path} lints without an error`);
    }
  });
});

describe('the remove variant, and files that already exist', () => {
  const project = openFlywayProject({ workspace: VSCODE_WORKSPACE_EDIT, clientName: 'Visual Studio Code' });

  test('removing the statement leaves no empty line where it stood', async () => {
    const diagnostic = await renameDiagnostic(project.session, project.uri);
    const remove = rewrites(await project.session.codeActions(project.uri, diagnostic.range, [diagnostic]))[1];
    const own = remove?.edit?.documentChanges?.filter(isTextEdit).find((c) => c.textDocument.uri === project.uri);
    assert.equal(applyTextEdits(V2, own?.edits ?? []), '-- the column gets its real name\nCREATE TABLE audit (id BIGINT NOT NULL PRIMARY KEY);\n');
    assert.equal(remove?.edit?.changeAnnotations?.['lockstep.plan.statement']?.label, 'Remove the unsafe statement');
  });

  test('when a file of the plan exists, no rewrite is offered (it would be overwritten), only the plan to read', async () => {
    const diagnostic = await renameDiagnostic(project.session, project.uri);
    const [pointer] = rewrites(await project.session.codeActions(project.uri, diagnostic.range, [diagnostic]));
    const first = pointer?.edit?.documentChanges?.find(isCreate);
    assert.ok(first);
    const path = fileURLToPath(first.uri);
    writeFileSync(path, '-- written by a colleague\n');
    try {
      const actions = await project.session.codeActions(project.uri, diagnostic.range, [diagnostic]);
      assert.deepEqual(rewrites(actions), []);
      const show = actions.find((a) => a.command?.command === COMMANDS.showMigrationPlan);
      assert.ok(show, actions.map((a) => a.title).join(' | '));
      assert.equal(readFileSync(path, 'utf8'), '-- written by a colleague\n');
    } finally {
      rmSync(path);
    }
  });
});

describe('in a client that cannot create files', () => {
  const project = openFlywayProject({ workspace: { workspaceEdit: { documentChanges: true } }, showDocument: true });

  test('no rewrite: a command shows the plan as a read-only Markdown file instead', async () => {
    const diagnostic = await renameDiagnostic(project.session, project.uri);
    const actions = await project.session.codeActions(project.uri, diagnostic.range, [diagnostic]);
    assert.deepEqual(rewrites(actions), []);
    const show = actions.find((a) => a.command?.command === COMMANDS.serverShowMigrationPlan);
    assert.ok(show?.command, actions.map((a) => a.title).join(' | '));
    assert.equal(show.edit, undefined);
    assert.deepEqual(show.command.arguments, [project.uri, 0, 'rename-column']);
    const markdown = await project.session.executeCommand(show.command.command, show.command.arguments ?? []);
    assert.equal(typeof markdown, 'string');
    assert.match(String(markdown), /surname/);
    assert.equal(project.session.shown.length, 1);
    const shown = fileURLToPath(project.session.shown[0]?.uri ?? '');
    assert.match(shown, /V2__rename_last_name\.rename-column-plan\.md$/);
    assert.equal(readFileSync(shown, 'utf8'), markdown);
    assert.equal(statSync(shown).mode & 0o222, 0, 'read-only');
    assert.ok(!shown.startsWith(project.root), 'outside the workspace');
    rmSync(dirname(shown), { recursive: true, force: true });
    assert.deepEqual(readdirSync(join(project.root, 'db', 'migration')).sort(), ['V1__create_person.sql', 'V2__rename_last_name.sql'], 'nothing written in the project');
  });

  test('bad command arguments are refused without an error', async () => {
    assert.equal(await project.session.executeCommand(COMMANDS.serverShowMigrationPlan, ['not a uri', 'x']), null);
    assert.equal(await project.session.executeCommand(COMMANDS.serverShowMigrationPlan, []), null);
    assert.ok(project.session.alive());
  });
});

describe('statements without a plan, and lockstep/plan', () => {
  const project = openFlywayProject({ workspace: VSCODE_WORKSPACE_EDIT, clientName: 'Visual Studio Code' });

  test('the client mirrors the wire types and the method name', () => {
    assert.deepEqual(mirrored, [true, true]);
    assert.equal(wire.PlanRequest.method, PlanRequest.method);
  });

  test('a safe statement, and a diagnostic of a rule without a plan, get no rewrite', async () => {
    await renameDiagnostic(project.session, project.uri);
    const createLine = { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } };
    assert.deepEqual(rewrites(await project.session.codeActions(project.uri, createLine, [])), []);
    const other: Diagnostic = { range: createLine, message: 'something else', source: 'lockstep', code: 'drop-column', data: { rule: 'drop-column' } };
    assert.deepEqual(rewrites(await project.session.codeActions(project.uri, createLine, [other])), []);
    const foreign: Diagnostic = { range: createLine, message: 'not ours', source: 'other-linter', code: 'rename-column' };
    assert.deepEqual(rewrites(await project.session.codeActions(project.uri, createLine, [foreign])), []);
    const beyond = { start: { line: 400, character: 0 }, end: { line: 400, character: 9 } };
    const stray: Diagnostic = { range: beyond, message: 'stale', source: 'lockstep', code: 'rename-column', data: { rule: 'rename-column' } };
    assert.deepEqual(rewrites(await project.session.codeActions(project.uri, beyond, [stray])), [], 'a range past the end of the file');
    assert.ok(project.session.alive());
  });

  test('lockstep/plan answers the plan of the statement at a position as Markdown, with its files', async () => {
    await renameDiagnostic(project.session, project.uri);
    const result = await project.session.plan({ textDocument: { uri: project.uri }, position: { line: 1, character: 5 } });
    assert.equal(result.rule, 'rename-column');
    assert.match(result.markdown, /^#/m, 'Markdown headings');
    assert.match(result.markdown, /surname/);
    assert.ok(result.files.length >= 2);
    for (const f of result.files) {
      assert.match(f.path, /^db\/migration\/V\d+__\w+\.sql$/);
      assert.ok(result.markdown.includes(f.path), `the Markdown names ${f.path}`);
    }
    assert.deepEqual(readdirSync(join(project.root, 'db', 'migration')).sort(), ['V1__create_person.sql', 'V2__rename_last_name.sql'], 'nothing written');
  });

  test('lockstep/plan on a statement without a plan fails with the reason', async () => {
    await assert.rejects(project.session.plan({ textDocument: { uri: project.uri }, position: { line: 2, character: 3 } }), (error: unknown) => {
      assert.ok(error instanceof ResponseError);
      assert.match(error.message, /no multi-release rewrite for this statement \(CREATE TABLE audit/);
      return true;
    });
    await assert.rejects(project.session.plan({ textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } }), /only a migration saved on disk/);
  });
});
