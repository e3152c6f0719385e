// `lockstep plan <model> --line N` (the built CLI) reads the model as `lockstep lint --git-base`
// does: the Go parser loaded for a .go model, a GORM model with its package's other files, a
// TypeORM entity with its imported base class and the config's naming, each side at its own
// version. So the plan is of the finding lint reports on that line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ensureBundle, ROOT } from '../lsp/client';
import { gitFixture, write } from '../orm/git-fixture';
import { parseReport } from './json-report';

before(async () => {
  await ensureBundle();
});

function cli(dir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'lockstep.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** rule and 1-based line of each finding lint reports on `path` */
function lintFindings(dir: string, path: string): [string, number][] {
  const r = cli(dir, 'lint', '--git-base', 'HEAD', '--format', 'json', path);
  assert.equal(r.status, 1, r.stderr);
  return parseReport(r.stdout).files.find((f) => f.path === path)?.findings.map((f) => [f.rule, f.range.start.line + 1]) ?? [];
}

const MEMBER_BEFORE = 'package models\n\ntype Member struct {\n\tID   uint   `gorm:"primaryKey"`\n\tName string `gorm:"size:100;not null"`\n}\n';
const MEMBER_AFTER = 'package models\n\ntype Member struct {\n\tID       uint   `gorm:"primaryKey"`\n\tFullName string `gorm:"size:100;not null"`\n}\n';

test('the built CLI prints the plan of a GORM model: the Go parser is loaded for plan', () => {
  const dir = gitFixture({ 'internal/models/member.go': MEMBER_BEFORE }, { 'internal/models/member.go': MEMBER_AFTER });
  const r = cli(dir, 'plan', 'internal/models/member.go', '--line', '5');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^# Migration plan: rename members\.name to full_name\n\n> Planned from a change to the GORM model\./);
  assert.match(r.stdout, /In the model \(member\.go\): keep `Name` and add `FullName` with `gorm:"column:full_name"`/);
});

const AUDIT_GO = 'package models\n\ntype Audit struct {\n\tCreatedBy string `gorm:"size:50;not null"`\n\tVersion   int32\n}\n';
const ORDER_GO = 'package models\n\ntype Order struct {\n\tID    uint\n\tAudit\n\tTotal int64\n}\n';

test('GORM: a field renamed in a struct another file of the package embeds is planned on the embedding model, as lint reports it', () => {
  const dir = gitFixture({ 'internal/models/audit.go': AUDIT_GO, 'internal/models/order.go': ORDER_GO }, { 'internal/models/audit.go': AUDIT_GO.replace('CreatedBy string', 'Author    string') });
  assert.deepEqual(lintFindings(dir, 'internal/models/order.go'), [['rename-column', 5]]);
  const r = cli(dir, 'plan', 'internal/models/order.go', '--line', '5');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^# Migration plan: rename orders\.created_by to author\n/);
});

const BASE_TS = "import { Column, PrimaryGeneratedColumn } from 'typeorm';\n\nexport abstract class BaseModel {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @Column({ length: 40 })\n  createdBy: string;\n}\n";
const PAYMENT_TS = "import { Column, Entity } from 'typeorm';\nimport { BaseModel } from './base';\n\n@Entity()\nexport class Payment extends BaseModel {\n  @Column()\n  amount: number;\n}\n";
const BASE_WITHOUT_COLUMN = BASE_TS.replace('\n  @Column({ length: 40 })\n  createdBy: string;\n', '');

test("TypeORM: a column dropped from the base class in ./base.ts gets the plan of lint's finding on the entity, with the config's naming", () => {
  const dir = gitFixture(
    { 'lockstep.config.json': JSON.stringify({ orm: { typeorm: { naming: 'snake' } } }), 'src/entities/base.ts': BASE_TS, 'src/entities/payment.entity.ts': PAYMENT_TS },
    { 'src/entities/base.ts': BASE_WITHOUT_COLUMN },
  );
  assert.deepEqual(lintFindings(dir, 'src/entities/payment.entity.ts'), [['drop-column', 5]]);
  const r = cli(dir, 'plan', 'src/entities/payment.entity.ts', '--line', '5');
  assert.equal(r.status, 0, r.stderr);
  // snake_case naming: the column is created_by, as in lint's message
  assert.match(r.stdout, /^# Migration plan: drop payment\.created_by without breaking the running app\n\n> Planned from a change to the TypeORM model\./);
  assert.match(r.stdout, /keep the property `createdBy` mapped but out of use/);
});

test('TypeORM: the base class is read at the git base too: a column moved from ./base.ts into the entity is no change to plan', () => {
  const moved = PAYMENT_TS.replace('  @Column()\n  amount: number;\n', '  @Column()\n  amount: number;\n\n  @Column({ length: 40 })\n  createdBy: string;\n');
  const dir = gitFixture({ 'src/entities/base.ts': BASE_TS, 'src/entities/payment.entity.ts': PAYMENT_TS }, { 'src/entities/base.ts': BASE_WITHOUT_COLUMN });
  write(dir, { 'src/entities/payment.entity.ts': moved });
  const r = cli(dir, 'plan', 'src/entities/payment.entity.ts');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^lockstep: plan: src\/entities\/payment\.entity\.ts has no finding a plan exists for .* \(compared with HEAD\)\n$/);
});
