// Neovim (headless, Debian's 0.7) on a Prisma schema committed in a git repository the test makes:
// a field renamed in the buffer gets rename-column on the field's line, the preferred code action
// maps the field to the old column with `@map("email")`, and the finding goes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { neovimPrerequisite, runNeovimScript, type ScriptReport } from './harness';

interface OrmReport extends ScriptReport {
  codes_before?: string[];
  line?: number;
  col?: number;
  message_text?: string;
  actions?: string[];
  applied?: string;
  lines?: string[];
  codes_after?: string[];
}

const SCHEMA = 'model User {\n  id    Int    @id @default(autoincrement())\n  email String @db.VarChar(191)\n}\n';

const { missing, options } = neovimPrerequisite('the Neovim ORM model test');

test('Neovim: a field renamed in schema.prisma gets rename-column on its line, and the @map fix clears it', options, async () => {
  assert.equal(missing, undefined, `LOCKSTEP_REQUIRE_E2E=1 but ${missing}`);
  const scratch = mkdtempSync(join(tmpdir(), 'lockstep-nvim-orm-'));
  try {
    const workspace = join(scratch, 'workspace');
    const schema = join(workspace, 'prisma', 'schema.prisma');
    mkdirSync(join(workspace, 'prisma'), { recursive: true });
    writeFileSync(schema, SCHEMA);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.email=dev@example.com', '-c', 'user.name=Dev', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'the User model');
    const { report, status } = await runNeovimScript<OrmReport>('orm.lua', scratch, workspace, schema);
    assert.ok(report.ok, report.message);
    assert.equal(status, 0);
    assert.deepEqual(report.codes_before, [], 'the committed schema has no finding');
    assert.deepEqual([report.line, report.col], [2, 2], 'on the renamed field (0-based line 2, after its indent)');
    assert.match(report.message_text ?? '', /Probable rename: field email \(column email\) was removed and contact/);
    assert.equal(report.applied, 'Keep the column email: map contact to it with @map("email")');
    assert.ok(report.actions?.includes('Disable rename-column for this line'), report.actions?.join(' | '));
    assert.equal(report.lines?.[2], '  contact String @db.VarChar(191) @map("email")');
    assert.deepEqual(report.codes_after, []);
    assert.equal(readFileSync(schema, 'utf8'), SCHEMA, 'the buffer is not written');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
