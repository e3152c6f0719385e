// What every handler gets: the connection, the open documents and the server's stores.
// Created once per server in server.ts; no module-level mutable state anywhere in the LSP layer.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisStore } from './handlers/diagnostics';
import type { SettingsStore } from './handlers/configuration';
import type { PlanEditSupport } from './handlers/plan-capabilities';
import type { OverlayHost } from './workspace/overlay-host';

export interface ClientFlags {
  /** supports workspace/configuration */
  configuration: boolean;
  /** supports dynamic registration of workspace/didChangeWatchedFiles */
  watchedFilesRegistration: boolean;
  /** supports window/showDocument */
  showDocument: boolean;
  /** the VS Code extension is the client (it implements the lockstep.* client commands) */
  vscodeExtension: boolean;
  /** what the client can do with a migration plan's workspace edit (set by initialize) */
  planEdits?: PlanEditSupport;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  flags: ClientFlags;
  /** workspace folder paths, longest first */
  roots: string[];
  settings: SettingsStore;
  /** open documents over the disk: what the project models read */
  host: OverlayHost;
  analyses: AnalysisStore;
}
