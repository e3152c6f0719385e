// Rebuilds dist/ only when a source is newer than the bundles: `npm test` has just built them, and
// rewriting dist/server.js while other test files spawn it would race with them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './environment';

const BUNDLES = ['dist/extension.js', 'dist/server.js'];
const SOURCES = ['client/src', 'server/src'];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function bundlesAreFresh(): boolean {
  if (!BUNDLES.every((b) => existsSync(join(REPO_ROOT, b)))) return false;
  const oldestBundle = Math.min(...BUNDLES.map((b) => statSync(join(REPO_ROOT, b)).mtimeMs));
  return SOURCES.every((s) => newestMtime(join(REPO_ROOT, s)) <= oldestBundle);
}

/** Builds the bundles when stale; true when it built. */
export function ensureBundles(): boolean {
  if (bundlesAreFresh()) return false;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  return true;
}
