// The project model's host on the local disk: what the CLI uses, and what the language server
// overlays with its open documents. Reads are cached until `forget` (file events) so a replay asks
// the disk once per file. Migrations are refused with a reason when they are not regular files,
// over the size limit, or binary (NUL bytes); a FIFO or device is never opened (reading it could block).
import { lstatSync, readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { DirEntry, ProjectHost, ReadResult } from '../engine';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export class NodeHost implements ProjectHost {
  private readonly reads = new Map<string, ReadResult>();

  constructor(private readonly maxBytes = MAX_FILE_BYTES) {}

  list(dir: string): DirEntry[] | string {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      return `cannot list the folder (${errorCode(err)})`;
    }
    return entries.map((e) => ({ name: e.name, kind: kindOf(e, join(dir, e.name)) }));
  }

  stat(path: string): 'file' | 'dir' | undefined {
    try {
      const st = statSync(path);
      return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : undefined;
    } catch {
      return undefined;
    }
  }

  read(path: string): ReadResult {
    let result = this.reads.get(path);
    if (!result) {
      result = readText(path, this.maxBytes);
      this.reads.set(path, result);
    }
    return result;
  }

  /** drop cached reads (one file, or all) */
  forget(path?: string): void {
    if (path === undefined) this.reads.clear();
    else this.reads.delete(path);
  }
}

/** links to files count as files; links to folders are not followed (they could loop); FIFOs and dangling links are `other` */
function kindOf(e: Dirent, path: string): DirEntry['kind'] {
  if (e.isDirectory()) return 'dir';
  if (e.isFile()) return 'file';
  if (e.isSymbolicLink()) {
    try {
      return statSync(path).isFile() ? 'file' : 'other';
    } catch {
      return 'other';
    }
  }
  return 'other';
}

/** reads a migration as UTF-8 (BOM dropped, as editors do); refuses directories, huge and binary files */
export function readText(path: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, reason: notAFile(st) };
    size = st.size;
  } catch (err) {
    return { ok: false, reason: unreachable(path, err) };
  }
  if (size > maxBytes) return { ok: false, reason: `it is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${maxBytes / 1024 / 1024} MB limit` };
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (err) {
    return { ok: false, reason: `cannot read it (${errorCode(err)})` };
  }
  if (buffer.includes(0)) return { ok: false, reason: 'it contains NUL bytes (a binary file, or UTF-16 text): save it as UTF-8' };
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/** why a path that exists is not read: what it is instead (FIFOs and devices are not opened) */
function notAFile(st: Stats): string {
  if (st.isDirectory()) return 'not a regular file (a folder)';
  if (st.isFIFO()) return 'not a regular file (a named pipe): not opened, reading it could wait forever';
  if (st.isSocket()) return 'not a regular file (a socket)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'not a regular file (a device)';
  return 'not a regular file';
}

/** why `stat` failed: a symbolic link that leads nowhere or loops is named as such */
function unreachable(path: string, err: unknown): string {
  const code = errorCode(err);
  if (code === 'ELOOP') return 'a symbolic link that loops (ELOOP)';
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    try {
      if (lstatSync(path).isSymbolicLink()) return `a symbolic link to a file that does not exist (${code})`;
    } catch {
      // the path itself is gone: the generic reason below
    }
  }
  return `cannot read it (${code})`;
}

function errorCode(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.message : String(err);
}
