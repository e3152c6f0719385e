// The config's `orm.models` globs decide which files the language server checks as models, as
// they do for `lockstep lint`: a Prisma schema they name is checked whatever its name or folder,
// a conventionally named one they do not name is not, and the client is told to send the files
// they name (lockstep/projectInfo).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { ProjectInfoRequest, type ProjectInfo } from '../../server/src/lsp/protocol';
import { ensureBundle, fileUri, LspClient } from '../lsp/client';
import { gitFixture, write } from './git-fixture';

const BEFORE = 'model User {\n  id    Int    @id @default(autoincrement())\n  email String\n}\n';
const RENAMED = 'model User {\n  id      Int    @id @default(autoincrement())\n  contact String\n}\n';
const CONFIG = `${JSON.stringify({ orm: { models: ['db/models/*.prisma'] } }, null, 2)}\n`;

let dir: string;
let client: LspClient;

before(async () => {
  await ensureBundle();
  dir = gitFixture(
    { 'db/models/accounts.prisma': BEFORE, 'prisma/schema.prisma': BEFORE, 'lockstep.config.json': CONFIG },
    { 'db/models/accounts.prisma': RENAMED, 'prisma/schema.prisma': RENAMED },
  );
  client = await LspClient.start({ root: dir });
});

after(async () => {
  await client?.stop();
});

const codes = (p: { diagnostics: { code?: number | string }[] }) => p.diagnostics.map((d) => d.code);

test('a model file the orm.models globs name is checked against its git base', async () => {
  const uri = fileUri(join(dir, 'db', 'models', 'accounts.prisma'));
  await client.open(uri, RENAMED);
  const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
  assert.deepEqual(
    published.diagnostics.map((d) => [d.code, d.range.start.line]),
    [['rename-column', 2]],
  );
});

test('a conventionally named model file the globs do not name is not checked', async () => {
  const uri = fileUri(join(dir, 'prisma', 'schema.prisma'));
  await client.open(uri, RENAMED);
  const published = await client.diagnosticsFor(uri, 1);
  assert.deepEqual(codes(published), []);
});

test('lockstep/projectInfo lists the orm.models globs among the files the client sends', async () => {
  const info: ProjectInfo = await client.connection.sendRequest(ProjectInfoRequest, { uri: fileUri(join(dir, 'db', 'models', 'accounts.prisma')) });
  assert.deepEqual(
    info.documentPatterns.map((p) => p.pattern),
    ['**/*.sql', 'db/models/*.prisma'],
  );
});

test('when the config names other model files, the open documents follow: the newly named one is checked, the other cleared', async () => {
  const conventional = fileUri(join(dir, 'prisma', 'schema.prisma'));
  const named = fileUri(join(dir, 'db', 'models', 'accounts.prisma'));
  write(dir, { 'lockstep.config.json': `${JSON.stringify({ orm: { models: ['prisma/*.prisma'] } })}\n` });
  await client.filesChanged([{ uri: fileUri(join(dir, 'lockstep.config.json')), type: FileChangeType.Changed }]);
  const now = await client.diagnostics(conventional, (p) => p.diagnostics.length > 0);
  assert.deepEqual(codes(now), ['rename-column']);
  const cleared = await client.diagnostics(named, (p) => p.diagnostics.length === 0);
  assert.deepEqual(codes(cleared), []);
});
