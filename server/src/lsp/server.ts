// The language server: wires the handlers (one file per feature) to a connection.
// startServer() picks the transport from the command line (--stdio, --node-ipc, --socket=N).
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientFlags, ServerContext } from './context';
import type { ClientSettings } from './protocol';
import { registerCodeActions } from './handlers/code-actions';
import { registerCodeLens } from './handlers/code-lens';
import { registerCommands, SERVER_COMMANDS } from './handlers/commands';
import { registerConfiguration, SettingsStore } from './handlers/configuration';
import { registerDevDatabase } from './handlers/dev-database';
import { AnalysisStore } from './handlers/diagnostics';
import { registerDryRun } from './handlers/dry-run';
import { withModelCodeActions } from './handlers/model-actions';
import { keepModelsOffSqlPath, ModelDiagnostics } from './handlers/model-diagnostics';
import { registerExplain } from './handlers/explain';
import { registerNavigation } from './handlers/navigation';
import { planEditSupport } from './handlers/plan-capabilities';
import { registerPlanRequest } from './handlers/plan-request';
import { notifyProjectChanged, registerProjectInfo } from './handlers/project-info';
import { registerSchemaBefore } from './handlers/schema-before';
import { registerWorkspace } from './handlers/workspace';
import { FramingGuard } from './framing';
import { uriToPath } from './uri';
import { OverlayHost } from './workspace/overlay-host';

export function startServer(): Connection {
  if (process.argv.includes('--stdio')) guardStdinFraming();
  const connection = createConnection(ProposedFeatures.all);
  serve(connection);
  connection.listen();
  return connection;
}

/**
 * Bad framing on stdin (no, a non-numeric or a huge Content-Length) would leave vscode-jsonrpc's
 * reader waiting forever: say so on stderr (stdout is the protocol) and exit for the client to
 * restart the server. The check sees each chunk before the reader does.
 */
function guardStdinFraming(): void {
  const guard = new FramingGuard();
  process.stdin.prependListener('data', (chunk: Buffer | string) => {
    const problem = guard.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    if (problem === undefined) return;
    process.stderr.write(`lockstep: bad LSP message framing on stdin, exiting: ${problem}\n`);
    process.exit(2);
  });
}

export function serve(connection: Connection): ServerContext {
  const documents = new TextDocuments(TextDocument);
  const ctx: ServerContext = {
    connection,
    documents,
    flags: { configuration: false, watchedFilesRegistration: false, showDocument: false, vscodeExtension: false },
    roots: [],
    settings: new SettingsStore(() => ctx),
    host: new OverlayHost(),
    analyses: new AnalysisStore(() => ctx),
  };

  // ORM model files (schema.prisma) are diffed against their git base, never analyzed as SQL
  const models = new ModelDiagnostics(() => ctx);
  keepModelsOffSqlPath(ctx.analyses, models);
  let folderEvents = false;
  connection.onInitialize((params): InitializeResult => {
    ctx.flags = clientFlags(params);
    ctx.roots = workspaceRoots(params);
    folderEvents = params.capabilities.workspace?.workspaceFolders === true;
    ctx.settings.clear(initializationSettings(params.initializationOptions));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        completionProvider: {},
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        // the dry-run lens runs a client command only the VS Code extension implements
        ...(ctx.flags.vscodeExtension ? { codeLensProvider: { resolveProvider: false } } : {}),
        executeCommandProvider: { commands: SERVER_COMMANDS },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'lockstep' },
    };
  });
  const workspaceInitialized = registerWorkspace(ctx);
  connection.onInitialized(() => {
    workspaceInitialized();
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
        const added = event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
        ctx.roots = sortRoots([...ctx.roots.filter((r) => !removed.has(r)), ...added]);
        ctx.settings.clear();
        notifyProjectChanged(ctx);
        ctx.analyses.reanalyzeAll();
      });
    }
  });

  // an open document's text is what later migrations replay: each change marks it in the project models
  const touched = (uri: string): void => {
    const path = uriToPath(uri);
    if (path) for (const project of ctx.settings.allProjects()) project.touch(path);
  };
  documents.onDidOpen((e) => ctx.host.opened(e.document));
  documents.onDidChangeContent((e) => {
    if (models.owns(e.document.uri)) return models.schedule(e.document.uri);
    touched(e.document.uri);
    ctx.analyses.schedule(e.document.uri);
  });
  documents.onDidSave((e) => models.saved(e.document.uri));
  documents.onDidClose((e) => {
    // first: a closed model document's unsaved text (an entity's base class) stops being its file's content
    ctx.host.closed(e.document);
    if (models.owns(e.document.uri)) return models.forget(e.document.uri);
    touched(e.document.uri);
    ctx.analyses.forget(e.document.uri);
  });

  registerConfiguration(ctx);
  // navigation answers hovers too: on a table or column name its definition, else hover.ts's prediction
  registerNavigation(ctx);
  registerCodeActions(withModelCodeActions(ctx, models));
  registerCodeLens(ctx);
  registerCommands(ctx, models);
  registerExplain(ctx);
  registerProjectInfo(ctx);
  registerSchemaBefore(ctx);
  registerPlanRequest(ctx, models);
  registerDryRun(ctx);
  registerDevDatabase(ctx);
  documents.listen(connection);
  return ctx;
}

/** settings sent as initialization options: `{ lockstep: {…} }` or the section itself */
function initializationSettings(options: unknown): ClientSettings | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const nested = (options as { lockstep?: unknown }).lockstep;
  return (typeof nested === 'object' && nested !== null ? nested : options) as ClientSettings;
}

function clientFlags(params: InitializeParams): ClientFlags {
  const caps = params.capabilities;
  const name = params.clientInfo?.name ?? '';
  return {
    configuration: caps.workspace?.configuration === true,
    watchedFilesRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    showDocument: caps.window?.showDocument?.support === true,
    vscodeExtension: /visual studio code|vscode|code-oss|code-server|vscodium/i.test(name),
    planEdits: planEditSupport(caps),
  };
}

function workspaceRoots(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return sortRoots(uris.map(uriToPath).filter((p): p is string => p !== undefined));
}

function sortRoots(roots: string[]): string[] {
  return [...new Set(roots)].sort((a, b) => b.length - a.length);
}
