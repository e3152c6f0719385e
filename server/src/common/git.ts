// The few git calls the front ends make (release groups, model files at a base): one synchronous
// `git` runner and the helpers both need. I/O at the edge: the engine never imports this.
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';

/** stdout of `git <args>` in `cwd`; throws with git's stderr on a non-zero exit */
export function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** the first line of what git said when it failed (its stderr, else the error's message) */
export function gitErrorLine(err: unknown): string {
  const stderr = err && typeof err === 'object' && 'stderr' in err ? String(err.stderr) : '';
  const text = stderr.trim() || (err instanceof Error ? err.message : String(err));
  return text.split('\n')[0];
}

/** the path with links resolved where it exists (git names files by their real path) */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
