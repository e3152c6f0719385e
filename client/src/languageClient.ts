// Creates the language client: starts the bundled server (dist/server.js) over IPC for SQL files and
// the files the server's migration globs match (DocumentGate), and the source of the server's project info.
import * as vscode from 'vscode';
import {
  CloseAction,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CLIENT_SELECTOR, DocumentGate, type DocumentSender } from './documents';
import { ProjectInfoSource } from './projectInfo';
import { RestartPolicy } from './restartPolicy';

export const CLIENT_ID = 'lockstep'; // also the prefix of the `lockstep.trace.server` setting

export interface LockstepClient {
  client: LanguageClient;
  /** the server's target and migration globs per document */
  project: ProjectInfoSource;
  /** disposes the wiring between the two (not the client: stop it) */
  disposables: vscode.Disposable[];
}

export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, restarts: RestartPolicy): LockstepClient {
  const project = new ProjectInfoSource();
  const gate = new DocumentGate(project);
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // every file is offered; the gate holds back those that are neither SQL nor matched by the server's globs
    documentSelector: CLIENT_SELECTOR,
    middleware: gate.middleware(),
    // settings changes are pushed as { lockstep: … }; the server registers its own file watchers
    synchronize: { configurationSection: 'lockstep' },
    outputChannel: log,
    traceOutputChannel: log,
    errorHandler: crashHandler(log, restarts),
  };
  const client = new LanguageClient(CLIENT_ID, 'Lockstep', serverOptions, clientOptions);
  project.attach(client);
  const sender: DocumentSender = {
    open: (document) => client.sendNotification(DidOpenTextDocumentNotification.type, client.code2ProtocolConverter.asOpenTextDocumentParams(document)),
    close: (document) => client.sendNotification(DidCloseTextDocumentNotification.type, client.code2ProtocolConverter.asCloseTextDocumentParams(document)),
  };
  const disposables = [
    project,
    client.onDidChangeState((e) => {
      if (e.newState !== State.Running) gate.reset(); // a new server has nothing open; the client opens the documents again
    }),
    project.onDidChange(() => {
      if (client.state === State.Running) void gate.resync(sender).catch((error: unknown) => log.error(`re-syncing documents failed: ${String(error)}`));
    }),
  ];
  return { client, project, disposables };
}

function crashHandler(log: vscode.LogOutputChannel, restarts: RestartPolicy): ErrorHandler {
  return {
    error(error): ErrorHandlerResult {
      log.error(`connection to the language server failed: ${error.message}`);
      return { action: ErrorAction.Continue, handled: true };
    },
    closed(): CloseHandlerResult {
      if (restarts.recordCrash()) {
        log.warn('the language server stopped unexpectedly; restarting it');
        return { action: CloseAction.Restart, handled: true };
      }
      const message = 'The Lockstep language server crashed 5 times in 3 minutes and will not be restarted. Run "Lockstep: Restart Language Server" after fixing the cause (see the Lockstep output).';
      log.error(message);
      return { action: CloseAction.DoNotRestart, message };
    },
  };
}
