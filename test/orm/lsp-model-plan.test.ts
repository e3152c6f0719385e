// A renamed field in a schema.prisma opened over the bundled server's stdio: the rename finding
// offers "Show the expand/contract plan", `lockstep/plan` at the finding answers the plan's
// Markdown with the model steps, and the server command (for clients without the VS Code
// extension) returns the same Markdown after writing it to a read-only file.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import { COMMANDS, PlanRequest, type PlanResult } from '../../server/src/lsp/protocol';
import { fileUri } from '../lsp/client';
import { lspOnGitFixture } from './lsp-fixture';

const BEFORE = 'model User {\n  id    Int    @id @default(autoincrement())\n  email String @db.VarChar(191)\n}\n';
const AFTER = 'model User {\n  id      Int    @id @default(autoincrement())\n  contact String @db.VarChar(191)\n}\n';
const SAFE = 'model User {\n  id    Int     @id @default(autoincrement())\n  email String  @db.VarChar(191)\n  note  String?\n}\n';

const lsp = lspOnGitFixture({ 'prisma/schema.prisma': BEFORE, 'prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE `User` (`id` INT NOT NULL AUTO_INCREMENT, `email` VARCHAR(191) NOT NULL, PRIMARY KEY (`id`));\n' }, {});

test('a Prisma rename finding offers the plan; lockstep/plan and the server command answer its Markdown', async () => {
  const { dir, client } = lsp;
  const uri = fileUri(join(dir, 'prisma', 'schema.prisma'));
  await client.open(uri, AFTER);
  const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
  const diagnostic = published.diagnostics.find((d) => d.code === 'rename-column');
  assert.ok(diagnostic, JSON.stringify(published.diagnostics.map((d) => d.code)));
  const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
  const show = actions.find((a) => a.title === 'Show the expand/contract plan');
  assert.ok(show, actions.map((a) => a.title).join(' | '));
  assert.equal(show.command?.command, COMMANDS.serverShowMigrationPlan);
  assert.deepEqual(show.command?.arguments, [uri, diagnostic.range.start, 'rename-column']);
  // the ORM's own fix stays first
  assert.equal(actions[0].title, 'Keep the column email: map contact to it with @map("email")');

  const result: PlanResult = await client.connection.sendRequest(PlanRequest, { textDocument: { uri }, position: diagnostic.range.start });
  assert.equal(result.rule, 'rename-column');
  assert.equal(result.summary, 'rename User.email to contact');
  assert.match(result.markdown, /^# Migration plan: rename User\.email to contact\n\n> Planned from a change to the Prisma model: the files go into its migrations folder\./);
  assert.match(result.markdown, /- In the model \(schema\.prisma\): keep `email` and add `contact` beside it, optional: `contact String\? @db\.VarChar\(191\)`\./);
  assert.match(result.markdown, /- In the model \(schema\.prisma\): remove `email` and make `contact` required/);
  assert.equal(result.files.length, 5);
  assert.ok(result.files.every((f) => /^prisma\/migrations\/\d{14}_[a-z_]+\/migration\.sql$/.test(f.path)), JSON.stringify(result.files));

  const from = client.messages.length;
  const markdown = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: COMMANDS.serverShowMigrationPlan, arguments: show.command?.arguments });
  assert.equal(markdown, result.markdown);
  // no window/showDocument support: the server says where the file is
  assert.ok(client.messages.slice(from).some((m) => /^Lockstep: the migration plan is in .*schema\.rename-column-plan\.md$/.test(m)), client.messages.join('\n'));
});

test('lockstep/plan on a model line without a plannable finding fails with the reason', async () => {
  const { dir, client } = lsp;
  const uri = fileUri(join(dir, 'prisma', 'schema.prisma'));
  const version = await client.change(uri, [{ text: SAFE }]);
  const published = await client.diagnosticsFor(uri, version);
  assert.deepEqual(published.diagnostics, []);
  await assert.rejects(client.connection.sendRequest(PlanRequest, { textDocument: { uri }, position: { line: 3, character: 3 } }), /Migration plan: that place in prisma\/schema\.prisma has no finding a plan exists for/);
});
