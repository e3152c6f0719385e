// Hover: on a table or column name, its definition as it stands just before the statement (from
// the replayed catalog) and the migration that last changed it; anywhere else in a DDL statement,
// the prediction hover of hover.ts. One handler, as a server answers a hover with one result.
import { relative } from 'node:path';
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { describeColumn, describeTable, lastChangeBefore, nameBefore, occurrenceAt, type Catalog, type Occurrence, type Target } from '../../engine';
import type { ServerContext } from '../context';
import { spanToRange, type PositionIndex } from '../convert';
import { codeSpan, escapeMarkdown } from '../markdown';
import { predictionHover } from './hover';
import type { DocumentNavigation, NavigationStore } from './navigation-store';

export function registerNavigationHover(ctx: ServerContext, store: NavigationStore): void {
  ctx.connection.onHover(async (params): Promise<Hover | null> => (await nameHover(store, params)) ?? predictionHover(ctx, params));
}

async function nameHover(store: NavigationStore, params: HoverParams): Promise<Hover | null> {
  const doc = await store.forUri(params.textDocument.uri);
  const positions = doc && store.positionsOf(doc.settings.project, doc.path);
  if (!doc || !positions) return null;
  const o = occurrenceAt(doc.nav.files[doc.file], positions.offsetAt(params.position));
  if (!o?.span) return null;
  const catalog = store.schemaBefore(doc, o.file, o.statement);
  const lines = [...definitionLines(catalog, o, doc.settings.target), '', changeLine(store, doc, o)];
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: spanToRange(positions, o.span) };
}

function definitionLines(catalog: Catalog, o: Occurrence, target: Target): string[] {
  const entity = o.entity;
  const table = entity.type === 'table' ? entity : entity.table;
  const tableName = nameBefore(table, o.file, o.statement, o.written);
  if (entity.type === 'table') {
    const described = describeTable(catalog, tableName, target);
    const head = `**Lockstep** · table ${codeSpan(o.written)}`;
    if (!described) return [head, '', o.kind === 'create' ? 'Created by this statement.' : 'Not known before this statement.'];
    return [head, 'as it stands before this statement:', '', fenced(described.sql), ...sourceNotes(described.table)];
  }
  const columnName = nameBefore(entity, o.file, o.statement, o.written);
  const described = describeColumn(catalog, tableName, columnName, target);
  const head = `**Lockstep** · column ${codeSpan(`${tableName}.${o.written}`)}`;
  if (!described) return [head, '', o.kind === 'create' ? 'Added by this statement.' : 'Not known before this statement.'];
  return [head, 'as it stands before this statement:', '', fenced([described.definition, ...described.keys].join('\n')), ...sourceNotes(described.table)];
}

function sourceNotes(table: { partial?: true; fromCurrentSchema?: { path: string } }): string[] {
  if (table.fromCurrentSchema) return ['', `From the \`current\` schema source ${codeSpan(table.fromCurrentSchema.path)}: no migration creates it.`];
  if (table.partial) return ['', 'Known only in part, from ALTER statements: no migration creates it.'];
  return [];
}

/** which migration (file and line) last changed the name before this statement */
function changeLine(store: NavigationStore, doc: DocumentNavigation, o: Occurrence): string {
  const last = lastChangeBefore(o.entity, o.file, o.statement);
  if (!last) return o.entity.external ? 'Not changed by an earlier migration of this chain.' : 'Not changed before this statement.';
  const project = doc.settings.project;
  const path = doc.nav.files[last.file].path;
  const positions: PositionIndex | undefined = store.positionsOf(project, path);
  const line = positions ? positions.positionAt(last.statementSpan.start).line + 1 : undefined;
  const where = last.file === doc.file ? 'this file' : codeSpan(relative(project.root, path) || path);
  return `Last changed by ${where}${line !== undefined ? ` line ${line}` : ''} (${escapeMarkdown(last.kind)}).`;
}

/** a fenced SQL block no line inside can close: the fence is longer than any backtick run */
function fenced(sql: string): string {
  const longest = Math.max(0, ...(sql.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}sql\n${sql}\n${fence}`;
}
