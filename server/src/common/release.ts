// Release groups from git: the migration files that are not in the release base revision (e.g.
// `origin/main`) are the release being prepared. One `git ls-tree` per project, at the edge.
import { git, gitErrorLine, realPath } from './git';
import { relative, sep } from 'node:path';

export type ReleaseResult = { ok: true; inRelease: (path: string) => boolean; baseFiles: number } | { ok: false; reason: string };

/** the files of `rev` under the git work tree holding `root`; paths outside it are never in the release */
export function releaseFromGit(root: string, rev: string): ReleaseResult {
  if (rev.startsWith('-')) return { ok: false, reason: `"${rev}" is not a git revision` };
  let top: string;
  try {
    top = git(root, ['rev-parse', '--show-toplevel']).trim();
  } catch (err) {
    return { ok: false, reason: `${root} is not in a git work tree (${gitErrorLine(err)})` };
  }
  let listing: string;
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    listing = git(top, ['ls-tree', '-r', '--name-only', '-z', '--full-tree', rev]);
  } catch (err) {
    return { ok: false, reason: `the release base "${rev}" is not a commit of this repository (${gitErrorLine(err)})` };
  }
  const atBase = new Set(listing.split('\0').filter((p) => p !== ''));
  return {
    ok: true,
    baseFiles: atBase.size,
    inRelease: (path) => {
      const rel = relative(top, realPath(path));
      if (rel.startsWith('..')) return false;
      return !atBase.has(sep === '/' ? rel : rel.split(sep).join('/'));
    },
  };
}
