// Builds the CLI bundle once per test process (same esbuild options as scripts/build.mjs, into a
// temp dir so concurrent test files never share an output) and runs it as a user would.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

export const REPO = join(__dirname, '..', '..');
export const FIXTURES = join(__dirname, 'fixtures');

let bundle: string | undefined;
const scratch: string[] = [];

process.on('exit', () => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

export function scratchDir(prefix = 'lockstep-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

export function cliBundle(): string {
  if (bundle) return bundle;
  const out = join(scratchDir('lockstep-cli-build-'), 'cli.js');
  buildSync({
    entryPoints: [join(REPO, 'server', 'src', 'cli', 'main.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'error',
  });
  bundle = out;
  return out;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  const r = spawnSync(process.execPath, [cliBundle(), ...args], {
    cwd: options.cwd ?? FIXTURES,
    env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
    input: options.input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** a copy of a fixture folder that a test may change */
export function copyFixture(name: string): string {
  const dir = scratchDir();
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}
