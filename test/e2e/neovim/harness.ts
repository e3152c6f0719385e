// Runs headless Neovim (Debian's 0.7) on a test's Lua script as an LSP client of the bundled server;
// the script writes what it saw as JSON to LOCKSTEP_RESULT (see lsp-test.lua, which it dofiles).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBundle, SERVER } from '../../lsp/client';

/** what every script reports, whatever else it adds */
export interface ScriptReport {
  ok: boolean;
  message: string;
}

export interface NeovimPrerequisite {
  /** why Neovim cannot run here, or undefined */
  missing: string | undefined;
  /** the test's options: skipped when Neovim is missing, unless LOCKSTEP_REQUIRE_E2E=1 makes that a failure */
  options: { skip: string | false };
}

/** whether Neovim can run; prints why `what` is skipped when it cannot */
export function neovimPrerequisite(what: string): NeovimPrerequisite {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  const missing = r.error || r.status !== 0 ? 'nvim is not installed (apt-get install neovim)' : undefined;
  const required = process.env.LOCKSTEP_REQUIRE_E2E === '1';
  if (missing && !required) console.log(`# skipping ${what}: ${missing}`);
  return { missing, options: { skip: missing && !required ? missing : false } };
}

/**
 * Opens `file` in headless Neovim with `script` (a file next to this one) as its init file and
 * `workspace` as the server's root; Neovim's own state directories go under `scratch`.
 * Fails when the script wrote no result.
 */
export async function runNeovimScript<T extends ScriptReport>(script: string, scratch: string, workspace: string, file: string): Promise<{ report: T; status: number | null }> {
  await ensureBundle();
  for (const dir of ['config', 'data', 'state', 'cache']) mkdirSync(join(scratch, dir));
  const resultPath = join(scratch, 'result.json');
  const run = spawnSync('nvim', ['--headless', '--noplugin', '-i', 'NONE', '-n', '-u', join(__dirname, script), file], {
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
    return { report: JSON.parse(readFileSync(resultPath, 'utf8')) as T, status: run.status };
  } catch {
    assert.fail(`Neovim wrote no result (exit ${run.status}, signal ${run.signal}): ${run.stderr}${run.stdout}`);
  }
}
