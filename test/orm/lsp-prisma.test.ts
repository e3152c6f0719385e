// A schema.prisma opened in the editor over the bundled server's stdio: the edited model is
// compared with the committed one, the diagnostic sits on the renamed field with the rule's id,
// and its quick fixes are the Prisma ones (`@map`, a `//` ignore comment).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileUri } from '../lsp/client';
import { lspOnGitFixture } from './lsp-fixture';

const BEFORE = 'model User {\n  id    Int    @id @default(autoincrement())\n  email String\n}\n';
const AFTER = 'model User {\n  id      Int    @id @default(autoincrement())\n  contact String\n}\n';

const lsp = lspOnGitFixture({ 'prisma/schema.prisma': BEFORE }, {});

test('opening an edited schema.prisma publishes the rename on the field line, with the Prisma fixes', async () => {
  const { dir, client } = lsp;
  const uri = fileUri(join(dir, 'prisma', 'schema.prisma'));
  assert.equal(readFileSync(join(dir, 'prisma', 'schema.prisma'), 'utf8'), BEFORE);
  await client.open(uri, AFTER);
  const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
  assert.deepEqual(
    published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
    [['rename-column', 2, 2]],
  );
  const [diagnostic] = published.diagnostics;
  assert.match(diagnostic.message, /Probable rename: field email \(column email\) was removed and contact/);
  assert.match(diagnostic.codeDescription?.href ?? '', /rename-column/);
  const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
  const titles = actions.map((a) => a.title);
  assert.equal(titles[0], 'Keep the column email: map contact to it with @map("email")');
  assert.deepEqual(actions[0].edit?.changes?.[uri]?.map((e) => e.newText), [' @map("email")']);
  const disable = actions.find((a) => a.title === 'Disable rename-column for this line');
  assert.deepEqual(disable?.edit?.changes?.[uri]?.map((e) => e.newText), ['  // lockstep-disable-next-line rename-column\n']);

  // the fix typed in: the diagnostic goes away; hovering the model never analyzes it as SQL
  const version = await client.change(uri, [{ text: AFTER.replace('contact String', 'contact String @map("email")') }]);
  const fixed = await client.diagnosticsFor(uri, version);
  assert.deepEqual(fixed.diagnostics, []);
  await client.hover(uri, { line: 1, character: 3 });
  await new Promise((r) => setTimeout(r, 300));
  const still = await client.diagnostics(uri);
  assert.deepEqual(still.diagnostics, []);
});

test('a TypeORM migration class opened in the editor gets the SQL findings inside its query strings', async () => {
  const { dir, client } = lsp;
  const uri = fileUri(join(dir, 'src', 'migrations', '1700000000000-DropName.ts'));
  const text = "export class DropName1700000000000 {\n  async up(queryRunner) {\n    await queryRunner.query('ALTER TABLE users DROP COLUMN name');\n  }\n  async down(queryRunner) {\n    await queryRunner.query('ALTER TABLE users DROP COLUMN nickname');\n  }\n}\n";
  await client.open(uri, text);
  const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
  const drops = published.diagnostics.filter((d) => d.code === 'drop-column');
  const line = text.split('\n')[2];
  const at = line.indexOf('DROP COLUMN name');
  assert.deepEqual(drops.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]), [[2, at, at + 'DROP COLUMN name'.length]]);
});
