// Completion from the schema as it stands before the statement being written: table names after
// ALTER TABLE / FROM / INTO / UPDATE / JOIN / ON / TABLE, index names after DROP/RENAME/ALTER INDEX,
// the ALTER TABLE clause keywords of the target's dialect where a clause starts, else the columns of
// the statement's tables.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { Catalog, StatementFacts, TableDef } from '../../engine';
import type { ServerContext } from '../context';
import type { DocumentNavigation, NavigationStore } from './navigation-store';

/** the words after which a table name comes, then the partial name being typed (maybe backticked, maybe qualified) */
const TABLE_CONTEXT = /\b(?:ALTER\s+(?:ONLINE\s+|IGNORE\s+)?TABLE|FROM|INTO|UPDATE|JOIN|TABLE|ON|REFERENCES)\s+(?:`?[\w$]+`?\.)?`?[\w$]*$/i;

/** `DROP INDEX ix`, `RENAME INDEX ix`, `ALTER INDEX ix` (MySQL's visibility, MariaDB's IGNORED) */
const INDEX_CONTEXT = /\b(?:DROP|RENAME|ALTER)\s+(?:INDEX|KEY)\s+`?[\w$]*$/i;
/** where an ALTER TABLE clause starts: right after the table name, or after a comma outside parentheses */
const CLAUSE_START = /^\s*ALTER\s+(?:ONLINE\s+|IGNORE\s+)?TABLE\s+(?:`[^`]*`|[\w$.]+)\s+(?:[^()]*,\s*)?[A-Za-z_]*$/i;

const ALTER_CLAUSES = [
  'ADD COLUMN',
  'ADD INDEX',
  'ADD UNIQUE INDEX',
  'ADD CONSTRAINT',
  'ADD FOREIGN KEY',
  'DROP COLUMN',
  'DROP INDEX',
  'DROP FOREIGN KEY',
  'MODIFY COLUMN',
  'CHANGE COLUMN',
  'RENAME COLUMN',
  'RENAME INDEX',
  'RENAME TO',
  'ALTER COLUMN',
  'CONVERT TO CHARACTER SET',
  'ALGORITHM=INSTANT',
  'ALGORITHM=INPLACE',
  'ALGORITHM=COPY',
  'LOCK=NONE',
  'LOCK=SHARED',
  'LOCK=EXCLUSIVE',
];
const MARIADB_CLAUSES = ['ALGORITHM=NOCOPY', 'ADD COLUMN IF NOT EXISTS', 'DROP COLUMN IF EXISTS', 'DROP INDEX IF EXISTS'];

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
  const current = statementAround(statements, offset, doc.text);
  // the schema before the statement being written (or after the file's statements before the cursor)
  const index = current?.statement.index ?? statements.filter((s) => s.statement.span.end < offset).length;
  const catalog = store.schemaBefore(doc, doc.file, index);
  const start = current?.statement.span.start ?? lastStatementEnd(statements, offset);
  const typed = doc.text.slice(start, offset);
  if (TABLE_CONTEXT.test(typed)) return tableItems(catalog);
  const tables = (current?.statement.tables ?? []).map((t) => catalog.tables.get(t)).filter((t): t is TableDef => t !== undefined);
  if (INDEX_CONTEXT.test(typed)) return (tables.length > 0 ? tables : [...catalog.tables.values()]).flatMap(indexItems);
  if (CLAUSE_START.test(typed)) return clauseItems(doc.settings.target.flavor === 'mariadb');
  return tables.length > 0 ? tables.flatMap(columnItems) : tableItems(catalog);
}

/** the statement the cursor is in, or right after while it is still unterminated (`ALTER TABLE t DROP INDEX |`) */
function statementAround(statements: readonly StatementFacts[], offset: number, text: string): StatementFacts | undefined {
  return statements.find((s) => {
    const { start, end } = s.statement.span;
    if (s.statement.origin !== 'top-level' || start > offset) return false;
    return offset <= end || /^\s*$/.test(text.slice(end, offset));
  });
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

function indexItems(table: TableDef): CompletionItem[] {
  return table.indexes
    .filter((i) => i.kind !== 'primary' && i.name !== undefined)
    .map((i) => ({ label: i.name as string, kind: CompletionItemKind.Reference, detail: `${i.kind} index on ${table.name} (${i.columns.map((c) => c.name).join(', ')})` }));
}

function clauseItems(mariadb: boolean): CompletionItem[] {
  return [...ALTER_CLAUSES, ...(mariadb ? MARIADB_CLAUSES : [])].map((label) => ({ label, kind: CompletionItemKind.Keyword }));
}
