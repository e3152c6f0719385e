// `lockstep lint --git-base`: a model file is read with the files it leans on, each side with its
// own: a GORM model with the other .go files of its package, a TypeORM entity with the files its
// relative imports name (a base class in ./base.ts) and the project's other entities, in the
// working tree and at the git base. The config's `orm.typeorm.naming` names the columns.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ensureBundle, ROOT } from '../lsp/client';
import { parseReport, type JReport } from '../cli/json-report';
import { gitFixture, write } from './git-fixture';

before(async () => {
  await ensureBundle();
});

function lint(dir: string, ...paths: string[]): { status: number | null; report: JReport; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--git-base', 'HEAD', '--format', 'json', ...paths], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, report: parseReport(r.stdout), stderr: r.stderr };
}

/** rule and 1-based line of each finding of one file of the report */
function findingsOf(report: JReport, path: string): [string, number][] | undefined {
  return report.files.find((f) => f.path === path)?.findings.map((f) => [f.rule, f.range.start.line + 1]);
}

const AUDIT_GO = 'package models\n\ntype Audit struct {\n\tCreatedBy string `gorm:"size:50;not null"`\n\tVersion   int32\n}\n';
const ORDER_GO = 'package models\n\ntype Order struct {\n\tID    uint\n\tAudit\n\tTotal int64\n}\n';

test('GORM: a field of a struct embedded from another file of the package is renamed: reported on the embedding field', () => {
  const dir = gitFixture(
    { 'internal/models/audit.go': AUDIT_GO, 'internal/models/order.go': ORDER_GO, 'internal/models/order_test.go': 'package models\n\ntype Audit struct{ Broken int }\n' },
    { 'internal/models/audit.go': AUDIT_GO.replace('CreatedBy string', 'Author    string') },
  );
  const r = lint(dir, 'internal/models');
  assert.equal(r.status, 1, r.stderr);
  // order.go did not change: its table did, through the package
  assert.deepEqual(findingsOf(r.report, 'internal/models/order.go'), [['rename-column', 5]]);
  assert.match(r.report.files.find((f) => f.path === 'internal/models/order.go')?.findings[0].message ?? '', /created_by.*author/);
  // the embedded struct is no table of its own file: nothing to say there
  assert.deepEqual(findingsOf(r.report, 'internal/models/audit.go'), []);
});

test("GORM: the base model is read with the base's package: a struct moved from a deleted file into the model is no change", () => {
  const moved = `${ORDER_GO}\n${AUDIT_GO.replace('package models\n\n', '')}`;
  const dir = gitFixture({ 'internal/models/audit.go': AUDIT_GO, 'internal/models/order.go': ORDER_GO }, { 'internal/models/order.go': moved });
  rmSync(join(dir, 'internal/models/audit.go'));
  const r = lint(dir, 'internal/models');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(findingsOf(r.report, 'internal/models/order.go'), []);
});

const BASE_TS = "import { Column, PrimaryGeneratedColumn } from 'typeorm';\n\nexport abstract class BaseModel {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @Column({ length: 40 })\n  createdBy: string;\n}\n";
const PAYMENT_TS = "import { Column, Entity } from 'typeorm';\nimport { BaseModel } from './base';\n\n@Entity()\nexport class Payment extends BaseModel {\n  @Column()\n  amount: number;\n}\n";

test("TypeORM: a column dropped from the base class in ./base.ts is reported on the entity's extends clause", () => {
  const dir = gitFixture({ 'src/entities/base.ts': BASE_TS, 'src/entities/payment.entity.ts': PAYMENT_TS }, { 'src/entities/base.ts': BASE_TS.replace('\n  @Column({ length: 40 })\n  createdBy: string;\n', '') });
  const r = lint(dir, 'src/entities/payment.entity.ts');
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(findingsOf(r.report, 'src/entities/payment.entity.ts'), [['drop-column', 5]]);
  assert.match(r.report.files[0].findings[0].message, /createdBy/);
});

test('TypeORM: the base class is found through an import outside the entity folders (./common/index.ts) at both sides', () => {
  const entity = PAYMENT_TS.replace("from './base'", "from '../common'");
  const dir = gitFixture({ 'src/common/index.ts': BASE_TS, 'src/entities/payment.entity.ts': entity }, { 'src/common/index.ts': BASE_TS.replace('length: 40', 'length: 20') });
  const r = lint(dir, 'src/entities');
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(findingsOf(r.report, 'src/entities/payment.entity.ts'), [['varchar-length-change', 5]]);
  // the same base class unchanged: no finding
  write(dir, { 'src/common/index.ts': BASE_TS });
  assert.deepEqual(findingsOf(lint(dir, 'src/entities').report, 'src/entities/payment.entity.ts'), []);
});

const POST_TS = "import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';\n\n@Entity()\nexport class BlogPost {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @Column()\n  publishedAt: Date;\n}\n";

test('orm.typeorm.naming "snake" from the config names the columns in snake_case; an invalid value is a config error', () => {
  const after = POST_TS.replace('\n  @Column()\n  publishedAt: Date;\n', '');
  const dir = gitFixture({ 'src/post.entity.ts': POST_TS }, { 'src/post.entity.ts': after });
  const byDefault = lint(dir, 'src');
  assert.match(byDefault.report.files.find((f) => f.path === 'src/post.entity.ts')?.findings[0]?.message ?? '', /publishedAt/);
  write(dir, { 'lockstep.config.json': JSON.stringify({ orm: { typeorm: { naming: 'snake' } } }) });
  const snake = lint(dir, 'src');
  const finding = snake.report.files.find((f) => f.path === 'src/post.entity.ts')?.findings[0];
  assert.equal(finding?.rule, 'drop-column');
  assert.match(finding?.message ?? '', /published_at/);
  write(dir, { 'lockstep.config.json': JSON.stringify({ orm: { typeorm: { naming: 'camel' } } }) });
  const bad = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--git-base', 'HEAD', 'src'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /orm\.typeorm\.naming.*"default".*"snake"/);
});
