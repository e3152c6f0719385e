// `lockstep plan <model file>`: the finding on --line of a schema.prisma (or a GORM model), compared
// with its text at the git base, planned as releases with the model edits of each one; --out writes
// a Prisma plan's migration folders and refuses a plan that is only shown.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCommandLine, type PlanCommand } from '../../server/src/cli/args';
import { loadPlanParsers, planText, runPlan } from '../../server/src/cli/plan';
import { git, gitFixture, write } from '../orm/git-fixture';
import { runCli } from './harness';

const BEFORE = 'model User {\n  id    Int    @id @default(autoincrement())\n  email String @db.VarChar(191)\n  name  String @db.VarChar(100)\n}\n';
const AFTER = 'model User {\n  id      Int    @id @default(autoincrement())\n  contact String @db.VarChar(191)\n  name    String @db.VarChar(100)\n}\n';
const INIT = 'CREATE TABLE `User` (`id` INT NOT NULL AUTO_INCREMENT, `email` VARCHAR(191) NOT NULL, `name` VARCHAR(100) NOT NULL, PRIMARY KEY (`id`));\n';
/** the line of `contact` in AFTER, 1-based as lint prints it */
const RENAME_LINE = '3';

function prismaRepo(withMigrations = true): string {
  const before: Record<string, string> = { 'prisma/schema.prisma': BEFORE };
  if (withMigrations) before['prisma/migrations/20240101000000_init/migration.sql'] = INIT;
  return gitFixture(before, { 'prisma/schema.prisma': AFTER });
}

interface JsonPlan {
  convention: string;
  kind: string;
  releases: { title: string; appSteps: string[]; files: { path: string; direction: string; content: string }[] }[];
}

