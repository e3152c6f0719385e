// Plans from ORM model findings: a renamed, removed or new required field in a Prisma schema, a
// TypeORM entity and a GORM struct gets the same expand/contract releases as the SQL statement the
// ORM's generator would write, with what to change in the model in each release. A Prisma schema
// with a migrations folder gets its files in that chain; everything else is shown only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig, memoryHost, modelPlanToMarkdown, parseTarget, planForModelChange, Project, type ModelAnalyzeOptions, type ModelPlan, type Target } from '../../server/src/engine';
import { goModelOptions } from '../orm/model-change';

const ROOT = '/project';
const NOW = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));
const target = parseTarget('mariadb-10.11') as Target;
const withGo = goModelOptions();

function projectWith(files: Record<string, string>): Project {
  return new Project(memoryHost(Object.fromEntries(Object.entries(files).map(([rel, text]) => [`${ROOT}/${rel}`, text]))), { root: ROOT, config: { ...defaultConfig(), target } });
}

interface Case {
  rel: string;
  before: string;
  after: string;
  rule: string;
  extra?: Record<string, string>;
  options?: ModelAnalyzeOptions;
}

function plan(c: Case): ModelPlan {
  const project = projectWith({ [c.rel]: c.after, ...c.extra });
  const result = planForModelChange({ project, path: `${ROOT}/${c.rel}`, before: c.before, afterText: c.after, options: c.options ?? { target }, rule: c.rule, now: NOW });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** per release: its title and the model steps */
function modelSteps(p: ModelPlan): { title: string; model: string[] }[] {
  return p.plan.releases.map((r) => ({ title: r.title, model: r.appSteps.filter((s) => s.startsWith('In the model')) }));
}

const PRISMA_BEFORE = `datasource db {
  provider = "mysql"
  url      = env("DATABASE_URL")
}

model User {
  id     Int    @id @default(autoincrement())
  name   String @db.VarChar(100)
  legacy String

  @@map("users")
}
`;
const PRISMA_AFTER = `datasource db {
  provider = "mysql"
  url      = env("DATABASE_URL")
}

model User {
  id       Int    @id @default(autoincrement())
  fullName String @db.VarChar(100) @map("full_name")
  score    Int

  @@map("users")
}
`;
const prisma = (rule: string, extra?: Record<string, string>): Case => ({ rel: 'prisma/schema.prisma', before: PRISMA_BEFORE, after: PRISMA_AFTER, rule, extra });
const PRISMA_INIT = { 'prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE `users` (`id` INT NOT NULL AUTO_INCREMENT, `name` VARCHAR(100) NOT NULL, `legacy` LONGTEXT NOT NULL, PRIMARY KEY (`id`));\n' };

test('Prisma rename: the three rename releases, the model changed in each, files shown only without a migrations folder', () => {
  const p = plan(prisma('rename-column'));
  assert.equal(p.plan.kind, 'rename-column');
  assert.equal(p.writable, false);
  assert.equal(p.plan.convention, 'plain');
  assert.deepEqual(modelSteps(p), [
    { title: 'Release 1 — expand: add full_name, copy name into it', model: ['In the model (schema.prisma): keep `name` and add `fullName` beside it, optional: `fullName String? @db.VarChar(100) @map("full_name")`.'] },
    { title: 'Release 2 — switch: copy again what the previous version wrote, then read and write only full_name', model: ['In the model (schema.prisma): read and write only `fullName`; keep `name` out of the client but in the schema (its column stays until release 3): `name String? @db.VarChar(100) @ignore`.'] },
    { title: 'Release 3 — contract: drop name, constrain full_name', model: ['In the model (schema.prisma): remove `name` and make `fullName` required (no `?`): the model as this file has it now.'] },
  ]);
  const files = p.plan.releases.flatMap((r) => r.files.map((f) => f.path));
  assert.ok(files.every((f) => f.startsWith('prisma/lockstep-plan/')), files.join(', '));
  assert.match(p.plan.releases[0].files[0].content, /ALTER TABLE `users` ADD COLUMN `full_name` VARCHAR\(100\)/);
  assert.match(p.plan.releases[2].files[0].content, /DROP COLUMN `name`/);
  const md = modelPlanToMarkdown(p);
  assert.match(md, /^# Migration plan: rename users\.name to full_name\n\n> Planned from a change to the Prisma model\. \*\*Shown only: these files are not written anywhere\.\*\*/);
  assert.match(md, /has no Prisma Migrate `migrations\/` folder/);
});

test('Prisma with a migrations folder: the plan joins that chain as new <timestamp>_<name>/migration.sql folders', () => {
  const p = plan(prisma('rename-column', PRISMA_INIT));
  assert.equal(p.writable, true);
  assert.equal(p.plan.convention, 'prisma');
  assert.deepEqual(p.plan.releases.flatMap((r) => r.files.map((f) => f.path)), [
    'prisma/migrations/20261207120000_add_users_full_name/migration.sql',
    'prisma/migrations/20261207120001_copy_users_name_to_full_name/migration.sql',
    'prisma/migrations/20261207120002_sync_users_full_name/migration.sql',
    'prisma/migrations/20261207120003_make_users_name_optional/migration.sql',
    'prisma/migrations/20261207120004_drop_users_name/migration.sql',
  ]);
  // the header of each file carries the model step too
  assert.match(p.plan.releases[0].files[0].content, /-- {3}- In the model \(schema\.prisma\): keep `name` and add `fullName`/);
  assert.match(modelPlanToMarkdown(p), /> Planned from a change to the Prisma model: the files go into its migrations folder\./);
});

test('Prisma removed field and new required field: @ignore first, then remove; optional first, then required', () => {
  assert.deepEqual(modelSteps(plan(prisma('drop-column'))), [
    { title: 'Release 1 — stop using legacy', model: ['In the model (schema.prisma): keep `legacy` in the schema but out of the client (its column stays until release 2): `legacy String? @ignore`.'] },
    { title: 'Release 2 — contract: drop legacy', model: ['In the model (schema.prisma): remove `legacy`: the model as this file has it now.'] },
  ]);
  const notNull = plan(prisma('not-null-without-default'));
  assert.deepEqual(modelSteps(notNull).map((r) => r.model), [
    ['In the model (schema.prisma): declare `score` optional for now, `score Int?`, and set it on every create and update.'],
    ['In the model (schema.prisma): make `score` required (no `?`): the model as this file has it now.'],
  ]);
  assert.match(notNull.plan.releases[0].files[0].content, /ADD COLUMN `score` INT NULL/);
});

test('a place or line without a plannable finding, and a rule without a plan, are refused with a reason', () => {
  const project = projectWith({ 'prisma/schema.prisma': PRISMA_AFTER });
  const request = { project, path: `${ROOT}/prisma/schema.prisma`, before: PRISMA_BEFORE, afterText: PRISMA_AFTER, options: { target }, now: NOW };
  const none = planForModelChange({ ...request, line: 0 });
  assert.equal(none.ok, false);
  assert.match(none.ok ? '' : none.reason, /^line 1 of prisma\/schema\.prisma has no finding a plan exists for/);
  const onRename = planForModelChange({ ...request, line: PRISMA_AFTER.split('\n').findIndex((l) => l.includes('fullName')) });
  assert.equal(onRename.ok && onRename.plan.kind, 'rename-column');
  const unknown = planForModelChange({ ...request, rule: 'drop-index' });
  assert.match(unknown.ok ? '' : unknown.reason, /^no multi-release plan exists for drop-index/);
});

const ENTITY_START = `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

`;
const TYPEORM_BEFORE = `${ENTITY_START}  @Column({ length: 100 })
  name: string;

  @Column()
  legacyFlag: boolean;
}
`;
const TYPEORM_AFTER = `${ENTITY_START}  @Column({ length: 100 })
  displayName: string;
}
`;
const typeorm = (rule: string): Case => ({ rel: 'src/entity/account.entity.ts', before: TYPEORM_BEFORE, after: TYPEORM_AFTER, rule });

test('TypeORM rename and removal: nullable property first, the old one kept out of use, shown only with the migration-class note', () => {
  const rename = plan(typeorm('rename-column'));
  assert.equal(rename.writable, false);
  assert.deepEqual(modelSteps(rename).map((r) => r.model), [
    ['In the model (account.entity.ts): keep the property `name` and add `displayName` beside it with `@Column({ name: "displayName", nullable: true, … })` (its type options as now, but nullable).'],
    ['In the model (account.entity.ts): read and write only `displayName`; keep `name` mapped but out of use, `@Column({ name: "name", nullable: true, select: false, insert: false, update: false })`, so migration:generate writes no DROP COLUMN for it yet.'],
    ['In the model (account.entity.ts): remove `name` and take `nullable: true` off `displayName`: the entity as this file has it now.'],
  ]);
  assert.ok(rename.plan.notes?.some((n) => /migration:create/.test(n) && /queryRunner\.query/.test(n)));
  const drop = plan(typeorm('drop-column'));
  assert.deepEqual(modelSteps(drop).map((r) => r.model), [
    ['In the model (account.entity.ts): keep the property `legacyFlag` mapped but out of use, `@Column({ name: "legacyFlag", nullable: true, select: false, insert: false, update: false })`, so migration:generate writes no DROP COLUMN yet.'],
    ['In the model (account.entity.ts): remove `legacyFlag`: the entity as this file has it now.'],
  ]);
  assert.match(drop.plan.releases[1].files[0].content, /DROP COLUMN `legacyFlag`/);
});

const GORM_BEFORE = `package models

type Member struct {
	ID         uint   \`gorm:"primaryKey"\`
	Name       string \`gorm:"size:100;not null"\`
	LegacyFlag bool   \`gorm:"not null"\`
}
`;
const GORM_AFTER = `package models

type Member struct {
	ID       uint   \`gorm:"primaryKey"\`
	FullName string \`gorm:"size:100;not null"\`
}
`;
const gorm = (rule: string): Case => ({ rel: 'internal/models/member.go', before: GORM_BEFORE, after: GORM_AFTER, rule, options: withGo });

test('GORM rename and removal: the contract step runs only from the plan, since AutoMigrate never drops a column', () => {
  const rename = plan(gorm('rename-column'));
  assert.equal(rename.writable, false);
  const steps = modelSteps(rename).map((r) => r.model.join(' '));
  assert.match(steps[0], /add `FullName` with `gorm:"column:full_name"` as a pointer or sql\.Null\* type/);
  assert.match(steps[1], /remove `Name` from the struct\. AutoMigrate leaves the unused column name in place \(it never drops columns\)/);
  assert.match(steps[2], /The DROP COLUMN of name comes only from this release's migration \(AutoMigrate never drops a column\): run it yourself, and only once release 2 runs on every instance/);
  assert.match(rename.plan.releases[2].files[0].content, /ALTER TABLE `members` DROP COLUMN `name`/);
  const drop = plan(gorm('drop-column'));
  const dropSteps = modelSteps(drop).map((r) => r.model.join(' '));
  assert.match(dropSteps[0], /remove `LegacyFlag` from the struct, as this file has it now: AutoMigrate leaves the unused column legacy_flag in place/);
  assert.match(dropSteps[0], /Run this release's migration \(legacy_flag becomes NULL-able\) before the new version starts/);
  assert.match(dropSteps[1], /only once release 1 runs on every instance/);
  assert.ok(drop.plan.notes?.some((n) => /GORM has no migration files/.test(n)));
});
