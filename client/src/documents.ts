// Which documents the server sees: every SQL document, and any file the server's migration globs
// match (`migrations.paths` in lockstep.config.json, e.g. `etc/upgrade/**/*.mysql`) whatever its
// language. The language client offers every file; this middleware holds back the others.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import type { DocumentPattern, ProjectInfo } from './protocol';

/** Documents always sent, without asking the server. */
export const SQL_SELECTOR = [
  { scheme: 'file', language: 'sql' },
  { scheme: 'untitled', language: 'sql' },
];

/** ORM model files, always sent too: the server checks them against their git base. */
export const MODEL_SELECTOR = [
  { scheme: 'file', language: 'prisma' },
  { scheme: 'file', pattern: '**/*.prisma' },
  { scheme: 'file', pattern: '**/*.entity.ts' },
  { scheme: 'file', pattern: '**/{entity,entities}/**/*.ts' },
  { scheme: 'file', pattern: '**/{model,models}/**/*.go' },
  { scheme: 'file', pattern: '**/*_{model,models}.go' },
];

/** What the language client offers the middleware: SQL documents and every file. */
export const CLIENT_SELECTOR = [...SQL_SELECTOR, { scheme: 'file', pattern: '**/*' }];

/** SQL documents and ORM model files: sent to the server without asking it */
export function isSqlDocument(document: vscode.TextDocument): boolean {
  return vscode.languages.match([...SQL_SELECTOR, ...MODEL_SELECTOR], document) > 0;
}

export function matchesPatterns(document: vscode.TextDocument, patterns: readonly DocumentPattern[]): boolean {
  if (document.uri.scheme !== 'file' || patterns.length === 0) return false;
  const selector = patterns.map((p): vscode.DocumentFilter => ({ scheme: 'file', pattern: new vscode.RelativePattern(vscode.Uri.parse(p.baseUri), p.pattern) }));
  return vscode.languages.match(selector, document) > 0;
}

/** true when the server analyzes the document, given what it said about it */
export function isLockstepDocument(document: vscode.TextDocument, info: ProjectInfo | undefined): boolean {
  return isSqlDocument(document) || (info !== undefined && matchesPatterns(document, info.documentPatterns));
}

/** The server's answers per document (ProjectInfoSource). */
export interface ProjectInfoLookup {
  get(uri: vscode.Uri): Promise<ProjectInfo | undefined>;
  forget(uri: vscode.Uri): void;
}

/** How the gate opens or closes a document on the server outside the client's own events. */
export interface DocumentSender {
  open(document: vscode.TextDocument): Promise<void>;
  close(document: vscode.TextDocument): Promise<void>;
}

export class DocumentGate {
  /** non-SQL documents the server has open */
  private readonly forwarded = new Set<string>();
  /** per document, the notifications still to go out, in order */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly project: ProjectInfoLookup) {}

  /** the server has the document (its hovers, code actions and lenses are worth asking for) */
  has(document: vscode.TextDocument): boolean {
    return isSqlDocument(document) || this.forwarded.has(document.uri.toString());
  }

  /** the server restarted: it has nothing open; the client opens what it should again */
  reset(): void {
    this.forwarded.clear();
  }

  /** after the server's globs changed: open the documents that match now, close those that no longer do */
  async resync(send: DocumentSender): Promise<void> {
    const candidates = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file' && !isSqlDocument(d));
    await Promise.all(
      candidates.map((document) =>
        this.serial(document, async () => {
          const key = document.uri.toString();
          if (document.isClosed) return;
          const wanted = await this.wanted(document);
          if (wanted && !this.forwarded.has(key)) {
            this.forwarded.add(key);
            await send.open(document);
          } else if (!wanted && this.forwarded.delete(key)) {
            await send.close(document);
          }
        }),
      ),
    );
  }

  middleware(): Middleware {
    return {
      didOpen: (document, next) => {
        if (isSqlDocument(document)) return next(document);
        return this.serial(document, async () => {
          const key = document.uri.toString();
          if (this.forwarded.has(key) || !(await this.wanted(document))) return; // already opened by resync
          this.forwarded.add(key);
          await next(document);
        });
      },
      didChange: (event, next) => (isSqlDocument(event.document) ? next(event) : this.whenForwarded(event.document, () => next(event))),
      didSave: (document, next) => (isSqlDocument(document) ? next(document) : this.whenForwarded(document, () => next(document))),
      didClose: (document, next) => {
        this.project.forget(document.uri);
        if (isSqlDocument(document)) return next(document);
        return this.serial(document, async () => {
          if (this.forwarded.delete(document.uri.toString())) await next(document);
        });
      },
      provideHover: (document, position, token, next) => (this.has(document) ? next(document, position, token) : undefined),
      provideCodeActions: (document, range, context, token, next) => (this.has(document) ? next(document, range, context, token) : undefined),
      provideCodeLenses: (document, token, next) => (this.has(document) ? next(document, token) : undefined),
    };
  }

  private async wanted(document: vscode.TextDocument): Promise<boolean> {
    return matchesPatterns(document, (await this.project.get(document.uri))?.documentPatterns ?? []);
  }

  private whenForwarded(document: vscode.TextDocument, send: () => Promise<void>): Promise<void> {
    return this.serial(document, async () => {
      if (this.forwarded.has(document.uri.toString())) await send();
    });
  }

  /** runs `work` after the document's earlier notifications (an open waits for the server's answer) */
  private serial(document: vscode.TextDocument, work: () => Promise<void>): Promise<void> {
    const key = document.uri.toString();
    const run = (this.queues.get(key) ?? Promise.resolve()).then(work);
    const settled = run.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return run;
  }
}
