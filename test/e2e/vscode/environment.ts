// Finds (or installs) code-server and Chromium for the end-to-end tests; says why when it cannot.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

export interface E2eTools {
  codeServer: string;
  chromium: string;
}

/** The tools, or the reason they are unavailable. Installs code-server when it is missing. */
export function findTools(): E2eTools | { missing: string } {
  const chromium = process.env.LOCKSTEP_CHROMIUM ?? onPath('chromium') ?? onPath('chromium-browser');
  if (!chromium || !existsSync(chromium)) return { missing: `Chromium is not installed (Debian package \`chromium\`${chromium ? `; ${chromium} does not exist` : ''})` };
  const override = process.env.LOCKSTEP_CODE_SERVER;
  if (override && !existsSync(override)) return { missing: `LOCKSTEP_CODE_SERVER=${override} does not exist` };
  const codeServer = override ?? installCodeServer();
  if (typeof codeServer !== 'string') return codeServer;
  return { codeServer, chromium };
}

function installCodeServer(): string | { missing: string } {
  const script = join(REPO_ROOT, 'scripts', 'install-code-server.sh');
  const started = Date.now();
  const r = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10 * 60_000 });
  const bin = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !existsSync(bin)) {
    return { missing: `code-server could not be installed (${(r.stderr || r.error?.message || '').trim().split('\n').slice(-3).join(' | ')})` };
  }
  const seconds = (Date.now() - started) / 1000;
  if (seconds > 5) console.log(`# installed code-server in ${seconds.toFixed(0)} s`);
  return bin;
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}