test('plan on a renamed Prisma field prints the releases with the model edits of each one', () => {
  const dir = prismaRepo();
  const r = runCli(['plan', 'prisma/schema.prisma', '--line', RENAME_LINE], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^# Migration plan: rename User\.email to contact\n\n> Planned from a change to the Prisma model: the files go into its migrations folder\./);
  assert.match(r.stdout, /## Release 1 — expand: add contact, copy email into it/);
  assert.match(r.stdout, /## Release 3 — contract: drop email, constrain contact/);
  assert.match(r.stdout, /- In the model \(schema\.prisma\): keep `email` and add `contact` beside it, optional: `contact String\? @db\.VarChar\(191\)`\./);
  assert.match(r.stdout, /### `prisma\/migrations\/\d{14}_drop_user_email\/migration\.sql`/);
  // without --line: the first finding a plan exists for, the same rename
  const first = runCli(['plan', 'prisma/schema.prisma'], { cwd: dir });
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /^# Migration plan: rename User\.email to contact/);
});

test('plan --format json on a model is the plan contract, its files in the Prisma migrations chain', () => {
  const dir = prismaRepo();
  const r = runCli(['plan', 'prisma/schema.prisma', '--line', RENAME_LINE, '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const plan = JSON.parse(r.stdout) as JsonPlan;
  assert.equal(plan.convention, 'prisma');
  assert.equal(plan.kind, 'rename-column');
  const paths = plan.releases.flatMap((rel) => rel.files.map((f) => f.path));
  assert.equal(paths.length, 5);
  for (const p of paths) assert.match(p, /^prisma\/migrations\/\d{14}_[a-z_]+\/migration\.sql$/);
  assert.ok(plan.releases.every((rel) => rel.appSteps[0]?.startsWith('In the model (schema.prisma): ')), JSON.stringify(plan.releases.map((rel) => rel.appSteps[0])));
});

test('plan --line on a line without a plannable finding exits 2 and says so', () => {
  const dir = prismaRepo();
  const r = runCli(['plan', 'prisma/schema.prisma', '--line', '1'], { cwd: dir });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^lockstep: plan: line 1 of prisma\/schema\.prisma has no finding a plan exists for \(rename-column, .*\) \(compared with HEAD\)\n$/);
  assert.equal(r.stdout, '');
});

test('plan --git-base compares the model with that revision, the config\'s orm.base otherwise', () => {
  const dir = prismaRepo();
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'rename');
  // against HEAD the model is unchanged now
  const atHead = runCli(['plan', 'prisma/schema.prisma', '--line', RENAME_LINE], { cwd: dir });
  assert.equal(atHead.status, 2);
  assert.match(atHead.stderr, /has no finding a plan exists for/);
  const r = runCli(['plan', 'prisma/schema.prisma', '--line', RENAME_LINE, '--git-base', 'HEAD~1'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^# Migration plan: rename User\.email to contact/);
  write(dir, { 'lockstep.config.json': JSON.stringify({ orm: { base: 'HEAD~1' } }) });
  const fromConfig = runCli(['plan', 'prisma/schema.prisma', '--line', RENAME_LINE], { cwd: dir });
  assert.equal(fromConfig.status, 0, fromConfig.stderr);
  assert.match(fromConfig.stdout, /^# Migration plan: rename User\.email to contact/);
  const bad = runCli(['plan', 'prisma/schema.prisma', '--git-base', 'no-such-ref'], { cwd: dir });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /schema\.prisma: the git base "no-such-ref" is not a commit of this repository/);
});

test('plan --out . on a Prisma chain writes the migration folders and leaves schema.prisma as it is; lint passes them', () => {
  const dir = prismaRepo();
  const r = runCli(['plan', 'prisma/schema.prisma', '--line', RENAME_LINE, '--out', '.'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Wrote 5 files:\n {2}prisma\/migrations\/\d{14}_add_user_contact\/migration\.sql/);
  const folders = readdirSync(join(dir, 'prisma', 'migrations')).sort();
  assert.equal(folders.length, 6);
  assert.equal(folders[0], '20240101000000_init');
  const first = readFileSync(join(dir, 'prisma', 'migrations', folders[1], 'migration.sql'), 'utf8');
  assert.match(first, /In the model \(schema\.prisma\): keep `email` and add `contact` beside it/);
  assert.match(first, /ADD COLUMN `contact` VARCHAR\(191\)/);
  assert.equal(readFileSync(join(dir, 'prisma', 'schema.prisma'), 'utf8'), AFTER);
  const lint = runCli(['lint', 'prisma/migrations', '--format', 'json'], { cwd: dir });
  assert.equal(lint.status, 0, lint.stdout);
});

test('plan --out refuses a model plan that is only shown, and writes nothing', () => {
  const dir = prismaRepo(false);
  const r = runCli(['plan', 'prisma/schema.prisma', '--line', RENAME_LINE, '--out', '.'], { cwd: dir });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^lockstep: --out: the schema has no Prisma Migrate migrations\/ folder next to it, so its plan is shown only\. .*; nothing was written\.\n$/);
  assert.ok(!existsSync(join(dir, 'prisma', 'migrations')));
  assert.ok(!existsSync(join(dir, 'prisma', 'lockstep-plan')));
  // printed, it names its files under lockstep-plan/ and says they are shown only
  const shown = runCli(['plan', 'prisma/schema.prisma', '--line', RENAME_LINE], { cwd: dir });
  assert.equal(shown.status, 0, shown.stderr);
  assert.match(shown.stdout, /\*\*Shown only: these files are not written anywhere\.\*\*/);
});

const GORM_BEFORE = 'package models\n\ntype Member struct {\n\tID   uint   `gorm:"primaryKey"`\n\tName string `gorm:"size:100;not null"`\n}\n';
const GORM_AFTER = 'package models\n\ntype Member struct {\n\tID       uint   `gorm:"primaryKey"`\n\tFullName string `gorm:"size:100;not null"`\n}\n';

test('plan --out on a GORM model refuses: GORM has no migration files', () => {
  const dir = gitFixture({ 'internal/models/member.go': GORM_BEFORE }, { 'internal/models/member.go': GORM_AFTER });
  const r = runCli(['plan', 'internal/models/member.go', '--line', '5', '--out', '.'], { cwd: dir });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^lockstep: --out: GORM has no migration files, so the plan of a struct is shown only\. Print it without --out .*; nothing was written\.\n$/);
  assert.deepEqual(readdirSync(join(dir, 'internal', 'models')), ['member.go']);
});

test('a GORM model\'s plan is printed with the struct edits (the Go parser loaded first)', async () => {
  const dir = gitFixture({ 'internal/models/member.go': GORM_BEFORE }, { 'internal/models/member.go': GORM_AFTER });
  const cmd = parseCommandLine(['plan', 'internal/models/member.go', '--line', '5']) as PlanCommand;
  const outcome = runPlan(cmd, dir, await loadPlanParsers(cmd));
  assert.equal(outcome.model?.writable, false);
  const text = planText(outcome);
  assert.match(text, /^# Migration plan: rename members\.name to full_name\n\n> Planned from a change to the GORM model\. \*\*Shown only/);
  assert.match(text, /In the model \(member\.go\): keep `Name` and add `FullName` with `gorm:"column:full_name"`/);
  assert.match(text, /GORM has no migration files, so these are shown only/);
});

test('model and migration options do not mix: clear usage errors with exit code 2', () => {
  const dir = prismaRepo();
  const cases: [string[], RegExp][] = [
    [['plan', 'prisma/schema.prisma', '--line', '0'], /--line counts from 1/],
    [['plan', 'prisma/schema.prisma', '--line', 'x'], /--line needs a whole number/],
    [['plan', 'prisma/schema.prisma', '--statement', '0'], /--statement is for migrations; in a model file, choose the finding with --line/],
    [['plan', 'prisma/schema.prisma', '--move-table', 'User', '--to', 'archive'], /--move-table plans a table of a migration chain/],
    [['plan', 'prisma/migrations/20240101000000_init/migration.sql', '--line', '1'], /--line is for ORM model files; in a migration, choose the statement with --statement/],
    [['plan', 'prisma/migrations/20240101000000_init/migration.sql', '--git-base', 'HEAD'], /--git-base is for ORM model files/],
    [['plan', 'prisma/schema.prisma', '--rule', 'drop-column', '--line', RENAME_LINE], /line 3 of prisma\/schema\.prisma has no finding a plan exists for/],
    [['plan', 'prisma/schema.prisma', '--rule', 'add-index'], /plan: no multi-release plan exists for add-index; plans exist for rename-column, [^(]*$/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(args, { cwd: dir });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, message, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('lockstep help plan describes the model options', () => {
  const r = runCli(['help', 'plan']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /lockstep plan <model file> \[--line <n>\] \[--git-base <rev>\]/);
  for (const option of ['--line <n>', '--git-base <rev>', 'refuses a model plan that is printed only']) assert.ok(r.stdout.includes(option), option);
});
