// The WorkspaceEdit of a plan, built from a plan written out by hand: the files are created in
// deployment order and filled, the statement is replaced by a comment naming them (or removed), every
// change carries an annotation that needs confirmation, and no path may leave the project folder.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { AnnotatedTextEdit, CreateFile, TextDocumentEdit } from 'vscode-languageserver-protocol';
import type { Plan } from '../../server/src/engine';
import { planEditSupport } from '../../server/src/lsp/handlers/plan-capabilities';
import { planFilePath, planWorkspaceEdit, type PlanEditInput } from '../../server/src/lsp/handlers/plan-edit';
import { fileUri } from './client';

const ROOT = join('/', 'work', 'project');
const PLAN: Plan = {
  kind: 'rename-column',
  convention: 'flyway',
  summary: 'rename person.last_name to surname in three releases',
  statementIndex: 0,
  releases: [
    { title: 'Release 1 — expand: add surname', appSteps: ['write both'], verify: ['SELECT 1'], files: [{ path: 'db/migration/V3__add_surname.sql', direction: 'up', content: 'ALTER TABLE person ADD COLUMN surname VARCHAR(50) NULL;\n' }] },
    { title: 'Release 2 — migrate: read surname', appSteps: ['read surname'], verify: [], files: [] },
    { title: 'Release 3 — contract: drop last_name', appSteps: [], verify: [], files: [{ path: 'db/migration/V4__drop_last_name.sql', direction: 'up', content: 'ALTER TABLE person DROP COLUMN last_name;\n' }] },
  ],
};

function input(overrides: Partial<PlanEditInput> = {}): PlanEditInput {
  return {
    plan: PLAN,
    root: ROOT,
    document: { uri: fileUri(join(ROOT, 'db', 'migration', 'V2__rename.sql')), version: 7 },
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 55 } },
    statementText: 'ALTER TABLE person RENAME COLUMN last_name TO surname',
    replacement: 'pointer',
    annotations: true,
    eol: '\n',
    ...overrides,
  };
}

const isCreate = (c: CreateFile | TextDocumentEdit | object): c is CreateFile => 'kind' in c && c.kind === 'create';
const isTextEdit = (c: CreateFile | TextDocumentEdit | object): c is TextDocumentEdit => 'textDocument' in c;

