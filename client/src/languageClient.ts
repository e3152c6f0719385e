// Creates the language client: starts the bundled server (dist/server.js) over IPC for SQL files.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';

export const CLIENT_ID = 'lockstep'; // also the prefix of the `lockstep.trace.server` setting

export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, restarts: RestartPolicy): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'sql' },
      { scheme: 'untitled', language: 'sql' },
    ],
    // settings changes are pushed as { lockstep: … }; the server registers its own file watchers
    synchronize: { configurationSection: 'lockstep' },
    outputChannel: log,
    traceOutputChannel: log,
    errorHandler: crashHandler(log, restarts),
  };
  return new LanguageClient(CLIENT_ID, 'Lockstep', serverOptions, clientOptions);
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
