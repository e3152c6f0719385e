// Files at one git base, each read once: a model file's own text there and the texts of the files
// it is read with (its Go package, a TypeORM entity's base classes). A lint run shares one reader
// across its model files; the editor keeps one per base until a save.
import { join, relative, sep } from 'node:path';
import { git, realPath } from './git';
import { type BaseText, type GitBaseCache, resolveGitBase, textAtGitBase } from './git-base';

export class GitBaseReader {
  private readonly reads = new Map<string, BaseText>();
  private readonly listings = new Map<string, string[]>();

  constructor(
    readonly base: string,
    private readonly resolved: GitBaseCache = new Map(),
  ) {}

  /** `path` (absolute) at the base; undefined text when it is not in that commit */
  read(path: string): BaseText {
    let read = this.reads.get(path);
    if (!read) {
      read = textAtGitBase(path, this.base, this.resolved);
      this.reads.set(path, read);
    }
    return read;
  }

  /** the text at the base, or undefined when the file is not there (or git could not read it) */
  text(path: string): string | undefined {
    const read = this.read(path);
    return read.ok ? read.text : undefined;
  }

  /** the files directly in `dir` (absolute) at the base; none when the folder is not there */
  files(dir: string): string[] {
    let files = this.listings.get(dir);
    if (!files) {
      files = this.list(dir);
      this.listings.set(dir, files);
    }
    return files;
  }

  private list(dir: string): string[] {
    const key = `${dir}\u0000${this.base}`;
    const resolved = this.resolved.get(key) ?? resolveGitBase(dir, this.base);
    this.resolved.set(key, resolved);
    if (!resolved.ok) return [];
    const rel = relative(resolved.top, realPath(dir));
    if (rel.startsWith('..')) return [];
    const name = sep === '/' ? rel : rel.split(sep).join('/');
    let out: string;
    try {
      // `<dir>/` lists the folder's entries (one level); -z keeps unusual names intact
      out = git(resolved.top, ['ls-tree', '-z', resolved.commit, '--', name === '' ? '.' : `${name}/`]);
    } catch {
      // an unreadable listing reads as an empty folder: the model is then read without its companions
      return [];
    }
    const files: string[] = [];
    for (const entry of out.split('\u0000')) {
      // `<mode> <type> <object>\t<path>`
      const tab = entry.indexOf('\t');
      if (tab < 0 || entry.split(' ')[1] !== 'blob') continue;
      const path = entry.slice(tab + 1);
      files.push(join(dir, path.slice(path.lastIndexOf('/') + 1)));
    }
    return files;
  }
}
