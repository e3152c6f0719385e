// "Lockstep: Dry-run" (the code lens: [uri, statementIndex]; the palette: the DDL statement under
// the cursor, or the whole file when the cursor is on none), "Lockstep: Dry-run File" and
// "Lockstep: Dry-run with Metadata-Lock Preview" (the opt-in MDL impact preview). Connects
// first when needed, sends `lockstep/dryRun` with a cancellable progress notification, then shows
// the report — or the error — in the dry-run panel.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { ErrorCodes, LSPErrorCodes, ResponseError, Trace, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { DryRunRequest, type DryRunParams, type DryRunReport } from '../protocol';
import { workspaceTrusted, type DatabaseConnection } from './connection';
import { renderDryRunError, renderDryRunHtml } from './html';
import type { DryRunPanel } from './panel';

export interface DryRunDeps {
  client: LanguageClient;
  connection: DatabaseConnection;
  panel: DryRunPanel;
}

export type DryRunOutcome = { report: DryRunReport } | { error: string } | undefined;

export interface DryRunMode {
  /** every DDL statement of the file, wherever the cursor is */
  wholeFile?: boolean;
  /** also run the MDL impact preview on the scratch copy */
  mdlPreview?: boolean;
}

export async function dryRunCommand(deps: DryRunDeps, uriArg: unknown, indexArg: unknown, mode: DryRunMode = {}): Promise<DryRunOutcome> {
  if (!workspaceTrusted()) return undefined;
  const document = await targetDocument(uriArg);
  if (!document) {
    void vscode.window.showInformationMessage('Lockstep: open a migration to dry-run it.');
    return undefined;
  }
  if (!deps.connection.current() && !(await deps.connection.connect())) return undefined;
  const connection = await deps.connection.wire();
  if (!connection) return undefined;
  const editor = vscode.window.activeTextEditor;
  const params: DryRunParams = {
    textDocument: { uri: deps.client.code2ProtocolConverter.asUri(document.uri) },
    connection,
    ...(mode.mdlPreview ? { mdlPreview: true } : {}),
  };
  if (typeof indexArg === 'number' && Number.isInteger(indexArg)) params.statementIndex = indexArg;
  else if (!mode.wholeFile && editor?.document === document) params.position = deps.client.code2ProtocolConverter.asPosition(editor.selection.active);

  const options = { file: vscode.workspace.asRelativePath(document.uri), connection: deps.connection.label() };
  const outcome = await send(deps.client, params, connection.password !== undefined);
  if (outcome === undefined) return undefined; // cancelled
  if ('report' in outcome) deps.panel.show((cspSource) => renderDryRunHtml(outcome.report, { ...options, cspSource }));
  else deps.panel.show((cspSource) => renderDryRunError(outcome.error, { ...options, cspSource }));
  return outcome;
}

async function targetDocument(uriArg: unknown): Promise<vscode.TextDocument | undefined> {
  if (typeof uriArg === 'string' || uriArg instanceof vscode.Uri) {
    const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg;
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? vscode.workspace.openTextDocument(uri);
  }
  return vscode.window.activeTextEditor?.document;
}

async function send(client: LanguageClient, params: DryRunParams, hasPassword: boolean): Promise<DryRunOutcome> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Lockstep dry-run', cancellable: true }, async (progress, token) => {
    const workDoneToken = `lockstep-dry-run-${randomUUID()}`;
    const subscription = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind !== 'end' && value.message) progress.report({ message: value.message });
    });
    try {
      const report = await withoutTrace(client, hasPassword, () => client.sendRequest(DryRunRequest, { ...params, workDoneToken }, token));
      return { report };
    } catch (error) {
      if (token.isCancellationRequested || (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled)) return undefined;
      if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) return { error: 'This Lockstep language server cannot dry-run (restart it after updating the extension).' };
      return { error: error instanceof Error ? error.message : String(error) };
    } finally {
      subscription.dispose();
    }
  });
}

/** a verbose protocol trace would print the request's params, password included: pause it meanwhile */
async function withoutTrace<T>(client: LanguageClient, hasPassword: boolean, work: () => Promise<T>): Promise<T> {
  const setting = vscode.workspace.getConfiguration('lockstep').get<string>('trace.server', 'off');
  if (!hasPassword || setting === 'off') return work();
  await client.setTrace(Trace.Off);
  try {
    return await work();
  } finally {
    await client.setTrace(Trace.fromString(setting));
  }
}
