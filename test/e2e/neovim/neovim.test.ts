// Neovim (headless, Debian's 0.7) as a second, independent LSP client of the bundled server:
// diagnostics appear for a migration fixture and the preferred code action fixes the finding;
// go to definition jumps from a RENAME COLUMN to the earlier migration that created the column.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ensureBundle, SERVER } from '../../lsp/client';

interface NeovimReport {
  ok: boolean;
  message: string;
  codes?: string[];
  line?: number;
  href?: string;
  actions?: string[];
  applied?: string;
  lines?: string[];
  codes_after?: string[];
}

function neovimMissing(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return 'nvim is not installed (apt-get install neovim)';
  return undefined;
}

const missing = neovimMissing();
const required = process.env.LOCKSTEP_REQUIRE_E2E === '1';
if (missing && !required) console.log(`# skipping the Neovim test: ${missing}`);

interface DefinitionReport {
  ok: boolean;
  message: string;
  from?: string;
  from_line?: number;
  buffer?: string;
  line?: number;
  column?: number;
  text?: string;
}

/** runs headless Neovim with `init` on `file` of a copy of `fixture`; returns the JSON the script wrote */
async function runNeovim<T extends { ok: boolean; message: string }>(init: string, fixture: string, file: string): Promise<{ report: T; status: number | null; workspace: string; cleanup: () => void }> {
  await ensureBundle();
  const scratch = mkdtempSync(join(tmpdir(), 'lockstep-nvim-'));
  const cleanup = (): void => rmSync(scratch, { recursive: true, force: true });
  try {
    const workspace = join(scratch, 'workspace');
    cpSync(join(__dirname, fixture), workspace, { recursive: true });
    for (const dir of ['config', 'data', 'state', 'cache']) mkdirSync(join(scratch, dir));
    const resultPath = join(scratch, 'result.json');
    const run = spawnSync('nvim', ['--headless', '--noplugin', '-i', 'NONE', '-n', '-u', join(__dirname, init), join(workspace, file)], {
      cwd: workspace,
      encoding: 'utf8',
      timeout: 60000,
      env: {
        ...process.env,
        LOCKSTEP_SERVER: SERVER,
        LOCKSTEP_RESULT: resultPath,
        LOCKSTEP_ROOT: workspace,
        XDG_CONFIG_HOME: join(scratch, 'config'),
        XDG_DATA_HOME: join(scratch, 'data'),
        XDG_STATE_HOME: join(scratch, 'state'),
        XDG_CACHE_HOME: join(scratch, 'cache'),
      },
    });
    try {
      return { report: JSON.parse(readFileSync(resultPath, 'utf8')) as T, status: run.status, workspace, cleanup };
    } catch {
      assert.fail(`Neovim wrote no result (exit ${run.status}, signal ${run.signal}): ${run.stderr}${run.stdout}`);
    }
  } catch (error) {
    cleanup();
    throw error;
  }
}

const skip = { skip: missing && !required ? missing : false };

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
