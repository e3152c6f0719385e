// `lockstep lint --git-base <rev>`: the model files under the paths are checked against the git base
// next to the migrations; without it (and without orm.models in the config) models are not read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../cli/harness';
import { parseReport } from '../cli/json-report';
import { gitFixture, write } from './git-fixture';

const BEFORE = 'model User {\n  id    Int    @id @default(autoincrement())\n  email String\n  name  String\n}\n';
const AFTER = 'model User {\n  id       Int    @id @default(autoincrement())\n  email    String\n  fullName String\n  note     String?\n}\n';
const MIGRATION = 'CREATE TABLE `User` (`id` INT NOT NULL AUTO_INCREMENT, `email` VARCHAR(191) NOT NULL, `name` VARCHAR(191) NOT NULL, PRIMARY KEY (`id`));\n';

function repo(): string {
  return gitFixture(
    { 'prisma/schema.prisma': BEFORE, 'prisma/migrations/20240101000000_init/migration.sql': MIGRATION },
    { 'prisma/schema.prisma': AFTER },
  );
}

test('lint --git-base HEAD reports the renamed field on its line in schema.prisma and exits 1', () => {
  const dir = repo();
  const r = runCli(['lint', '--git-base', 'HEAD', '--format', 'json', 'prisma'], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  const report = parseReport(r.stdout);
  assert.deepEqual(report.files.map((f) => f.path).sort(), ['prisma/migrations/20240101000000_init/migration.sql', 'prisma/schema.prisma']);
  const model = report.files.find((f) => f.path === 'prisma/schema.prisma');
  assert.deepEqual(model?.findings.map((f) => [f.rule, f.range.start.line]), [['rename-column', 3]]);
  assert.equal(model?.findings[0].fixes?.[0].edits[0].newText, ' @map("name")');
});

test('the text report names the model file and line; no git base, no model check', () => {
  const dir = repo();
  const text = runCli(['lint', '--git-base', 'HEAD', '--no-color', 'prisma'], { cwd: dir });
  assert.match(text.stdout, /prisma\/schema\.prisma:4:\d+/);
  assert.match(text.stdout, /rename-column/);
  const without = runCli(['lint', '--format', 'json', 'prisma'], { cwd: dir });
  assert.equal(without.status, 0, without.stderr);
  assert.deepEqual(parseReport(without.stdout).files.map((f) => f.path), ['prisma/migrations/20240101000000_init/migration.sql']);
});

test('the config\'s orm.models and orm.base turn the check on; a base that is not a commit exits 2 and says why', () => {
  const dir = repo();
  write(dir, { 'lockstep.config.json': JSON.stringify({ orm: { base: 'HEAD', models: ['prisma/*.prisma'] } }) });
  const r = runCli(['lint', '--format', 'json', '.'], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(parseReport(r.stdout).files.find((f) => f.path === 'prisma/schema.prisma')?.findings.map((f) => f.rule), ['rename-column']);
  const bad = runCli(['lint', '--git-base', 'no-such-ref', 'prisma'], { cwd: dir });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /schema\.prisma.*the git base "no-such-ref" is not a commit of this repository/);
});

test('the migration Prisma Migrate generates for the rename (DROP + ADD) is flagged as a suspected rename that deletes the data', () => {
  const dir = repo();
  const generated = '-- AlterTable\nALTER TABLE `User` DROP COLUMN `name`,\n    ADD COLUMN `fullName` VARCHAR(191) NOT NULL;\n';
  write(dir, { 'prisma/migrations/20240201000000_rename/migration.sql': generated });
  const r = runCli(['lint', '--format', 'json', 'prisma'], { cwd: dir });
  const file = parseReport(r.stdout).files.find((f) => f.path === 'prisma/migrations/20240201000000_rename/migration.sql');
  const finding = file?.findings.find((f) => f.rule === 'drop-and-add-column');
  assert.ok(finding, JSON.stringify(file?.findings.map((f) => f.rule)));
  assert.equal(finding.range.start.line, 2);
  assert.match(finding.message, /User\.name is dropped and fullName added in the same migration/);
});
