// Finding migration files on disk and reading them safely (size limit, binary detection).
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface PathFilter {
  /** a directory-search result counts as a migration (config `migrations` globs); relPath uses forward slashes, relative to the root */
  included(relPath: string): boolean;
  /** excluded by the config's `exclude` globs (applies to explicitly named files too) */
  excluded(relPath: string): boolean;
}

export interface Discovery {
  /** absolute paths, sorted, unique */
  files: string[];
  /** paths given on the command line that do not exist */
  missing: string[];
  /** files passed over because the config excludes them */
  excludedCount: number;
  /** folders that could not be listed, with why */
  unreadable: { path: string; reason: string }[];
}

export function toSlashPath(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

export function relativePath(root: string, absPath: string): string {
  return toSlashPath(relative(root, absPath)) || '.';
}

export function isSqlFile(name: string): boolean {
  return name.toLowerCase().endsWith('.sql');
}

/** `paths` as given (relative to cwd); globs are matched relative to `root` */
export function discover(paths: readonly string[], cwd: string, root: string, filter: PathFilter): Discovery {
  const found = new Set<string>();
  const missing: string[] = [];
  const unreadable: Discovery['unreadable'] = [];
  let excludedCount = 0;

  const consider = (abs: string, explicit: boolean): void => {
    const rel = relativePath(root, abs);
    if (filter.excluded(rel)) {
      excludedCount++;
      return;
    }
    if (explicit || (isSqlFile(abs) && filter.included(rel))) found.add(abs);
  };

  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      unreadable.push({ path: dir, reason: `cannot list the folder (${errorCode(err)})` });
      return;
    }
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !filter.excluded(relativePath(root, abs))) walk(abs);
      } else if (entry.isFile()) {
        consider(abs, false);
      } else if (entry.isSymbolicLink()) {
        // follow links to files only: linked directories could loop
        if (statSafe(abs)?.isFile()) consider(abs, false);
      }
    }
  };

  for (const p of paths) {
    const abs = resolve(cwd, p);
    const st = statSafe(abs);
    if (!st) missing.push(p);
    else if (st.isDirectory()) walk(abs);
    else consider(abs, true);
  }
  return { files: [...found].sort(), missing, excludedCount, unreadable };
}

/** the migration files of one directory (not recursive), for replaying the schema before a file */
export function migrationSiblings(dir: string, root: string, filter: PathFilter): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && isSqlFile(e.name))
    .map((e) => join(dir, e.name))
    .filter((abs) => {
      const rel = relativePath(root, abs);
      return filter.included(rel) && !filter.excluded(rel);
    })
    .sort();
}

function statSafe(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** reads a migration as UTF-8 (BOM dropped, as editors do); refuses directories, huge and binary files */
export function readMigration(absPath: string): ReadResult {
  let size: number;
  try {
    const st = statSync(absPath);
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    size = st.size;
  } catch (err) {
    return { ok: false, reason: `cannot read it (${errorCode(err)})` };
  }
  if (size > MAX_FILE_BYTES) {
    return { ok: false, reason: `it is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit` };
  }
  let buffer: Buffer;
  try {
    buffer = readFileSync(absPath);
  } catch (err) {
    return { ok: false, reason: `cannot read it (${errorCode(err)})` };
  }
  if (buffer.includes(0)) return { ok: false, reason: 'it contains NUL bytes (a binary file, or UTF-16 text): save it as UTF-8' };
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

function errorCode(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.message : String(err);
}
