// The shipped CLI bundle (dist/cli.js, with dist/typescript.js and the tree-sitter .wasm files
// beside it) on a repository with a TypeORM entity and a GORM struct edited since HEAD.
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

const GO_BEFORE = 'package models\n\ntype Order struct {\n\tID    uint\n\tTotal int32 `gorm:"not null"`\n}\n';
const GO_AFTER = 'package models\n\ntype Order struct {\n\tID    uint\n\tTotal int64 `gorm:"not null"`\n\tNote  *string\n}\n';
const TS_BEFORE = "import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';\n\n@Entity()\nexport class Post {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @Column()\n  title: string;\n}\n";
const TS_AFTER = "import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';\n\n@Entity()\nexport class Post {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @Column()\n  title: string;\n\n  @Column()\n  views: number;\n}\n";

test('lint --git-base reports the GORM type change and the TypeORM required column on their lines', () => {
  const dir = gitFixture({ 'internal/models/order.go': GO_BEFORE, 'src/post.entity.ts': TS_BEFORE }, { 'internal/models/order.go': GO_AFTER, 'src/post.entity.ts': TS_AFTER });
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--git-base', 'HEAD', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 1, r.stderr);
  const report = parseReport(r.stdout);
  const rules = (path: string) => report.files.find((f) => f.path === path)?.findings.map((f) => [f.rule, f.range.start.line]);
  assert.deepEqual(rules('internal/models/order.go'), [['change-column-type', 4]]);
  assert.deepEqual(rules('src/post.entity.ts'), [['not-null-without-default', 10]]);
});
