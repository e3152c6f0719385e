// A file's text at a git base (`git show <base>:<path>`), the base given as a revision (`HEAD`,
// `origin/main`) or as `merge-base:<rev>` (the merge base of HEAD with that revision).
// Synchronous `git` processes, at the edge; nothing here is on the engine's path.
import { git, gitErrorLine, realPath } from './git';
import { dirname, relative, sep } from 'node:path';

export type BaseText =
  | { ok: true; text: string }
  /** the file does not exist at the base: it is new */
  | { ok: true; text: undefined }
  | { ok: false; reason: string };

const MERGE_BASE = /^merge-base:(.+)$/;

/** the commit a base names, resolved once (`merge-base:origin/main` → the merge-base commit) */
export function resolveGitBase(cwd: string, base: string): { ok: true; commit: string; top: string } | { ok: false; reason: string } {
  const mergeWith = MERGE_BASE.exec(base)?.[1];
  const rev = mergeWith ?? base;
  if (rev.startsWith('-') || rev.trim() === '') return { ok: false, reason: `"${base}" is not a git revision` };
  let top: string;
  try {
    top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch (err) {
    return { ok: false, reason: `${cwd} is not in a git work tree (${gitErrorLine(err)})` };
  }
  try {
    const commit = mergeWith ? git(cwd, ['merge-base', 'HEAD', rev]).trim() : git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).trim();
    if (!/^[0-9a-f]{7,64}$/.test(commit)) return { ok: false, reason: `the git base "${base}" is not a commit of this repository` };
    return { ok: true, commit, top };
  } catch (err) {
    return { ok: false, reason: `the git base "${base}" is not a commit of this repository (${gitErrorLine(err) || 'unknown revision'})` };
  }
}

/**
 * The base resolved per folder, for one run over many files (a lint): the base is resolved once,
 * not once per file. The editor asks without one, so a new commit is seen on the next read.
 */
export type GitBaseCache = Map<string, ReturnType<typeof resolveGitBase>>;

/** the text of `path` (absolute) at `base`; undefined text when the file is not in that commit */
export function textAtGitBase(path: string, base: string, cache?: GitBaseCache): BaseText {
  const dir = dirname(path);
  const key = `${dir}\u0000${base}`;
  const resolved = cache?.get(key) ?? resolveGitBase(dir, base);
  cache?.set(key, resolved);
  if (!resolved.ok) return resolved;
  const rel = relative(resolved.top, realPath(path));
  if (rel.startsWith('..')) return { ok: false, reason: `${path} is outside the git work tree` };
  const name = sep === '/' ? rel : rel.split(sep).join('/');
  try {
    return { ok: true, text: git(resolved.top, ['show', `${resolved.commit}:${name}`]) };
  } catch (err) {
    // git says so when the path is not in that commit: the file is new since the base
    if (/does not exist in|exists on disk, but not in/.test(gitErrorLine(err))) return { ok: true, text: undefined };
    return { ok: false, reason: `git could not read ${name} at ${base} (${gitErrorLine(err)})` };
  }
}
