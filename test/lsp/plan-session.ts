// A language-server session over the bundled server's stdio with the client capabilities a test
// chooses (which workspace edits it applies, showDocument), for the migration plan tests, and the
// application of a workspace edit to disk as an editor makes it.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowDocumentParams,
  type CreateFile,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { PlanRequest, type PlanParams, type PlanResult } from '../../server/src/lsp/protocol';
import { applyTextEdits, fileUri, SERVER } from './client';

/** what VS Code 1.100 says about workspace edits */
export const VSCODE_WORKSPACE_EDIT: ClientCapabilities['workspace'] = {
  workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'textOnlyTransactional', changeAnnotationSupport: { groupsOnLabel: true } },
};

export interface SessionOptions {
  root: string;
  workspace?: ClientCapabilities['workspace'];
  showDocument?: boolean;
  clientName?: string;
}

export class PlanSession {
  readonly shown: ShowDocumentParams[] = [];
  readonly messages: string[] = [];
  readonly logs: string[] = [];
  private readonly latest = new Map<string, PublishDiagnosticsParams>();

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: SessionOptions): Promise<PlanSession> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: options.root });
    child.stderr?.resume();
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new PlanSession(child, connection);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => session.latest.set(p.uri, p));
    connection.onNotification(ShowMessageNotification.type, (p) => session.messages.push(p.message));
    connection.onNotification(LogMessageNotification.type, (p) => session.logs.push(p.message));
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => null));
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.onRequest(ShowDocumentRequest.type, (p) => {
      session.shown.push(p);
      return { success: true };
    });
    connection.listen();
    const rootUri = fileUri(options.root);
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      capabilities: {
        workspace: { configuration: true, ...options.workspace },
        window: options.showDocument ? { showDocument: { support: true } } : {},
        textDocument: { publishDiagnostics: { dataSupport: true, codeDescriptionSupport: true } },
      },
      clientInfo: { name: options.clientName ?? 'lockstep-plan-test' },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  async open(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sql', version: 1, text } });
  }

  /** the document's whole new text, as version `version` */
  async change(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** files created on disk, as the client's file watcher reports them */
  async created(uris: string[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: uris.map((uri) => ({ uri, type: FileChangeType.Created })) });
  }

  /** the first diagnostics for `uri` that satisfy `test` */
  async diagnostics(uri: string, test: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 15_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const latest = this.latest.get(uri);
      if (latest && test(latest.diagnostics)) return latest.diagnostics;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}; latest: ${JSON.stringify(latest?.diagnostics.map((d) => d.code))}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const result = (await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })) ?? [];
    return result.filter((a: CodeAction | Command): a is CodeAction => 'kind' in a || 'edit' in a || typeof a.command !== 'string');
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  plan(params: PlanParams): Promise<PlanResult> {
    return this.connection.sendRequest(PlanRequest, params);
  }

  alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    if (this.alive()) await Promise.race([new Promise((r) => this.child.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
    this.connection.dispose();
    if (this.alive()) this.child.kill();
  }
}

export const isCreate = (c: object): c is CreateFile => 'kind' in c && (c as CreateFile).kind === 'create';
export const isTextEdit = (c: object): c is TextDocumentEdit => 'textDocument' in c;

/** applies a workspace edit the way an editor does: creates the files, then applies each text edit to them; returns the files created */
export function applyToDisk(edit: WorkspaceEdit): string[] {
  const created: string[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (isCreate(change)) {
      const path = fileURLToPath(change.uri);
      assert.ok(!existsSync(path), `${path} does not exist yet`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, '');
      created.push(path);
    } else if (isTextEdit(change)) {
      const path = fileURLToPath(change.textDocument.uri);
      writeFileSync(path, applyTextEdits(readFileSync(path, 'utf8'), change.edits));
    }
  }
  return created;
}
