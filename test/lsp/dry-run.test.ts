// `lockstep/dryRun` over the bundled server's stdio against the test MariaDB/MySQL (127.0.0.1:3306):
// the open migration's DDL measured on scratch copies; an unreachable server gives a clear error
// without the password. Skipped with a reason when the database is unreachable (LOCKSTEP_REQUIRE_DB=1 fails instead).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import * as wire from '../../client/src/protocol';
import type { DryRunReport as ServerReport, DryRunConnection as ServerConnection } from '../../server/src/dryrun/types';
import { DryRunRequest, type DryRunParams } from '../../server/src/lsp/protocol';
import { connect, dropDatabase, requireDbOrSkip, TEST_DB } from '../helpers/db';
import { ensureBundle, fileUri, LspClient } from './client';

// the client's mirror of the dry-run wire types (client/src/protocol.ts) is the server's, in both directions
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrored: [Same<wire.DryRunReport, ServerReport>, Same<wire.DryRunConnection, ServerConnection>, Same<wire.DryRunParams, DryRunParams>] = [true, true, true];

const DATABASE = `lockstep_lsp_dryrun_${randomBytes(4).toString('hex')}`;
const MIGRATION = ['ALTER TABLE lsp_items ADD COLUMN note VARCHAR(20) NULL;', 'ALTER TABLE lsp_items MODIFY qty BIGINT NOT NULL;', ''].join('\n');

let workspace: string;
let client: LspClient;
let created = false;
const url = `mysql://${TEST_DB.user}@${TEST_DB.host}:${TEST_DB.port}/${DATABASE}`;
const uri = (): string => fileUri(join(workspace, 'db', 'migration', 'V2__lsp_items.sql'));

/** creates the test database once (undefined: skipped, the server is unreachable) */
async function database(t: TestContext): Promise<boolean> {
  if (created) return true;
  const conn = await requireDbOrSkip(t);
  if (!conn) return false;
  try {
    await conn.query(`CREATE DATABASE \`${DATABASE}\``);
    created = true;
    await conn.query(`CREATE TABLE \`${DATABASE}\`.lsp_items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, qty INT NOT NULL) ENGINE=InnoDB`);
    await conn.query(`INSERT INTO \`${DATABASE}\`.lsp_items VALUES (1, 'bolt', 10), (2, 'nut', 20), (3, 'washer', 30)`);
  } finally {
    await conn.end();
  }
  return true;
}

function params(extra: Partial<DryRunParams> = {}): DryRunParams {
  return { textDocument: { uri: uri() }, connection: { url, ...(TEST_DB.password ? { password: String(TEST_DB.password) } : {}) }, ...extra };
}

before(async () => {
  await ensureBundle();
  workspace = mkdtempSync(join(tmpdir(), 'lockstep-lsp-dryrun-'));
  mkdirSync(join(workspace, 'db', 'migration'), { recursive: true });
  writeFileSync(join(workspace, 'db', 'migration', 'V1__lsp_items.sql'), 'CREATE TABLE lsp_items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, qty INT NOT NULL) ENGINE=InnoDB;\n');
  client = await LspClient.start({ root: workspace });
  await client.open(uri(), MIGRATION);
  await client.diagnosticsFor(uri(), 1);
});

after(async () => {
  await client?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  if (created) await dropDatabase(DATABASE);
});

describe('lockstep/dryRun', () => {
  test('the client mirrors the dry-run wire types and the method name', () => {
    assert.deepEqual(mirrored, [true, true, true]);
    assert.equal(wire.DryRunRequest.method, DryRunRequest.method);
  });

  test('measures every DDL statement of the open migration: ADD COLUMN is INSTANT, a type change COPY', { timeout: 60_000 }, async (t) => {
    if (!(await database(t))) return;
    const report = await client.dryRun(params());
    assert.equal(report.mode, 'full', report.notes.join('; '));
    assert.match(report.server.version, /^\d+\.\d+/);
    const [add, modify] = report.statements;
    assert.equal(report.statements.length, 2, JSON.stringify(report.statements.map((s) => s.error)));
    assert.equal(add.error, null);
    assert.equal(add.measured?.algorithm, 'INSTANT');
    assert.equal(add.range.start.line, 0);
    assert.equal(add.table, 'lsp_items');
    assert.equal(modify.measured?.algorithm, 'COPY');
    assert.equal(modify.measured?.rebuild, true);
    assert.equal(modify.range.start.line, 1);
    assert.ok(modify.predicted, 'with the linter\'s prediction beside it');
    assert.equal(modify.tableFacts?.rows !== undefined, true);
  });

  test('one statement: by its index (the code lens) or by a position in it (the palette)', { timeout: 60_000 }, async (t) => {
    if (!(await database(t))) return;
    const byIndex = await client.dryRun(params({ statementIndex: 1 }));
    assert.deepEqual(byIndex.statements.map((s) => [s.index, s.measured?.algorithm]), [[1, 'COPY']]);
    const byPosition = await client.dryRun(params({ position: { line: 0, character: 8 } }));
    assert.deepEqual(byPosition.statements.map((s) => [s.index, s.measured?.algorithm]), [[0, 'INSTANT']]);
  });

  test('cancelling the request aborts the dry-run and leaves no scratch schema behind', { timeout: 60_000 }, async (t) => {
    if (!(await database(t))) return;
    const source = new CancellationTokenSource();
    const pending = client.dryRun(params({ mdlPreview: true }), source.token).then(
      () => undefined,
      (e: unknown) => e,
    );
    setTimeout(() => source.cancel(), 30);
    const error = await pending;
    assert.ok(error instanceof ResponseError, `a ResponseError, got ${String(error)}`);
    assert.equal(error.code, LSPErrorCodes.RequestCancelled);
    const conn = await connect();
    try {
      const deadline = Date.now() + 10_000;
      let left: unknown[] = [];
      do {
        // tests of the dry-run engine may run meanwhile: look for copies of this test's own table only
        [left] = (await conn.query("SELECT TABLE_SCHEMA FROM information_schema.TABLES WHERE TABLE_SCHEMA LIKE 'lockstep\\_dryrun\\_%' AND TABLE_NAME = 'lsp_items'")) as unknown as [unknown[]];
        if (left.length === 0) break;
        await new Promise((r) => setTimeout(r, 200));
      } while (Date.now() < deadline);
      assert.deepEqual(left, []);
    } finally {
      await conn.end();
    }
  });

  test('an unreachable server gives a clear error, without the password', { timeout: 30_000 }, async () => {
    const password = 'hunter2-do-not-echo';
    const error = await client.dryRun({ textDocument: { uri: uri() }, connection: { url: 'mysql://root@127.0.0.1:1/nowhere', password, connectTimeoutMs: 2000 } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ResponseError, `a ResponseError, got ${String(error)}`);
    assert.match(error.message, /^Dry-run failed: /);
    assert.match(error.message, /127\.0\.0\.1:1|connect|reach|refused/i);
    assert.ok(!error.message.includes(password), error.message);
    assert.doesNotMatch(error.message, /\n\s+at /, 'no stack trace');
    console.log(`# the error: ${error.message}`);
  });

  test('a document that is not open is refused with a message', async () => {
    const error = await client.dryRun({ textDocument: { uri: fileUri(join(workspace, 'missing.sql')) }, connection: { url } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ResponseError);
    assert.match(error.message, /open the migration/);
  });
});
