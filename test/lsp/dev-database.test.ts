// `lockstep/devDatabase` over the bundled server's stdio against the test MariaDB (127.0.0.1:3306):
// while a dev database is set, tables the chain does not create come from it (the finding names it)
// and its row counts drive large-table-rewrite; `null` forgets it; a wrong password is one warning
// without the password that keeps the state. Skipped with a reason when the database is unreachable
// (LOCKSTEP_REQUIRE_DB=1 fails instead).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import * as wire from '../../client/src/protocol';
import { DevDatabaseNotification, type DevDatabaseParams } from '../../server/src/lsp/protocol';
import { dropDatabase, requireDbOrSkip, TEST_DB } from '../helpers/db';
import { ensureBundle, fileUri, LspClient } from './client';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrored: Same<wire.DevDatabaseParams, DevDatabaseParams> = true;

const DATABASE = `lockstep_lsp_devdb_${randomBytes(4).toString('hex')}`;
const MIGRATION = ['ALTER TABLE accounts MODIFY nickname VARCHAR(40) NOT NULL;', 'ALTER TABLE big_items MODIFY qty BIGINT NOT NULL;', ''].join('\n');
const url = `mysql://${TEST_DB.user}@${TEST_DB.host}:${TEST_DB.port}/${DATABASE}`;
const label = `<database ${url}>`;
const password = TEST_DB.password ? { password: String(TEST_DB.password) } : {};

let workspace: string | undefined;
let client: LspClient | undefined;
let created = false;
const uri = (): string => fileUri(join(workspace ?? '', 'db', 'migration', 'V2__accounts.sql'));

const byRule = (p: PublishDiagnosticsParams, rule: string): Diagnostic[] => p.diagnostics.filter((d) => d.code === rule);
const unknownOld = (p: PublishDiagnosticsParams): boolean => byRule(p, 'set-not-null').some((d) => /does not know its old definition/.test(d.message));
const fromDatabase = (p: PublishDiagnosticsParams): boolean =>
  byRule(p, 'set-not-null').some((d) => d.message.includes(label) && !/does not know its old definition/.test(d.message)) && byRule(p, 'large-table-rewrite').length > 0;

before(async () => {
  await ensureBundle();
});

after(async () => {
  await client?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  if (created) await dropDatabase(DATABASE);
});

describe('lockstep/devDatabase', () => {
  test('the client mirrors the notification and its parameters', () => {
    assert.equal(mirrored, true);
    assert.equal(wire.DevDatabaseNotification.method, DevDatabaseNotification.method);
    assert.equal(DevDatabaseNotification.method, 'lockstep/devDatabase');
  });

  test('the dev database is a schema source while set: its tables, its row counts; null forgets it; a wrong password warns', { timeout: 120_000 }, async (t) => {
    const conn = await requireDbOrSkip(t);
    if (!conn) return;
    try {
      await conn.query(`CREATE DATABASE \`${DATABASE}\``);
      created = true;
      await conn.query(`CREATE TABLE \`${DATABASE}\`.accounts (id INT PRIMARY KEY, nickname VARCHAR(40) NULL) ENGINE=InnoDB`);
      await conn.query(`CREATE TABLE \`${DATABASE}\`.big_items (id INT PRIMARY KEY, qty INT NOT NULL) ENGINE=InnoDB`);
      await conn.query(`INSERT INTO \`${DATABASE}\`.big_items SELECT seq, seq FROM seq_1_to_1500`);
    } finally {
      await conn.end();
    }

    workspace = mkdtempSync(join(tmpdir(), 'lockstep-lsp-devdb-'));
    mkdirSync(join(workspace, 'db', 'migration'), { recursive: true });
    writeFileSync(join(workspace, 'lockstep.config.json'), JSON.stringify({ largeTableRows: 1000 }));
    writeFileSync(join(workspace, 'db', 'migration', 'V1__init.sql'), 'CREATE TABLE audit_log (id INT PRIMARY KEY) ENGINE=InnoDB;\n');
    client = await LspClient.start({ root: workspace });
    await client.open(uri(), MIGRATION);

    const before = await client.diagnostics(uri(), unknownOld);
    assert.deepEqual(byRule(before, 'large-table-rewrite'), [], 'no row counts without the database');

    await client.devDatabase({ connection: { url, ...password } });
    const connected = await client.diagnostics(uri(), fromDatabase, 30_000);
    const setNotNull = byRule(connected, 'set-not-null');
    assert.ok(setNotNull.every((d) => !/does not know its old definition/.test(d.message)), JSON.stringify(setNotNull));
    assert.match(setNotNull[0].message, /nickname/);
    const large = byRule(connected, 'large-table-rewrite');
    assert.equal(large.length, 1, JSON.stringify(large));
    assert.equal(large[0].severity, 1, 'error: 1,500 rows over largeTableRows 1,000');
    assert.match(large[0].message, /1,500 rows/);
    assert.equal(large[0].range.start.line, 1);

    // a wrong password: one warning without it, and the database stays in force
    const secret = 'wrong-Pa55word-do-not-echo';
    const from = client.messages.length;
    await client.devDatabase({ connection: { url, password: secret, connectTimeoutMs: 3000 } });
    const warning = await client.message((m) => m.includes('dev database'), from, 20_000);
    console.log(`# the warning: ${warning}`);
    assert.ok(!warning.includes(secret), warning);
    assert.match(warning, /could not read the dev database/);
    assert.match(warning, /denied|password|auth/i);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(client.messages.slice(from).filter((m) => m.includes('dev database')).length, 1, 'one warning');
    assert.ok(fromDatabase(await client.diagnostics(uri())), 'the previous state is kept');

    await client.devDatabase({ connection: null });
    const forgotten = await client.diagnostics(uri(), unknownOld, 30_000);
    assert.deepEqual(byRule(forgotten, 'large-table-rewrite'), []);
    assert.ok(!JSON.stringify(forgotten).includes(label));
  });
});
