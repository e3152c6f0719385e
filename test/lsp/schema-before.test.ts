// `lockstep/schemaBefore` over the bundled server's stdio, on a small Flyway chain: the schema each
// migration runs against, with the migrations replayed before it; an open document's unsaved text
// counts; an excluded file is refused.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ResponseError } from 'vscode-languageserver-protocol';
import * as wire from '../../client/src/protocol';
import { SchemaBeforeRequest, type SchemaBeforeParams, type SchemaBeforeResult } from '../../server/src/lsp/protocol';
import { ensureBundle, fileUri, LspClient } from './client';

// the client's mirror of the wire types (client/src/protocol.ts) is the server's, in both directions
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrored: [Same<wire.SchemaBeforeParams, SchemaBeforeParams>, Same<wire.SchemaBeforeResult, SchemaBeforeResult>] = [true, true];

const FILES: Record<string, string> = {
  'V1__create_users.sql': 'CREATE TABLE users (\n  id BIGINT PRIMARY KEY,\n  last_name VARCHAR(50) NOT NULL\n);\n',
  'V2__orders.sql': 'CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, KEY ix_user (user_id));\n',
  'V3__rename.sql': 'ALTER TABLE users RENAME COLUMN last_name TO surname;\n',
};

let workspace: string;
let client: LspClient;
const migration = (name: string): string => join(workspace, 'db', 'migration', name);
const uri = (name: string): string => fileUri(migration(name));

function schemaBefore(name: string): Promise<SchemaBeforeResult> {
  return client.connection.sendRequest(SchemaBeforeRequest, { textDocument: { uri: uri(name) } });
}

before(async () => {
  await ensureBundle();
  workspace = mkdtempSync(join(tmpdir(), 'lockstep-schema-before-'));
  mkdirSync(join(workspace, 'db', 'migration'), { recursive: true });
  for (const [name, text] of Object.entries(FILES)) writeFileSync(migration(name), text);
  mkdirSync(join(workspace, 'scratch'));
  writeFileSync(join(workspace, 'scratch', 'notes.sql'), 'SELECT 1;\n');
  const migrations = { paths: ['db/migration/*.sql'], convention: 'flyway', exclude: ['scratch/**'] };
  writeFileSync(join(workspace, 'lockstep.config.json'), JSON.stringify({ target: 'mysql-8.0', migrations }));
  client = await LspClient.start({ root: workspace });
});

after(async () => {
  await client?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('lockstep/schemaBefore', () => {
  test('the client mirrors the wire types and the method name', () => {
    assert.deepEqual(mirrored, [true, true]);
    assert.equal(wire.SchemaBeforeRequest.method, SchemaBeforeRequest.method);
  });

  test('the first migration runs against an empty schema', async () => {
    const result = await schemaBefore('V1__create_users.sql');
    assert.deepEqual(result.files, []);
    assert.match(result.sql, /^-- before db\/migration\/V1__create_users\.sql \(chain db\/migration, flyway\): after 0 migrations\n/);
    assert.doesNotMatch(result.sql, /CREATE TABLE/);
  });

  test('a later migration: the tables of the migrations before it, not its own changes', async () => {
    const result = await schemaBefore('V3__rename.sql');
    assert.deepEqual(result.files, [uri('V1__create_users.sql'), uri('V2__orders.sql')]);
    assert.match(result.sql, /after 2 migrations/);
    assert.match(result.sql, /CREATE TABLE `users` \([^;]*`last_name` varchar\(50\)[^;]*NOT NULL/i);
    assert.match(result.sql, /CREATE TABLE `orders` \([^;]*KEY `ix_user` \(`user_id`\)/);
    assert.doesNotMatch(result.sql, /surname/, 'the rename is the migration\'s own change');
    assert.match(result.sql, /for mysql-8\.0/, 'in the target\'s dialect');
  });

  test('an open document\'s unsaved text is what the later migration sees', async () => {
    await client.open(uri('V2__orders.sql'), 'CREATE TABLE invoices (id BIGINT PRIMARY KEY);\n');
    const result = await schemaBefore('V3__rename.sql');
    assert.match(result.sql, /CREATE TABLE `invoices`/);
    assert.doesNotMatch(result.sql, /`orders`/);
  });

  test('an excluded file and a document without a path are refused with a message', async () => {
    await assert.rejects(
      client.connection.sendRequest(SchemaBeforeRequest, { textDocument: { uri: fileUri(join(workspace, 'scratch', 'notes.sql')) } }),
      (error: unknown) => error instanceof ResponseError && /scratch\/notes\.sql belongs to no migration chain/.test(error.message),
    );
    await assert.rejects(
      client.connection.sendRequest(SchemaBeforeRequest, { textDocument: { uri: 'untitled:Untitled-1' } }),
      (error: unknown) => error instanceof ResponseError && /only files on disk/.test(error.message),
    );
  });
});
