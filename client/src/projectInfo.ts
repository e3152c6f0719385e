// What the server uses for a document (target, config file, migration globs), asked with
// `lockstep/projectInfo` and cached per URI until the server says the project changed or restarts.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { ProjectChangedNotification, ProjectInfoRequest, type ProjectInfo } from './protocol';

export class ProjectInfoSource implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<ProjectInfo | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  private client: LanguageClient | undefined;
  /** fires when earlier answers may be out of date: the server (re)started, stopped, or its settings changed */
  readonly onDidChange = this.changed.event;

  /** the client is created with middleware that already needs this source, hence no constructor argument */
  attach(client: LanguageClient): void {
    this.client = client;
    this.subscriptions.push(
      client.onNotification(ProjectChangedNotification, () => this.invalidate()),
      client.onDidChangeState(() => this.invalidate()),
    );
  }

  /**
   * The server's answer for a document (or a workspace folder; undefined: the first folder);
   * undefined while the server is not running or when it fails to answer.
   */
  get(uri: vscode.Uri | undefined): Promise<ProjectInfo | undefined> {
    // Starting too: documents opened while the client starts wait for the answer (sendRequest waits for initialize)
    const client = this.client;
    if (!client || client.state === State.Stopped) return Promise.resolve(undefined);
    const key = uri?.toString() ?? '';
    const cached = this.cache.get(key);
    if (cached) return cached;
    const info: Promise<ProjectInfo | undefined> = client.sendRequest(ProjectInfoRequest, uri ? { uri: uri.toString() } : {}).then(
      (answer) => answer,
      () => {
        if (this.cache.get(key) === info) this.cache.delete(key); // ask again next time
        return undefined;
      },
    );
    this.cache.set(key, info);
    return info;
  }

  /** forget a closed document's answer */
  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }

  private invalidate(): void {
    this.cache.clear();
    this.changed.fire();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The active editor's file (or untitled document), else the first workspace folder (undefined: none is open). */
export function currentScope(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return active && (active.scheme === 'file' || active.scheme === 'untitled') ? active : vscode.workspace.workspaceFolders?.[0]?.uri;
}
