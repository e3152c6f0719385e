// Quick fixes come from the server's analysis of the document (a published diagnostic carries only
// its rule id): after many edits that move the finding around, the preferred fix still edits the
// right place and leaves the document clean for its rule; data sent back with the fixes inlined
// (what earlier servers published) still gives those fixes.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { applyTextEdits, ensureBundle, fileUri, LspClient } from './client';

const TEXT = [
  '-- release 42',
  'SET SESSION lock_wait_timeout = 5;',
  'ALTER TABLE users ADD COLUMN nickname VARCHAR(40) NOT NULL;',
  'ALTER TABLE users DROP COLUMN legacy;',
  "UPDATE users SET amount = 0 WHERE id = 1;",
  '',
].join('\n');

let workspace: string;
let client: LspClient;
let uri: string;

before(async () => {
  await ensureBundle();
  workspace = mkdtempSync(join(tmpdir(), 'lockstep-quickfix-'));
  mkdirSync(join(workspace, 'db', 'migration'), { recursive: true });
  writeFileSync(join(workspace, 'db', 'migration', 'V1__create_users.sql'), 'CREATE TABLE users (id BIGINT PRIMARY KEY, amount INT NOT NULL, legacy INT);\n');
  client = await LspClient.start({ root: workspace });
  uri = fileUri(join(workspace, 'db', 'migration', 'V2__change.sql'));
});

after(async () => {
  await client.stop();
  rmSync(workspace, { recursive: true, force: true });
});

const byRule = (ds: readonly Diagnostic[], rule: string): Diagnostic => {
  const d = ds.find((x) => x.code === rule);
  assert.ok(d, `expected a ${rule} diagnostic, got ${ds.map((x) => x.code).join(', ')}`);
  return d;
};

/** 50 single-character edits, sent without waiting: comment lines typed above the finding and text typed and deleted in another statement */
async function fiftyEdits(text: string): Promise<{ text: string; version: number }> {
  let version = 0;
  const lines = text.split('\n');
  const insert = (pos: Position, ch: string): Promise<number> => client.change(uri, [{ range: { start: pos, end: pos }, text: ch }]);
  // 20 edits: "-- n\n" typed at the top, one character each, four times
  for (let k = 0; k < 4; k++) {
    for (const [i, ch] of [...`-- ${k}\n`].entries()) {
      version = await insert({ line: k, character: i }, ch);
      if (ch === '\n') lines.splice(k, 0, `-- ${k}`);
    }
  }
  // 30 edits in the DROP COLUMN statement's table name: 15 characters typed, then deleted again
  const dropLine = lines.findIndex((l) => l.startsWith('ALTER TABLE users DROP'));
  const at = 'ALTER TABLE users'.length;
  for (let i = 0; i < 15; i++) version = await insert({ line: dropLine, character: at + i }, 'x');
  for (let i = 14; i >= 0; i--) version = await client.change(uri, [{ range: { start: { line: dropLine, character: at + i }, end: { line: dropLine, character: at + i + 1 } }, text: '' }]);
  return { text: lines.join('\n'), version };
}

test('after 50 edits the preferred fix of a moved finding edits the right place and clears it', async () => {
  await client.open(uri, TEXT);
  await client.diagnosticsFor(uri, 1);
  const { text, version } = await fiftyEdits(TEXT);
  assert.equal(version, 51);
  const { diagnostics } = await client.diagnosticsFor(uri, version);
  const notNull = byRule(diagnostics, 'not-null-without-default');
  assert.equal(notNull.range.start.line, 6, 'four comment lines were typed above it');
  assert.deepEqual(notNull.data, { rule: 'not-null-without-default' }, 'the publish carries the rule id, not the fixes');

  const actions = await client.codeActions(uri, notNull.range, [notNull]);
  const preferred = actions.filter((a) => a.isPreferred);
  assert.equal(preferred.length, 1, actions.map((a) => a.title).join(' | '));
  assert.equal(actions[0], preferred[0], 'the preferred fix comes first');
  const fixed = applyTextEdits(text, preferred[0].edit!.changes![uri]);
  assert.notEqual(fixed, text);
  const fixedLines = fixed.split('\n');
  assert.deepEqual(fixedLines.slice(0, 6), text.split('\n').slice(0, 6), 'the lines above the statement are untouched');
  assert.deepEqual(fixedLines.slice(-3), text.split('\n').slice(-3), 'the statements after it are untouched');

  const next = await client.change(uri, [{ text: fixed }]);
  const after = await client.diagnosticsFor(uri, next);
  assert.ok(!after.diagnostics.some((d) => d.code === 'not-null-without-default'), after.diagnostics.map((d) => d.code).join(', '));
  assert.ok(after.diagnostics.some((d) => d.code === 'drop-column'), 'the other findings stay');
});

test('data sent back with the fixes inlined gives those fixes; the other actions are computed as usual', async () => {
  const version = await client.change(uri, [{ text: TEXT }]);
  const { diagnostics } = await client.diagnosticsFor(uri, version);
  const drop = byRule(diagnostics, 'drop-column');
  const edit = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '-- checked\n' };
  const legacy: Diagnostic = { ...drop, data: { rule: 'drop-column', docsUrl: 'https://example.com/drop-column', fixes: [{ title: 'Mark as checked', preferred: true, edits: [edit] }] } };
  const actions = await client.codeActions(uri, drop.range, [legacy]);
  assert.equal(actions[0].title, 'Mark as checked');
  assert.deepEqual(actions[0].edit?.changes?.[uri], [edit]);
  assert.ok(actions.some((a) => a.title === 'Disable drop-column for this line'));
  const docs = actions.find((a) => a.title === 'Show documentation for drop-column');
  assert.equal(docs?.command?.arguments?.[1], 'https://example.com/drop-column');
});

test('a diagnostic whose range no longer matches a finding gets no rule fix, only the disable and docs actions', async () => {
  const version = await client.change(uri, [{ text: TEXT }]);
  const { diagnostics } = await client.diagnosticsFor(uri, version);
  const notNull = byRule(diagnostics, 'not-null-without-default');
  const stale: Diagnostic = { ...notNull, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } };
  const actions = await client.codeActions(uri, stale.range, [stale]);
  assert.ok(!actions.some((a) => a.isPreferred), actions.map((a) => a.title).join(' | '));
  assert.ok(actions.some((a) => a.title === 'Show documentation for not-null-without-default'));
});

test('a character replaced by a line break above a finding moves its diagnostic down a line', async () => {
  let version = await client.change(uri, [{ text: TEXT }]);
  const before = byRule((await client.diagnosticsFor(uri, version)).diagnostics, 'drop-column');
  // "-- release 42" → "-- release\n2": the offsets after it stay, the lines do not
  version = await client.change(uri, [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 12 } }, text: '\n' }]);
  const after = byRule((await client.diagnosticsFor(uri, version)).diagnostics, 'drop-column');
  assert.equal(after.range.start.line, before.range.start.line + 1);
  assert.deepEqual(after.range.start, { line: before.range.start.line + 1, character: before.range.start.character });
});
