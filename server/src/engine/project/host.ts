// The project model's only window on files: list, read, stat. The CLI gives it the disk, the
// language server open documents over the disk, tests a Map. Paths are absolute, with forward
// slashes; the host converts from the platform's form.

export interface DirEntry {
  name: string;
  /** links are resolved: a link to a file is a file; a dangling link or a FIFO is `other` */
  kind: 'file' | 'dir' | 'other';
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

export interface ProjectHost {
  /** the entries of a folder; a string says why it could not be listed */
  list(dir: string): DirEntry[] | string;
  /** a migration's text (UTF-8, BOM dropped), or why it cannot be analyzed (missing, binary, too big) */
  read(path: string): ReadResult;
  stat(path: string): 'file' | 'dir' | undefined;
}

/** A host over an in-memory map of absolute path → text (tests, the server's unsaved documents). */
export function memoryHost(files: Readonly<Record<string, string>> | ReadonlyMap<string, string>): ProjectHost {
  const map = files instanceof Map ? new Map(files) : new Map(Object.entries(files));
  const dirs = new Map<string, Map<string, DirEntry['kind']>>();
  const addDir = (dir: string): Map<string, DirEntry['kind']> => {
    let entries = dirs.get(dir);
    if (!entries) {
      entries = new Map();
      dirs.set(dir, entries);
    }
    return entries;
  };
  for (const path of map.keys()) {
    let child = path;
    let kind: DirEntry['kind'] = 'file';
    while (child !== '/' && child.includes('/')) {
      const slash = child.lastIndexOf('/');
      const parent = slash === 0 ? '/' : child.slice(0, slash);
      addDir(parent).set(child.slice(slash + 1), kind);
      kind = 'dir';
      child = parent;
    }
  }
  return {
    list: (dir) => {
      const entries = dirs.get(dir);
      return entries ? [...entries].map(([name, kind]) => ({ name, kind })) : `cannot list the folder (ENOENT)`;
    },
    read: (path) => {
      const text = map.get(path);
      return text === undefined ? { ok: false, reason: 'cannot read it (ENOENT)' } : { ok: true, text };
    },
    stat: (path) => (map.has(path) ? 'file' : dirs.has(path) ? 'dir' : undefined),
  };
}
