// Completion from the schema as it stands before the statement being written: table names after
// ALTER TABLE / FROM / INTO / UPDATE / JOIN / ON / TABLE, else the columns of the statement's tables.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { Catalog, StatementFacts, TableDef } from '../../engine';
import type { ServerContext } from '../context';
import type { DocumentNavigation, NavigationStore } from './navigation-store';

/** the words after which a table name comes, then the partial name being typed (maybe backticked, maybe qualified) */
const TABLE_CONTEXT = /\b(?:ALTER\s+(?:ONLINE\s+|IGNORE\s+)?TABLE|FROM|INTO|UPDATE|JOIN|TABLE|ON|REFERENCES)\s+(?:`?[\w$]+`?\.)?`?[\w$]*$/i;

export function registerNavigationCompletion(ctx: ServerContext, store: NavigationStore): void {
  ctx.connection.onCompletion(async (params): Promise<CompletionItem[] | null> => {
    const doc = await store.forUri(params.textDocument.uri);
    const positions = doc && store.positionsOf(doc.settings.project, doc.path);
    if (!doc || !positions) return null;
    return completions(store, doc, positions.offsetAt(params.position));
  });
}

function completions(store: NavigationStore, doc: DocumentNavigation, offset: number): CompletionItem[] {
  const statements = doc.nav.files[doc.file].statements;
  const current = statementAround(statements, offset);
  // the schema before the statement being written (or after the file's statements before the cursor)
  const index = current?.statement.index ?? statements.filter((s) => s.statement.span.end < offset).length;
  const catalog = store.schemaBefore(doc, doc.file, index);
  const start = current?.statement.span.start ?? lastStatementEnd(statements, offset);
  const typed = doc.text.slice(start, offset);
  if (TABLE_CONTEXT.test(typed)) return tableItems(catalog);
  const tables = (current?.statement.tables ?? []).map((t) => catalog.tables.get(t)).filter((t): t is TableDef => t !== undefined);
  return tables.length > 0 ? tables.flatMap(columnItems) : tableItems(catalog);
}

function statementAround(statements: readonly StatementFacts[], offset: number): StatementFacts | undefined {
  return statements.find((s) => s.statement.origin === 'top-level' && s.statement.span.start <= offset && offset <= s.statement.span.end);
}

function lastStatementEnd(statements: readonly StatementFacts[], offset: number): number {
  let end = 0;
  for (const s of statements) if (s.statement.span.end <= offset) end = Math.max(end, s.statement.span.end + 1);
  return end;
}

function tableItems(catalog: Catalog): CompletionItem[] {
  return [...catalog.tables.values()].map((t) => ({ label: t.name, kind: CompletionItemKind.Struct, detail: `table · ${t.columns.length} columns` }));
}

function columnItems(table: TableDef): CompletionItem[] {
  return table.columns.map((c) => ({ label: c.name, kind: CompletionItemKind.Field, detail: `${table.name}.${c.name} ${c.type.text}` }));
}