describe('planWorkspaceEdit', () => {
  test('creates each file, never overwriting, then inserts its content, in deployment order', () => {
    const edit = planWorkspaceEdit(input());
    assert.ok(edit?.documentChanges);
    const changes = edit.documentChanges;
    const creates = changes.filter(isCreate);
    assert.deepEqual(creates.map((c) => c.uri), [fileUri(join(ROOT, 'db/migration/V3__add_surname.sql')), fileUri(join(ROOT, 'db/migration/V4__drop_last_name.sql'))]);
    for (const c of creates) assert.deepEqual(c.options, { overwrite: false, ignoreIfExists: true });
    const fills = changes.filter(isTextEdit).filter((c) => c.textDocument.version === null);
    assert.deepEqual(fills.map((f) => [f.textDocument.uri, f.edits[0]?.newText]), [
      [creates[0]?.uri, 'ALTER TABLE person ADD COLUMN surname VARCHAR(50) NULL;\n'],
      [creates[1]?.uri, 'ALTER TABLE person DROP COLUMN last_name;\n'],
    ]);
    // each file is created before it is filled
    for (const c of creates) assert.ok(changes.indexOf(c) < changes.findIndex((x) => isTextEdit(x) && x.textDocument.uri === c.uri));
  });

  test('replaces the statement (at the document version it was computed for) by a comment naming the new files', () => {
    const edit = planWorkspaceEdit(input());
    const own = edit?.documentChanges?.filter(isTextEdit).find((c) => c.textDocument.version === 7);
    assert.ok(own);
    assert.deepEqual(own.edits[0]?.range, input().range);
    assert.equal(
      own.edits[0]?.newText,
      [
        '-- Rewritten by Lockstep as 3 releases (rename-column): rename person.last_name to surname in three releases',
        '--   release 1: db/migration/V3__add_surname.sql',
        '--   release 2: no migration, an application change only',
        '--   release 3: db/migration/V4__drop_last_name.sql',
        '-- The statement was:',
        '--   ALTER TABLE person RENAME COLUMN last_name TO surname',
      ].join('\n'),
    );
  });

  test('the remove variant deletes the statement; a CRLF file gets CRLF comment lines', () => {
    const removed = planWorkspaceEdit(input({ replacement: 'remove' }))?.documentChanges?.filter(isTextEdit).find((c) => c.textDocument.version === 7);
    assert.equal(removed?.edits[0]?.newText, '');
    const crlf = planWorkspaceEdit(input({ eol: '\r\n', statementText: 'ALTER TABLE person\r\n  RENAME COLUMN last_name TO surname' }))?.documentChanges?.filter(isTextEdit).find((c) => c.textDocument.version === 7);
    const text = crlf?.edits[0]?.newText ?? '';
    assert.equal(text.split('\r\n').length, 7, text);
    assert.ok(!/[^\r]\n/.test(text), 'no bare LF');
    assert.match(text, /--   ALTER TABLE person\r\n--     RENAME COLUMN/);
  });

  test('every change is annotated; each annotation (one per release with files, one for the statement) needs confirmation', () => {
    const edit = planWorkspaceEdit(input());
    assert.ok(edit?.changeAnnotations && edit.documentChanges);
    const annotations = edit.changeAnnotations;
    assert.deepEqual(Object.values(annotations).map((a) => a.label), ['Release 1 — expand: add surname', 'Release 3 — contract: drop last_name', 'Replace the unsafe statement by a comment naming the new migrations']);
    for (const a of Object.values(annotations)) assert.equal(a.needsConfirmation, true);
    assert.match(annotations['lockstep.plan.release-1']?.description ?? '', /V3__add_surname\.sql.*never overwrites/);
    for (const change of edit.documentChanges) {
      const ids = isCreate(change) ? [change.annotationId] : isTextEdit(change) ? change.edits.map((e) => (e as AnnotatedTextEdit).annotationId) : [];
      for (const id of ids) assert.ok(id !== undefined && id in annotations, `annotated: ${JSON.stringify(change)}`);
    }
  });

  test('without annotation support: the same changes, no annotations', () => {
    const edit = planWorkspaceEdit(input({ annotations: false }));
    assert.equal(edit?.changeAnnotations, undefined);
    assert.equal(edit?.documentChanges?.length, 5);
    assert.ok(!JSON.stringify(edit).includes('annotationId'));
  });

  test('a plan with a path outside the project folder, or with no file, gives no edit', () => {
    const escaping: Plan = { ...PLAN, releases: [{ ...PLAN.releases[0]!, files: [{ path: '../elsewhere/V3__x.sql', direction: 'up', content: 'SELECT 1;' }] }] };
    assert.equal(planWorkspaceEdit(input({ plan: escaping })), undefined);
    assert.equal(planWorkspaceEdit(input({ plan: { ...PLAN, releases: [PLAN.releases[1]!] } })), undefined);
    assert.equal(planFilePath(ROOT, '/etc/passwd'), undefined);
    assert.equal(planFilePath(ROOT, 'db/../../x.sql'), undefined);
    assert.equal(planFilePath(ROOT, 'db/migration/V3__x.sql'), join(ROOT, 'db', 'migration', 'V3__x.sql'));
  });
});

describe('planEditSupport', () => {
  test('file creation from resourceOperations; annotations only with it', () => {
    assert.deepEqual(planEditSupport({}), { createFiles: false, annotations: false });
    assert.deepEqual(planEditSupport({ workspace: { workspaceEdit: { documentChanges: true } } }), { createFiles: false, annotations: false });
    // Neovim 0.7: resource operations without documentChanges: true (they only exist inside documentChanges)
    assert.deepEqual(planEditSupport({ workspace: { workspaceEdit: { resourceOperations: ['rename', 'create', 'delete'] } } }), { createFiles: true, annotations: false });
    const vscode = { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] as ('create' | 'rename' | 'delete')[], changeAnnotationSupport: { groupsOnLabel: true } } } };
    assert.deepEqual(planEditSupport(vscode), { createFiles: true, annotations: true });
    assert.deepEqual(planEditSupport({ workspace: { workspaceEdit: { changeAnnotationSupport: {} } } }), { createFiles: false, annotations: false });
  });
});
