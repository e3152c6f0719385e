// "Lockstep: Show Schema Before This Migration": asks the server (`lockstep/schemaBefore`) for the
// replayed schema the migration runs against and shows it as a read-only SQL document on the
// `lockstep-schema:` scheme, titled after the migration. Running it again refreshes the document.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SchemaBeforeRequest } from '../protocol';

export const SCHEMA_SCHEME = 'lockstep-schema';

export type SchemaBeforeOutcome = { uri: string; files: string[] } | { error: string } | undefined;

/** the documents of the scheme: the last answer per migration; a restored editor asks the server again */
export class SchemaDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly texts = new Map<string, string>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  /** `lockstep-schema:/Schema before V3__rename.sql?<the migration's URI>` */
  static uriFor(migration: vscode.Uri): vscode.Uri {
    const name = migration.path.slice(migration.path.lastIndexOf('/') + 1);
    return vscode.Uri.from({ scheme: SCHEMA_SCHEME, path: `/Schema before ${name}`, query: migration.toString() });
  }

  /** the schema before `migration`, or the server's reason why there is none */
  async fetch(migration: vscode.Uri): Promise<{ sql: string; files: string[] } | { error: string }> {
    try {
      return await this.client.sendRequest(SchemaBeforeRequest, { textDocument: { uri: this.client.code2ProtocolConverter.asUri(migration) } });
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) return known;
    const result = await this.fetch(vscode.Uri.parse(uri.query));
    return 'error' in result ? `-- ${result.error.replace(/\n/g, '\n-- ')}\n` : result.sql;
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}

export async function showSchemaBefore(documents: SchemaDocuments, uriArg: unknown): Promise<SchemaBeforeOutcome> {
  const migration = uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : vscode.window.activeTextEditor?.document.uri;
  if (!migration || migration.scheme === SCHEMA_SCHEME) {
    void vscode.window.showInformationMessage('Lockstep: open a migration to see the schema before it.');
    return undefined;
  }
  const result = await documents.fetch(migration);
  if ('error' in result) {
    void vscode.window.showWarningMessage(`Lockstep: ${result.error}`);
    return result;
  }
  const uri = SchemaDocuments.uriFor(migration);
  documents.set(uri, result.sql);
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'sql') document = await vscode.languages.setTextDocumentLanguage(document, 'sql');
  await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  return { uri: uri.toString(), files: result.files };
}
