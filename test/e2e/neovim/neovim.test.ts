// Neovim (headless, Debian's 0.7) as a second, independent LSP client of the bundled server:
// diagnostics appear for a migration fixture and the preferred code action fixes the finding;
// go to definition jumps from a RENAME COLUMN to the earlier migration that created the column.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { neovimPrerequisite, runNeovimScript, type ScriptReport } from './harness';

interface NeovimReport extends ScriptReport {
  codes?: string[];
  line?: number;
  href?: string;
  actions?: string[];
  applied?: string;
  lines?: string[];
  codes_after?: string[];
}

const { missing, options: skip } = neovimPrerequisite('the Neovim test');

interface DefinitionReport extends ScriptReport {
  from?: string;
  from_line?: number;
  buffer?: string;
  line?: number;
  column?: number;
  text?: string;
}

/** runs headless Neovim with `init` on `file` of a copy of `fixture`; returns the JSON the script wrote */
async function runNeovim<T extends ScriptReport>(init: string, fixture: string, file: string): Promise<{ report: T; status: number | null; workspace: string; cleanup: () => void }> {
  const scratch = mkdtempSync(join(tmpdir(), 'lockstep-nvim-'));
  const cleanup = (): void => rmSync(scratch, { recursive: true, force: true });
  try {
    const workspace = join(scratch, 'workspace');
    cpSync(join(__dirname, fixture), workspace, { recursive: true });
    return { ...(await runNeovimScript<T>(init, scratch, workspace, join(workspace, file))), workspace, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

test('Neovim shows Lockstep diagnostics and applies its quick fix', skip, async () => {
  assert.equal(missing, undefined, `LOCKSTEP_REQUIRE_E2E=1 but ${missing}`);
  const { report, status, cleanup } = await runNeovim<NeovimReport>('init.lua', 'fixture', join('db', 'migration', 'V2__add_nickname.sql'));
  try {
    assert.ok(report.ok, report.message);
    assert.equal(status, 0);
    assert.ok(report.codes?.includes('drop-column'), `codes: ${report.codes?.join(', ')}`);
    assert.equal(report.line, 2, 'the finding is on the ALTER … NOT NULL line');
    assert.match(report.href ?? '', /docs\/rules\/not-null-without-default\.md$/);
    assert.ok(report.actions?.includes('Disable not-null-without-default for this line'), report.actions?.join(' | '));
    assert.ok(report.applied);
    assert.notEqual(report.lines?.[2], 'ALTER TABLE users ADD COLUMN nickname VARCHAR(40) NOT NULL;', 'the fix changed the line');
    assert.ok(!report.codes_after?.includes('not-null-without-default'));
    assert.ok(report.codes_after?.includes('drop-column'), 'the other finding stays');
  } finally {
    cleanup();
  }
});

test('Neovim: go to definition on a renamed column jumps to the earlier migration that created it', skip, async () => {
  assert.equal(missing, undefined, `LOCKSTEP_REQUIRE_E2E=1 but ${missing}`);
  const { report, status, workspace, cleanup } = await runNeovim<DefinitionReport>('definition.lua', 'fixture-definition', join('db', 'migration', 'V2__rename.sql'));
  try {
    assert.ok(report.ok, report.message);
    assert.equal(status, 0);
    assert.equal(report.from_line, 2, 'started on the RENAME COLUMN line of V2');
    assert.equal(report.buffer, join(workspace, 'db', 'migration', 'V1__create_users.sql'));
    assert.equal(report.line, 3, 'the cursor is on the column\'s line of the CREATE TABLE');
    assert.equal(report.column, 2, 'at the column name');
    assert.equal(report.text, '  last_name VARCHAR(50) NOT NULL');
  } finally {
    cleanup();
  }
});
