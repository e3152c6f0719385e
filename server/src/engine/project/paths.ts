// Forward-slash path arithmetic for the project model (the host gives absolute paths with `/`).
import { posix } from 'node:path';

export const joinPath = posix.join;
export const dirOf = posix.dirname;
export const baseOf = posix.basename;

/** `path` relative to `root`, forward slashes; `.` for the root itself */
export function relativeTo(root: string, path: string): string {
  return posix.relative(root, path) || '.';
}

/** true when `path` is `dir` or below it */
export function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

/** the folder part of a glob before its first glob character: where a search for it starts */
export function globBase(pattern: string): string {
  const p = pattern.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  // a pattern without a slash (`*.sql`, `migrations`) matches in any folder
  if (!p.includes('/')) return '';
  const fixed: string[] = [];
  for (const part of p.split('/')) {
    if (/[*?[{]/.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/');
}

/** compares paths with digit runs as numbers (`4.10/x` after `4.9/x`, `V10` after `V9`) */
export function naturalCompare(a: string, b: string): number {
  const ta = a.split(/(\d+)/);
  const tb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    if (ta[i] === tb[i]) continue;
    if (i % 2 === 1) {
      const d = BigInt(ta[i]) - BigInt(tb[i]);
      if (d !== 0n) return d < 0n ? -1 : 1;
      return ta[i].length - tb[i].length;
    }
    return ta[i] < tb[i] ? -1 : 1;
  }
  return ta.length - tb.length;
}
