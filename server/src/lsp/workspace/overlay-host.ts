// The project model's host in the language server: open documents over the disk. An open document's
// text wins over the file (unsaved edits of an earlier migration change the schema of later ones).
// Disk reads are cached until a file event says the file changed.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FILE_BYTES, NodeHost } from '../../common/node-host';
import type { DirEntry, ProjectHost, ReadResult } from '../../engine';
import { uriToPath } from '../uri';

export class OverlayHost implements ProjectHost {
  // earlier migrations are read with the CLI's limit, so both replay the same files
  private readonly disk = new NodeHost(MAX_FILE_BYTES);
  private readonly open = new Map<string, TextDocument>();

  opened(doc: TextDocument): void {
    const path = uriToPath(doc.uri);
    if (path) this.open.set(path, doc);
  }

  closed(doc: TextDocument): void {
    const path = uriToPath(doc.uri);
    if (path && this.open.get(path)?.uri === doc.uri) this.open.delete(path);
  }

  /** a file changed on disk (undefined: any may have) */
  forget(path?: string): void {
    this.disk.forget(path);
  }

  /** the folder as on disk: a document open but not saved (or deleted meanwhile) is no member of any chain, as for `lockstep lint` */
  list(dir: string): DirEntry[] | string {
    return this.disk.list(dir);
  }

  read(path: string): ReadResult {
    const doc = this.open.get(path);
    if (doc) {
      const text = doc.getText();
      if (text.length > MAX_FILE_BYTES) return { ok: false, reason: `it is over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit` };
      if (text.includes('\u0000')) return { ok: false, reason: 'it contains NUL bytes' };
      return { ok: true, text };
    }
    return this.disk.read(path);
  }

  stat(path: string): 'file' | 'dir' | undefined {
    return this.open.has(path) ? 'file' : this.disk.stat(path);
  }
}
