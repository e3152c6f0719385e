// Schema navigation over the bundled server's stdio: definition, references, hover on names,
// document and workspace symbols, on a Flyway chain with a rename, a redefinition and a drop, and a
// table that comes from a `current` schema dump.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type CompletionItem,
  type DocumentSymbol,
  type Location,
  type Position,
  type SymbolInformation,
} from 'vscode-languageserver-protocol';
import { ensureBundle, fileUri, LspClient } from './client';

const FILES: Record<string, string> = {
  'V1__create_users.sql': 'CREATE TABLE `users` (\n  id BIGINT PRIMARY KEY,\n  last_name VARCHAR(50) NOT NULL,\n  email VARCHAR(100),\n  KEY ix_last_name (last_name)\n);\n',
  'V2__backfill.sql': 'UPDATE users SET last_name = TRIM(last_name) WHERE id > 0;\n',
  'V3__rename.sql': '-- the column gets its real name\nALTER TABLE users RENAME COLUMN last_name TO surname;\n',
  'V4__widen.sql': 'ALTER TABLE users MODIFY surname VARCHAR(100) NOT NULL;\nUPDATE users SET email = LOWER(email) WHERE surname IS NOT NULL;\nALTER TABLE audit_log ADD COLUMN note TEXT;\n',
  'V5__drop.sql': 'ALTER TABLE users DROP COLUMN email;\n',
  'V6__hostile.sql': 'CREATE TABLE `h ![i](https://e/i)` (`c``````d` INT);\nALTER TABLE `h ![i](https://e/i)` MODIFY `c``````d` BIGINT;\n',
};
const CURRENT = 'CREATE TABLE audit_log (\n  id INT PRIMARY KEY,\n  msg TEXT\n);\n';

let workspace: string;
let client: LspClient;
const migration = (name: string): string => join(workspace, 'db', 'migration', name);
const uri = (name: string): string => fileUri(migration(name));

