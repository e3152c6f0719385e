// `lockstep/projectInfo` and `lockstep/projectChanged` over the bundled server's stdio: the target,
// where it comes from, the config file and the migration globs; a notification whenever they may
// have changed. Also: a migration with another extension, opened as plain text, is analyzed.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DidOpenTextDocumentNotification, FileChangeType } from 'vscode-languageserver-protocol';
import * as wire from '../../client/src/protocol';
import { lspGlobs } from '../../server/src/lsp/handlers/project-info';
import { ProjectChangedNotification, ProjectInfoRequest, type DocumentPattern, type ProjectInfo, type ProjectInfoParams } from '../../server/src/lsp/protocol';
import { ensureBundle, fileUri, LspClient } from './client';

// the client's mirror of the wire types (client/src/protocol.ts) is the server's, in both directions
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrored: [Same<wire.ProjectInfo, ProjectInfo>, Same<wire.ProjectInfoParams, ProjectInfoParams>, Same<wire.DocumentPattern, DocumentPattern>] = [true, true, true];

const CONFIG = { target: 'mariadb-10.11', migrations: { paths: ['upgrade/**/*.mysql'] } };

let workspace: string;
let client: LspClient;
let changes = 0;
const configPath = (): string => join(workspace, 'lockstep.config.json');

function info(uri?: string): Promise<ProjectInfo> {
  return client.connection.sendRequest(ProjectInfoRequest, uri === undefined ? {} : { uri });
}

/** resolves with the next lockstep/projectChanged after `action` */
async function projectChangedAfter(action: () => Promise<void>): Promise<void> {
  const before = changes;
  await action();
  const deadline = Date.now() + 10_000;
  while (changes === before) {
    if (Date.now() > deadline) throw new Error('no lockstep/projectChanged within 10 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function configChanged(config: object | undefined): Promise<void> {
  await projectChangedAfter(async () => {
    if (config) writeFileSync(configPath(), JSON.stringify(config));
    else rmSync(configPath());
    await client.filesChanged([{ uri: fileUri(configPath()), type: config ? FileChangeType.Changed : FileChangeType.Deleted }]);
  });
}

before(async () => {
  await ensureBundle();
  workspace = mkdtempSync(join(tmpdir(), 'lockstep-project-info-'));
  mkdirSync(join(workspace, 'upgrade', '4.1'), { recursive: true });
  writeFileSync(configPath(), JSON.stringify(CONFIG));
  client = await LspClient.start({ root: workspace });
  client.connection.onNotification(ProjectChangedNotification, () => changes++);
});

after(async () => {
  await client?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('lockstep/projectInfo', () => {
  test('the client mirrors the wire types and method names', () => {
    assert.deepEqual(mirrored, [true, true, true]);
    assert.equal(wire.ProjectInfoRequest.method, ProjectInfoRequest.method);
    assert.equal(wire.ProjectChangedNotification.method, ProjectChangedNotification.method);
  });

  test('answers with the config file\'s target, the file and its migration globs, for a document and for the folder', async () => {
    const expected: ProjectInfo = {
      target: 'mariadb-10.11',
      targetSource: 'config-file',
      configUri: fileUri(configPath()),
      documentPatterns: [{ baseUri: fileUri(workspace), pattern: 'upgrade/**/*.mysql' }],
    };
    assert.deepEqual(await info(), expected);
    assert.deepEqual(await info(fileUri(workspace)), expected);
    assert.deepEqual(await info(fileUri(join(workspace, 'upgrade', '4.1', 'schema.mysql'))), expected);
  });

  test('a migration with another extension, opened as plain text, gets diagnostics', async () => {
    const uri = fileUri(join(workspace, 'upgrade', '4.1', 'schema.mysql'));
    const text = 'ALTER TABLE users DROP COLUMN legacy;\n';
    writeFileSync(join(workspace, 'upgrade', '4.1', 'schema.mysql'), text);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    assert.ok(diagnostics.some((d) => d.code === 'drop-column'), JSON.stringify(diagnostics.map((d) => d.code)));
  });

  test('after the config file changes the server sends lockstep/projectChanged and answers with the new target', async () => {
    await configChanged({ ...CONFIG, target: 'mysql-8.4' });
    assert.equal((await info()).target, 'mysql-8.4');
    await configChanged({ migrations: { paths: ['db/migration', '*.ddl'] } });
    const now = await info();
    assert.equal(now.target, 'mysql-8.0');
    assert.equal(now.targetSource, 'default');
    assert.deepEqual(
      now.documentPatterns.map((p) => p.pattern),
      ['db/migration', 'db/migration/**', '**/*.ddl'],
      'config globs in LSP glob form: a folder covers what is below it, a bare name any folder',
    );
  });

  test('settings changes are announced too; without a config file the setting decides, with the default globs', async () => {
    await configChanged(undefined);
    await projectChangedAfter(() => client.changeSettings({ target: 'mariadb-10.6' }));
    const now = await info();
    assert.deepEqual(now, { target: 'mariadb-10.6', targetSource: 'setting', documentPatterns: [{ baseUri: fileUri(workspace), pattern: '**/*.sql' }] });
    await projectChangedAfter(() => client.changeSettings({}));
    assert.equal((await info()).targetSource, 'default');
  });
});

describe('config globs as LSP globs', () => {
  test('keep globs with a folder, anchor bare names, cover folders', () => {
    assert.deepEqual(lspGlobs('upgrade/**/*.mysql'), ['upgrade/**/*.mysql']);
    assert.deepEqual(lspGlobs('./db\\migration/'), ['db/migration', 'db/migration/**']);
    assert.deepEqual(lspGlobs('*.sql'), ['**/*.sql']);
    assert.deepEqual(lspGlobs('  '), []);
  });
});
