// A minimal LSP client over the bundled server's stdio, for the protocol tests and the benchmark.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeLensRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type CancellationToken,
  type CodeAction,
  type CodeLens,
  type InitializeResult,
  type Diagnostic,
  type Hover,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import type { DryRunReport } from '../../server/src/dryrun/types';
import { DevDatabaseNotification, DryRunRequest, type DevDatabaseParams, type DryRunParams } from '../../server/src/lsp/protocol';

export const ROOT = join(__dirname, '..', '..');
/** the bundled server; LOCKSTEP_SERVER_BUNDLE points elsewhere (e.g. an unminified build for profiling) */
export const SERVER = process.env.LOCKSTEP_SERVER_BUNDLE ?? join(ROOT, 'dist', 'server.js');

/**
 * Builds the bundles (scripts/build.mjs) unless dist/server.js is newer than every server source.
 * A lock directory keeps test files running in parallel from building at the same time.
 */
export async function ensureBundle(): Promise<void> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const lock = join(ROOT, 'dist', '.lsp-test-build.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (existsSync(SERVER) && statSync(SERVER).mtimeMs > newestSource(join(ROOT, 'server', 'src'))) return;
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
    if (!existsSync(SERVER) || statSync(SERVER).size === 0) throw new Error('dist/server.js was not built');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export interface StartOptions {
  /** workspace folder (absolute path) */
  root?: string;
  /** answers to workspace/configuration for the `lockstep` section */
  settings?: Record<string, unknown>;
  /** `clientInfo.name` (default `lockstep-protocol-test`); e.g. `Visual Studio Code` to be taken for the VS Code extension */
  clientName?: string;
}

type Waiter = { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class LspClient {
  readonly messages: string[] = [];
  /** what the server answered to `initialize` */
  initializeResult?: InitializeResult;
  /** what the client answers for the `lockstep` section */
  settings: Record<string, unknown> = {};
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();

  private constructor(readonly process: ChildProcess, readonly connection: ProtocolConnection) {}

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const nodeArgs = process.env.LOCKSTEP_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: options.root ?? ROOT });
    child.stderr?.resume();
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    client.settings = options.settings ?? {};
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => client.received(p));
    connection.onNotification(ShowMessageNotification.type, (p) => client.messages.push(p.message));
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'lockstep' ? client.settings : null)));
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.listen();
    const rootUri = options.root ? pathToFileURL(options.root).toString() : null;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
      },
      clientInfo: { name: options.clientName ?? 'lockstep-protocol-test' },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private received(p: PublishDiagnosticsParams): void {
    this.latest.set(p.uri, p);
    const ready = this.waiters.filter((w) => w.uri === p.uri && w.test(p));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(p);
  }

  /** the next diagnostics for `uri` that satisfy `test` (or the latest ones, when they already do) */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15000): Promise<PublishDiagnosticsParams> {
    const latest = this.latest.get(uri);
    if (latest && test(latest)) return Promise.resolve(latest);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; latest: ${JSON.stringify(this.latest.get(uri)?.diagnostics.map((d) => d.code))}`)), timeoutMs);
      this.waiters.push({ uri, test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** diagnostics published for `version` of the document */
  diagnosticsFor(uri: string, version: number, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version, timeoutMs);
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sql', version: 1, text } });
  }

  /** sends the changes; returns the new version */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** new `lockstep` settings, announced with workspace/didChangeConfiguration */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { lockstep: settings } });
  }

  async filesChanged(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const actions = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } });
    return (actions ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
  }

  async codeLenses(uri: string): Promise<CodeLens[]> {
    return (await this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
  }

  /** `lockstep/dryRun`; rejects with the server's ResponseError */
  dryRun(params: DryRunParams, token?: CancellationToken): Promise<DryRunReport> {
    return this.connection.sendRequest(DryRunRequest, params, token);
  }

  /** `lockstep/devDatabase`: the dev database the client is connected to (null: none) */
  async devDatabase(params: DevDatabaseParams): Promise<void> {
    await this.connection.sendNotification(DevDatabaseNotification, params);
  }

  /** the first window/showMessage text from index `from` on that satisfies `test` */
  async message(test: (message: string) => boolean, from = 0, timeoutMs = 15000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.messages.slice(from).find(test);
      if (hit !== undefined) return hit;
      if (Date.now() > deadline) throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages.slice(from))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    if (this.alive()) await Promise.race([new Promise((r) => this.process.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
    this.connection.dispose();
    if (this.alive()) this.process.kill();
  }
}

/** applies LSP edits to text (non-overlapping, any order) */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const offset = (p: Position): number => {
    let line = 0;
    let i = 0;
    while (line < p.line) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return text.length;
      i = nl + 1;
      line++;
    }
    return Math.min(i + p.character, text.length);
  };
  const spans = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText }));
  spans.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}
