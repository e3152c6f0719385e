// `lockstep plan`: Markdown and JSON output, --out writing the files (which then lint clean with
// `lockstep lint`), refusing to overwrite, and clear usage errors.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, scratchDir } from '../cli/harness';

const CREATE = 'CREATE TABLE person (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  first_name VARCHAR(100) NULL,\n  last_name VARCHAR(100) NOT NULL\n);\n';
const RENAME = 'ALTER TABLE person RENAME COLUMN last_name TO surname;\n';

function flywayProject(): string {
  const dir = scratchDir('lockstep-plan-');
  mkdirSync(join(dir, 'db', 'migration'), { recursive: true });
  writeFileSync(join(dir, 'lockstep.config.json'), JSON.stringify({ target: 'mariadb-10.11', migrations: { paths: ['db/migration/*.sql'] } }));
  writeFileSync(join(dir, 'db', 'migration', 'V1__create_person.sql'), CREATE);
  writeFileSync(join(dir, 'db', 'migration', 'V2__rename_last_name.sql'), RENAME);
  return dir;
}

interface JsonPlan {
  convention: string;
  kind: string;
  releases: { title: string; appSteps: string[]; verify: string[]; files: { path: string; direction: string; content: string }[] }[];
}

test('plan --format json prints the contract: convention, releases in order, files relative to the workspace root', () => {
  const dir = flywayProject();
  const r = runCli(['plan', 'db/migration/V2__rename_last_name.sql', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const plan = JSON.parse(r.stdout) as JsonPlan;
  assert.equal(plan.convention, 'flyway');
  assert.equal(plan.kind, 'rename-column');
  assert.deepEqual(plan.releases.map((rel) => rel.files.map((f) => f.path)), [
    ['db/migration/V3__add_person_surname.sql', 'db/migration/V4__copy_person_last_name_to_surname.sql'],
    ['db/migration/V5__sync_person_surname.sql', 'db/migration/V6__make_person_last_name_optional.sql'],
    ['db/migration/V7__drop_person_last_name.sql'],
  ]);
  for (const rel of plan.releases) {
    assert.ok(rel.title.length > 0 && rel.appSteps.length > 0);
    for (const f of rel.files) assert.equal(f.direction, 'up');
  }
  assert.match(plan.releases[1].verify[0], /NOT \(`surname` <=> `last_name`\)/);
});

test('plan from a subfolder finds the workspace like lint does; the text output is the Markdown plan', () => {
  const dir = flywayProject();
  const r = runCli(['plan', 'V2__rename_last_name.sql'], { cwd: join(dir, 'db', 'migration') });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^# Migration plan: rename person\.last_name to surname/);
  assert.match(r.stdout, /## Release 1 — expand: add surname, copy last_name into it/);
  assert.match(r.stdout, /### `db\/migration\/V7__drop_person_last_name\.sql`/);
  assert.match(r.stdout, /\*\*Before release 2 ships, the application must:\*\*/);
});

test('plan --out writes the files, which lockstep lint then passes', () => {
  const dir = flywayProject();
  const r = runCli(['plan', 'db/migration/V2__rename_last_name.sql', '--out', '.', '--triggers'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Wrote 5 files:\n {2}db\/migration\/V3__add_person_surname\.sql/);
  const v3 = readFileSync(join(dir, 'db', 'migration', 'V3__add_person_surname.sql'), 'utf8');
  assert.match(v3, /CREATE TRIGGER `lockstep_person_surname_ins`/);
  // the user replaces the unsafe statement by a pointer to the plan
  writeFileSync(join(dir, 'db', 'migration', 'V2__rename_last_name.sql'), '-- replaced by V3..V7 (rename person.last_name to surname)\n');
  const lint = runCli(['lint', 'db', '--format', 'json'], { cwd: dir });
  assert.equal(lint.status, 0, lint.stdout);
  const again = runCli(['plan', 'db/migration/V1__create_person.sql', '--out', '.'], { cwd: dir });
  assert.equal(again.status, 2);
  assert.match(again.stderr, /has no finding a plan exists for/);
});

test('plan --out refuses to overwrite an existing file and then writes nothing', () => {
  const dir = flywayProject();
  const taken = join(dir, 'review', 'db', 'migration', 'V6__make_person_last_name_optional.sql');
  mkdirSync(join(dir, 'review', 'db', 'migration'), { recursive: true });
  writeFileSync(taken, '-- mine\n');
  const r = runCli(['plan', 'db/migration/V2__rename_last_name.sql', '--out', 'review'], { cwd: dir });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /refusing to overwrite existing file review\/db\/migration\/V6__make_person_last_name_optional\.sql; nothing was written/);
  assert.equal(readFileSync(taken, 'utf8'), '-- mine\n');
  assert.ok(!existsSync(join(dir, 'review', 'db', 'migration', 'V3__add_person_surname.sql')));
});

test('plan --out into another folder keeps the workspace-relative paths', () => {
  const dir = flywayProject();
  const r = runCli(['plan', 'db/migration/V2__rename_last_name.sql', '--out', 'review'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(join(dir, 'review', 'db', 'migration', 'V5__sync_person_surname.sql')));
  assert.ok(!existsSync(join(dir, 'db', 'migration', 'V5__sync_person_surname.sql')));
});

test('plan usage errors are one clear line with exit code 2', () => {
  const dir = flywayProject();
  const cases: [string[], RegExp][] = [
    [['plan'], /plan needs exactly one migration file/],
    [['plan', 'a.sql', 'b.sql'], /plan needs exactly one migration file/],
    [['plan', 'db/migration/V2__rename_last_name.sql', '--format', 'xml'], /unknown --format "xml" for plan: use text or json/],
    [['plan', 'db/migration/V2__rename_last_name.sql', '--statement', 'x'], /--statement needs a whole number/],
    [['plan', 'db/migration/V2__rename_last_name.sql', '--statement', '4'], /has no statement 4 \(it has 1\)/],
    [['plan', 'db/migration/V2__rename_last_name.sql', '--batch-size', '0'], /--batch-size needs a whole number ≥ 1/],
    [['plan', 'db/migration/missing.sql'], /missing\.sql: cannot read it/],
    [['plan', 'db/migration/V2__rename_last_name.sql', '--move-table', 'person'], /--move-table <table> and --to <schema> go together/],
    [['plan', 'db/migration/V2__rename_last_name.sql', '--bogus'], /Unknown option '--bogus'.*lockstep plan --help/],
    [['plan', 'db/migration/V2__rename_last_name.sql', '--rule', 'add-index'], /no multi-release plan exists for add-index; plans exist for rename-column, /],
    [['plan', 'db/migration/V2__rename_last_name.sql', '--rule', 'drop-column'], /has no finding a plan exists for/],
    [['plan', 'db/migration/V1__create_person.sql', '--move-table', 'person', '--to', 'archive', '--statement', '0'], /--move-table plans a whole table: leave out --statement and --rule/],
    [['plan', 'db/migration/V1__create_person.sql', '--move-table', 'people', '--to', 'archive'], /plan: table people is not known from the migrations/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(args, { cwd: dir });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, message, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('plan --move-table --to prints the four releases of the move, after the last migration of the chain', () => {
  const dir = flywayProject();
  const r = runCli(['plan', 'db/migration/V1__create_person.sql', '--move-table', 'person', '--to', 'archive', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const plan = JSON.parse(r.stdout) as JsonPlan;
  assert.equal(plan.kind, 'move-table');
  assert.equal(plan.releases.length, 4);
  assert.equal(plan.releases[0].files[0].path, 'db/migration/V3__create_archive_person.sql');
  assert.match(plan.releases[0].files[0].content, /CREATE TABLE `archive`\.`person` LIKE `person`;/);
  // the copy runs after V2, which renamed last_name: it lists the columns the table has then
  assert.match(plan.releases[1].files[0].content, /INSERT INTO `archive`\.`person` \(`id`, `first_name`, `surname`\)/);
});

test('lockstep help plan describes the command and its options', () => {
  const r = runCli(['help', 'plan']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^Usage: lockstep plan <file> \[options\]/);
  for (const option of ['--statement', '--rule', '--format', '--out', '--triggers', '--batch-size', '--move-table <t> --to <schema>']) assert.match(r.stdout, new RegExp(option));
  assert.match(runCli(['--help']).stdout, /lockstep plan <file> \[options\]/);
});
