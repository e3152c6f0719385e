// The model files under the linted paths: the config's `orm.models` globs (relative to the config
// folder) or, when it names none, every file whose name says which ORM it belongs to.
import { matchesAny } from '../config/glob';
import type { ProjectHost } from '../project/host';
import { modelKindByExtension, modelKindOf } from './model-kind';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'vendor']);

/**
 * Whether `path` (absolute, forward slashes) is a model file: named by the `orm.models` globs
 * (relative to `root`, the config folder) when there are any, else by its name's ORM convention.
 * The CLI and the language server both decide with this.
 */
export function isModelFile(path: string, root: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return modelKindOf(path) !== undefined;
  const relative = path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
  return modelKindByExtension(path) !== undefined && matchesAny(relative, globs);
}

/** absolute paths (forward slashes) of the model files at or under `paths` */
export function discoverModelFiles(host: ProjectHost, paths: readonly string[], root: string, globs: readonly string[]): string[] {
  const found = new Set<string>();
  const wanted = (p: string) => isModelFile(p, root, globs);
  const walk = (dir: string, depth: number): void => {
    if (depth > 32) return;
    const entries = host.list(dir);
    if (typeof entries === 'string') return;
    for (const e of entries) {
      const path = `${dir === '/' ? '' : dir}/${e.name}`;
      if (e.kind === 'dir' && !SKIPPED_DIRS.has(e.name)) walk(path, depth + 1);
      else if (e.kind === 'file' && wanted(path)) found.add(path);
    }
  };
  for (const p of paths) {
    const kind = host.stat(p);
    if (kind === 'file' && wanted(p)) found.add(p);
    else if (kind === 'dir') walk(p, 0);
  }
  return [...found].sort();
}