/** the position of the `nth` occurrence of `needle` in a fixture file, `inside` characters into it */
function at(name: string, needle: string, nth = 0, inside = 1): Position {
  const text = FILES[name];
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} in ${name}`);
  const before = text.slice(0, offset + inside);
  const lines = before.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function textAt(location: Location): string {
  const name = Object.keys(FILES).find((n) => uri(n) === location.uri);
  const text = name ? FILES[name] : location.uri.endsWith('current.sql') ? CURRENT : '';
  const lines = text.split('\n');
  assert.equal(location.range.start.line, location.range.end.line);
  return lines[location.range.start.line].slice(location.range.start.character, location.range.end.character);
}

async function definition(name: string, position: Position): Promise<Location> {
  const result = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri(name) }, position });
  assert.ok(result && !Array.isArray(result), 'one location');
  return result as Location;
}

async function references(name: string, position: Position): Promise<Location[]> {
  return (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri(name) }, position, context: { includeDeclaration: true } })) ?? [];
}

async function hoverText(name: string, position: Position): Promise<string> {
  const hover = await client.hover(uri(name), position);
  assert.ok(hover, 'a hover');
  const contents = hover.contents;
  return typeof contents === 'object' && 'value' in contents ? contents.value : JSON.stringify(contents);
}

before(async () => {
  await ensureBundle();
  workspace = mkdtempSync(join(tmpdir(), 'lockstep-navigation-'));
  mkdirSync(join(workspace, 'db', 'migration'), { recursive: true });
  for (const [name, text] of Object.entries(FILES)) writeFileSync(migration(name), text);
  writeFileSync(join(workspace, 'db', 'current.sql'), CURRENT);
  writeFileSync(join(workspace, 'lockstep.config.json'), JSON.stringify({ target: 'mysql-8.0', migrations: { paths: ['db/migration/*.sql'], convention: 'flyway' }, schema: { current: ['db/current.sql'] } }));
  client = await LspClient.start({ root: workspace });
  for (const [name, text] of Object.entries(FILES)) await client.open(uri(name), text);
});

after(async () => {
  await client?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('schema navigation', () => {
  test('the server announces definition, references and symbols', () => {
    const caps = client.initializeResult?.capabilities;
    assert.ok(caps?.definitionProvider && caps.referencesProvider && caps.documentSymbolProvider && caps.workspaceSymbolProvider);
  });

  test('definition of a renamed column goes to the RENAME; of an unrenamed one to the CREATE', async () => {
    const renamed = await definition('V4__widen.sql', at('V4__widen.sql', 'surname'));
    assert.equal(renamed.uri, uri('V3__rename.sql'));
    assert.equal(textAt(renamed), 'surname');
    assert.equal(renamed.range.start.line, 1);

    const kept = await definition('V4__widen.sql', at('V4__widen.sql', 'email', 1));
    assert.equal(kept.uri, uri('V1__create_users.sql'));
    assert.equal(textAt(kept), 'email');
    assert.equal(kept.range.start.line, 3);

    const table = await definition('V5__drop.sql', at('V5__drop.sql', 'users'));
    assert.equal(table.uri, uri('V1__create_users.sql'));
    assert.equal(textAt(table), '`users`');
  });

  test('definition of a table no migration creates goes to the `current` schema dump', async () => {
    const dump = await definition('V4__widen.sql', at('V4__widen.sql', 'audit_log'));
    assert.equal(dump.uri, fileUri(join(workspace, 'db', 'current.sql')));
    assert.equal(textAt(dump), 'audit_log');
  });

  test('references of users.last_name follow it across the rename, in migration order', async () => {
    const refs = await references('V1__create_users.sql', at('V1__create_users.sql', 'last_name'));
    const seen = refs.map((r) => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${textAt(r)}`);
    assert.deepEqual(seen, [
      'V1__create_users.sql:last_name',
      'V1__create_users.sql:last_name',
      'V2__backfill.sql:last_name',
      'V2__backfill.sql:last_name',
      'V3__rename.sql:last_name',
      'V3__rename.sql:surname',
      'V4__widen.sql:surname',
      'V4__widen.sql:surname',
    ]);
    const fromLater = await references('V4__widen.sql', at('V4__widen.sql', 'surname', 1));
    assert.deepEqual(fromLater, refs, 'the same identity from its later name');
  });

  test('hover on a column shows its definition before the statement and the migration that last changed it', async () => {
    const text = await hoverText('V4__widen.sql', at('V4__widen.sql', 'surname'));
    assert.match(text, /varchar\(50\)/i, 'the type before MODIFY widens it');
    assert.doesNotMatch(text, /varchar\(100\)/i);
    assert.match(text, /V3__rename\.sql.* line 2/);
    assert.match(text, /KEY `ix_last_name` \(`surname`\)/);

    const table = await hoverText('V5__drop.sql', at('V5__drop.sql', 'users'));
    assert.match(table, /CREATE TABLE `users`/);
    assert.match(table, /`surname` varchar\(100\)[^\n]* NOT NULL/i);
    assert.match(table, /V4__widen\.sql/);
  });

  test('hover on a name with backticks: nothing inside closes the fence or the code span', async () => {
    const text = await hoverText('V6__hostile.sql', at('V6__hostile.sql', '`c', 1, 2));
    const fence = /^(`{3,})sql$/m.exec(text);
    assert.ok(fence, text);
    const body = text.slice(fence.index + fence[0].length, text.indexOf(`\n${fence[1]}\n`, fence.index + 1));
    const longest = Math.max(...(body.match(/`+/g) ?? ['']).map((r) => r.length));
    assert.ok(fence[1].length > longest, `fence ${fence[1].length} vs run ${longest}`);
    assert.match(body, /^`c``````d` int/m);
    assert.equal(text.split('\n')[0], '**Lockstep** · column ````h ![i](https://e/i).c```d````');
  });

  test('hover on the statement keyword keeps the prediction', async () => {
    await client.diagnostics(uri('V4__widen.sql'));
    const text = await hoverText('V4__widen.sql', { line: 0, character: 2 });
    assert.match(text, /\| algorithm \| lock \|/);
  });

  test('document symbols: the statements grouped by table', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri('V4__widen.sql') } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]),
      [
        ['users', ['ALTER TABLE users MODIFY surname VARCHAR(100) NOT NULL', 'UPDATE users SET email = LOWER(email) WHERE surname IS NOT NULL']],
        ['audit_log', ['ALTER TABLE audit_log ADD COLUMN note TEXT']],
      ],
    );
  });

  test('workspace symbols find a column by name, at its latest definition', async () => {
    const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'surn' })) as SymbolInformation[];
    const surname = found.find((s) => s.name === 'surname');
    assert.ok(surname, JSON.stringify(found));
    assert.equal(surname.containerName, 'users');
    assert.equal(surname.location.uri, uri('V4__widen.sql'));
    const tables = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'audit' })) as SymbolInformation[];
    assert.ok(tables.some((s) => s.name === 'audit_log'));
    const dropped = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'email' })) as SymbolInformation[];
    assert.equal(dropped.length, 0, 'a dropped column is not in the schema');
  });

  test('completion: table names after ALTER TABLE, the columns of the statement\'s table, from the schema before it', async () => {
    let drafts = 0;
    const complete = async (text: string): Promise<string[]> => {
      // a new draft each time: every request sees exactly this text as version 1
      const draft = fileUri(migration(`V7__draft_${++drafts}.sql`));
      await client.open(draft, text);
      const lines = text.split('\n');
      const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
      const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: draft }, position })) as CompletionItem[];
      return items.map((i) => i.label).sort();
    };
    assert.deepEqual(await complete('ALTER TABLE '), ['audit_log', 'h ![i](https://e/i)', 'users']);
    assert.deepEqual(await complete('UPDATE users SET su'), ['id', 'surname'], 'email was dropped by V5');
    assert.deepEqual(await complete('ALTER TABLE users DROP INDEX '), ['ix_last_name'], 'the index names of the statement\'s table');
    const clauses = await complete('ALTER TABLE users ADD COLUMN age INT NULL, ');
    for (const keyword of ['ADD COLUMN', 'DROP INDEX', 'ALGORITHM=INSTANT', 'LOCK=NONE']) assert.ok(clauses.includes(keyword), keyword);
    assert.ok(!clauses.includes('ALGORITHM=NOCOPY'), 'NOCOPY is MariaDB only; the target is MySQL');
    assert.ok((await complete('ALTER TABLE users ADD INDEX ix_x (')).includes('surname'), 'columns inside a key part list');
  });
});
