// Navigating the schema across migrations: go to the statement that defined a table or column
// (across renames; a schema source for tables no migration creates), find every statement that
// changes or writes it, the statements of a document by table, and any table or column of the
// workspace's chains by name; hover (navigation-hover.ts) and completion (navigation-completion.ts)
// share the index. The analysis is the engine's navigation index.
import { SymbolKind, type DocumentSymbol, type Location, type SymbolInformation } from 'vscode-languageserver';
import { definitionOf, findEntities, occurrenceAt, referencesOf, type ChainNavigation, type Entity, type NavKind, type Project, type StatementFacts, type TableEntity } from '../../engine';
import type { ServerContext } from '../context';
import { spanToRange } from '../convert';
import { pathToUri } from '../uri';
import { registerNavigationCompletion } from './navigation-completion';
import { registerNavigationHover } from './navigation-hover';
import { NavigationStore } from './navigation-store';

/** workspace/symbol answers at most this many symbols */
const MAX_WORKSPACE_SYMBOLS = 500;

export function registerNavigation(ctx: ServerContext): void {
  const store = new NavigationStore(ctx);
  registerNavigationHover(ctx, store);
  registerNavigationCompletion(ctx, store);

  ctx.connection.onDefinition(async (params): Promise<Location | null> => {
    const doc = await store.forUri(params.textDocument.uri);
    const positions = doc && store.positionsOf(doc.settings.project, doc.path);
    if (!doc || !positions) return null;
    const o = occurrenceAt(doc.nav.files[doc.file], positions.offsetAt(params.position));
    return (o && store.definitionLocation(doc.settings.project, doc, o)) ?? null;
  });

  ctx.connection.onReferences(async (params): Promise<Location[] | null> => {
    const doc = await store.forUri(params.textDocument.uri);
    const positions = doc && store.positionsOf(doc.settings.project, doc.path);
    if (!doc || !positions) return null;
    const o = occurrenceAt(doc.nav.files[doc.file], positions.offsetAt(params.position));
    if (!o) return null;
    const project = doc.settings.project;
    const refs = referencesOf(o.entity).filter((r) => params.context.includeDeclaration || r !== definitionOf(o));
    const external = o.entity.external && params.context.includeDeclaration ? store.sourceLocation(project, doc, o.entity) : undefined;
    const locations = refs.map((r) => store.location(project, doc.nav, r)).filter((l): l is Location => l !== undefined);
    return external ? [external, ...locations] : locations;
  });

  ctx.connection.onDocumentSymbol(async (params): Promise<DocumentSymbol[] | null> => {
    const doc = await store.forUri(params.textDocument.uri);
    const positions = doc && store.positionsOf(doc.settings.project, doc.path);
    if (!doc || !positions) return null;
    return documentSymbols(doc.nav, doc.file, (span) => spanToRange(positions, span));
  });

  ctx.connection.onWorkspaceSymbol(async (params): Promise<SymbolInformation[]> => {
    const out: SymbolInformation[] = [];
    for (const project of await workspaceProjects(ctx)) {
      for (const chain of project.allChains()) {
        const nav = store.forChain(project, chain);
        for (const entity of findEntities(nav, params.query)) {
          if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
          const location = entityLocation(store, project, nav, entity);
          if (!location) continue;
          out.push({
            name: entity.name,
            kind: entity.type === 'table' ? SymbolKind.Struct : SymbolKind.Field,
            location,
            ...(entity.type === 'column' ? { containerName: entity.table.name } : {}),
          });
        }
      }
    }
    return out;
  });
}

/** the projects of the workspace folders and of the documents opened so far */
async function workspaceProjects(ctx: ServerContext): Promise<Project[]> {
  const projects = new Set<Project>();
  for (const root of ctx.roots) projects.add((await ctx.settings.get(pathToUri(root))).project);
  for (const project of ctx.settings.allProjects()) projects.add(project);
  return [...projects];
}

/** an entity alive after the chain: its latest definition in the chain, else its first use */
function entityLocation(store: NavigationStore, project: Project, nav: ChainNavigation, entity: Entity): Location | undefined {
  const defining = [...entity.occurrences].reverse().find((o) => o.defines) ?? entity.occurrences[0];
  return defining ? store.location(project, nav, defining) : undefined;
}

type ToRange = (span: { start: number; end: number }) => DocumentSymbol['range'];

const KIND_WORDS: Record<NavKind, string> = { create: 'creates', alter: 'alters', rename: 'renames', drop: 'drops', index: 'keys', 'dml-write': 'writes' };

/** the file's statements grouped under the tables they touch; statements without a table at the top level */
export function documentSymbols(nav: ChainNavigation, file: number, toRange: ToRange): DocumentSymbol[] {
  const navFile = nav.files[file];
  const byStatement = new Map<number, Map<TableEntity, NavKind>>();
  for (const o of navFile.all) {
    const table = o.entity.type === 'table' ? o.entity : o.entity.table;
    let tables = byStatement.get(o.statement);
    if (!tables) byStatement.set(o.statement, (tables = new Map()));
    if (!tables.has(table) || o.entity.type === 'table') tables.set(table, o.kind);
  }
  const groups = new Map<TableEntity, DocumentSymbol[]>();
  const top: { start: number; symbol: DocumentSymbol }[] = [];
  for (const facts of navFile.statements) {
    const tables = byStatement.get(facts.statement.index);
    if (!tables || tables.size === 0) {
      top.push({ start: facts.statement.span.start, symbol: statementSymbol(facts, undefined, toRange) });
      continue;
    }
    for (const [table, kind] of tables) {
      const nameAt = navFile.all.find((o) => o.entity === table && o.statement === facts.statement.index && o.span)?.span;
      const symbol = statementSymbol(facts, { kind, at: nameAt }, toRange);
      const list = groups.get(table);
      if (list) list.push(symbol);
      else groups.set(table, [symbol]);
    }
  }
  for (const [table, children] of groups) {
    const statements = navFile.statements.filter((s) => byStatement.get(s.statement.index)?.has(table));
    const start = Math.min(...statements.map((s) => s.statement.span.start));
    const end = Math.max(...statements.map((s) => s.statement.span.end));
    const first = navFile.all.find((o) => o.entity === table && o.span)?.span ?? { start, end: start };
    const written = navFile.all.find((o) => o.entity === table)?.written ?? table.name;
    top.push({ start, symbol: { name: written, detail: 'table', kind: SymbolKind.Struct, range: toRange({ start, end }), selectionRange: toRange(first), children } });
  }
  return top.sort((a, b) => a.start - b.start).map((t) => t.symbol);
}

function statementSymbol(facts: StatementFacts, table: { kind: NavKind; at?: { start: number; end: number } } | undefined, toRange: ToRange): DocumentSymbol {
  const span = facts.statement.span;
  const isData = facts.statement.kind === 'insert' || facts.statement.kind === 'update' || facts.statement.kind === 'delete';
  return {
    name: facts.label || facts.statement.kind,
    detail: table ? KIND_WORDS[table.kind] : facts.statement.kind,
    kind: isData ? SymbolKind.Event : SymbolKind.Method,
    range: toRange(span),
    selectionRange: toRange(table?.at ?? { start: span.start, end: span.start }),
  };
}
