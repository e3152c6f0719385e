// What `lockstep lint --git-base` says about two model changes no model edit makes safe: a
// relation's new foreign key on an existing Prisma table (no schema.prisma change avoids the copy;
// the quick fix is on the generated migration.sql) and a removed many-to-many relation (the ORM
// drops its relation table).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ensureBundle, ROOT } from '../lsp/client';
import { parseReport } from '../cli/json-report';
import { gitFixture } from './git-fixture';

before(async () => {
  await ensureBundle();
});

function messages(dir: string): [string, string][] {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--git-base', 'HEAD', '--format', 'json', 'prisma'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return parseReport(r.stdout).files.find((f) => f.path === 'prisma/schema.prisma')?.findings.map((f) => [f.rule, f.message]) ?? [];
}

const MODELS = 'model User {\n  id    Int    @id @default(autoincrement())\n  posts Post[]\n}\n\nmodel Post {\n  id       Int @id @default(autoincrement())\n  authorId Int\n}\n';

test('a new relation on an existing Prisma table: the message points to --create-only and the quick fix on migration.sql, not relationMode', () => {
  const related = MODELS.replace('  authorId Int\n', '  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n');
  const found = messages(gitFixture({ 'prisma/schema.prisma': MODELS }, { 'prisma/schema.prisma': related }));
  const fk = found.find(([rule]) => rule === 'add-foreign-key');
  assert.ok(fk, JSON.stringify(found));
  assert.match(fk[1], /No schema\.prisma change avoids the copy \(relationMode = "prisma" would remove every foreign key of the project/);
  assert.match(fk[1], /prisma migrate dev --create-only, then apply Lockstep's quick fix on the ADD CONSTRAINT in its migration\.sql/);
});

test('a removed implicit many-to-many relation: the message names both models and says Prisma Migrate drops the relation table', () => {
  const tagged = 'model Post {\n  id   Int   @id @default(autoincrement())\n  tags Tag[]\n}\n\nmodel Tag {\n  id    Int    @id @default(autoincrement())\n  posts Post[]\n}\n';
  const untagged = tagged.replace('  tags Tag[]\n', '').replace('  posts Post[]\n', '');
  const found = messages(gitFixture({ 'prisma/schema.prisma': tagged }, { 'prisma/schema.prisma': untagged }));
  const drop = found.find(([rule]) => rule === 'drop-table');
  assert.ok(drop, JSON.stringify(found));
  assert.match(drop[1], /^The many-to-many relation between Post and Tag was removed or renamed: Prisma Migrate drops its relation table _PostToTag\. Dropping table/);
});
