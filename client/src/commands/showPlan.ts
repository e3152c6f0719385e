// "Lockstep: Show Migration Plan": asks the server (`lockstep/plan`) for the expand/contract plan of
// the statement at the cursor and shows it as a read-only Markdown document on the `lockstep-plan:`
// scheme. Nothing is written: the rewrite code action is what creates the files.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PlanRequest, type PlanResult } from '../protocol';

export const PLAN_SCHEME = 'lockstep-plan';

export type ShowPlanOutcome = { uri: string; rule: string; files: string[] } | { error: string } | undefined;

/** the documents of the scheme: the last plan shown per migration and statement */
export class PlanDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly texts = new Map<string, string>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  /** `lockstep-plan:/Plan for V2__rename.sql line 3 (rename-column).md` */
  static uriFor(migration: vscode.Uri, line: number, rule: string): vscode.Uri {
    const name = migration.path.slice(migration.path.lastIndexOf('/') + 1);
    return vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/Plan for ${name} line ${line + 1} (${rule}).md` });
  }

  async fetch(migration: vscode.Uri, position: vscode.Position): Promise<PlanResult | { error: string }> {
    try {
      return await this.client.sendRequest(PlanRequest, {
        textDocument: { uri: this.client.code2ProtocolConverter.asUri(migration) },
        position: this.client.code2ProtocolConverter.asPosition(position),
      });
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '_This plan is no longer available: run "Lockstep: Show Migration Plan" again._\n';
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}

/** arguments: none (the active editor's cursor), or [uri, position] from the server's code action */
export async function showMigrationPlan(documents: PlanDocuments, uriArg: unknown, positionArg: unknown): Promise<ShowPlanOutcome> {
  const editor = vscode.window.activeTextEditor;
  const migration = uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : editor?.document.uri;
  const position = asPosition(positionArg) ?? (editor && migration && editor.document.uri.toString() === migration.toString() ? editor.selection.active : undefined);
  if (!migration || !position || migration.scheme === PLAN_SCHEME) {
    void vscode.window.showInformationMessage('Lockstep: put the cursor on a statement of a migration to see its plan.');
    return undefined;
  }
  const result = await documents.fetch(migration, position);
  if ('error' in result) {
    void vscode.window.showWarningMessage(`Lockstep: ${result.error}`);
    return result;
  }
  const uri = PlanDocuments.uriFor(migration, position.line, result.rule);
  documents.set(uri, result.markdown);
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'markdown') document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  return { uri: uri.toString(), rule: result.rule, files: result.files.map((f) => f.path) };
}

function asPosition(value: unknown): vscode.Position | undefined {
  if (value instanceof vscode.Position) return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const { line, character } = value as { line?: unknown; character?: unknown };
  return typeof line === 'number' && typeof character === 'number' && line >= 0 && character >= 0 ? new vscode.Position(line, character) : undefined;
}
