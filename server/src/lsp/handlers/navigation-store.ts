// The navigation indexes the navigation handlers share: one SchemaNavigator per chain of each
// project model (files re-parsed only when their text changed), and what a request needs around
// it: the document's place in the index, positions in other files, locations in schema sources.
import { isAbsolute, join } from 'node:path';
import type { Location } from 'vscode-languageserver';
import { catalogBefore, catalogBeforeInFile, definitionOf, emptyCatalog, SchemaNavigator, type Catalog, type Chain, type ChainNavigation, type Entity, type NavSource, type Occurrence, type Project, type Span, type TableDef } from '../../engine';
import type { ServerContext } from '../context';
import { indexText, spanToRange, type PositionIndex } from '../convert';
import { pathToUri, uriToPath } from '../uri';
import type { EffectiveSettings } from './configuration';

export interface DocumentNavigation {
  settings: EffectiveSettings;
  path: string;
  nav: ChainNavigation;
  /** the document's position in `nav.files` */
  file: number;
  /** the document's text as indexed */
  text: string;
}

export class NavigationStore {
  private readonly navigators = new WeakMap<Project, Map<string, SchemaNavigator>>();
  private readonly positions = new Map<string, { text: string; index: PositionIndex }>();

  constructor(private readonly ctx: ServerContext) {}

  /** the index around an open (or readable) document; undefined for a document without a path */
  async forUri(uri: string): Promise<DocumentNavigation | undefined> {
    const path = uriToPath(uri);
    if (!path) return undefined;
    const settings = await this.ctx.settings.get(uri);
    const project = settings.project;
    const text = this.read(project, path);
    if (text === undefined) return undefined;
    const chain = project.chainOf(path, true);
    if (!chain) {
      const nav = this.navigator(project, `file:${path}`, undefined).index([{ path, text }]);
      return { settings, path, nav, file: 0, text };
    }
    let sources = this.sourcesOf(project, chain);
    let file = chain.ordered.indexOf(path);
    if (file < 0) {
      // a file the chain does not run in order (a down migration, an unsaved new file): indexed where it would run
      file = project.fileContext(path).earlier.length;
      sources = [...sources.slice(0, file), { path, text }, ...sources.slice(file)];
    }
    return { settings, path, nav: this.navigator(project, chain.key, chain).index(sources), file, text };
  }

  /** the index of a whole chain (workspace symbols) */
  forChain(project: Project, chain: Chain): ChainNavigation {
    return this.navigator(project, chain.key, chain).index(this.sourcesOf(project, chain));
  }

  /** positions of a file's text: the open document's, else the text the project reads */
  positionsOf(project: Project, path: string): PositionIndex | undefined {
    const open = this.ctx.documents.get(pathToUri(path));
    if (open) return open;
    const text = this.read(project, path);
    if (text === undefined) return undefined;
    const cached = this.positions.get(path);
    if (cached?.text === text) return cached.index;
    const index = indexText(text);
    this.positions.set(path, { text, index });
    return index;
  }

  /** an occurrence as an LSP location (the identifier, else its statement) */
  location(project: Project, nav: ChainNavigation, o: Occurrence): Location | undefined {
    return this.spanLocation(project, nav.files[o.file].path, o.span ?? o.statementSpan);
  }

  spanLocation(project: Project, path: string, span: Span): Location | undefined {
    const positions = this.positionsOf(project, path);
    return positions ? { uri: pathToUri(path), range: spanToRange(positions, span) } : undefined;
  }

  /**
   * Where an entity no migration before `file` defines comes from: the schema source (baseline or
   * `current` dump) the catalog before the file names, at its CREATE TABLE (or the column in it).
   */
  sourceLocation(project: Project, doc: DocumentNavigation, entity: Entity): Location | undefined {
    const table = entity.type === 'table' ? entity : entity.table;
    const def = project.fileContext(doc.path).catalog.tables.get(table.key) ?? this.catalogTableByHistory(project, doc, table.occurrences.map((o) => o.written.toLowerCase()));
    const rel = def?.createdAt?.path ?? def?.fromCurrentSchema?.path;
    if (!def || rel === undefined) return undefined;
    const path = isAbsolute(rel) ? rel : join(project.root, rel);
    const text = this.read(project, path);
    if (text === undefined) return undefined;
    const source = this.navigator(project, `source:${path}`, undefined).index([{ path, text }]);
    const created = source.live.get(def.name.toLowerCase());
    const target = entity.type === 'table' ? created : created?.columns.get(entity.key);
    const at = target?.occurrences.find((o) => o.kind === 'create') ?? target?.occurrences[0];
    return this.spanLocation(project, path, at?.span ?? def.createdAt?.span ?? { start: 0, end: 0 });
  }

  /** the schema just before a statement of the index: the chain's schema sources, then every statement before it */
  schemaBefore(doc: DocumentNavigation, file: number, statement: number): Catalog {
    const project = doc.settings.project;
    if (file === doc.file && project.isMigration(doc.path)) {
      // the project model's cached replay up to this file, then this file's statements from a checkpoint
      const context = project.fileContext(doc.path, false);
      return catalogBeforeInFile(doc.nav.files[file].statements, context.catalog, context.version, statement, project.rel(doc.path));
    }
    const chain = project.chainOf(doc.path, true);
    const first = doc.nav.files[0]?.path;
    const base = chain && first !== undefined ? project.schemaOf(chain, first) : emptyCatalog();
    return catalogBefore(doc.nav, base, file, statement, (path) => project.rel(path));
  }

  /** the location of the entity's definition as seen from `o` */
  definitionLocation(project: Project, doc: DocumentNavigation, o: Occurrence): Location | undefined {
    const d = definitionOf(o);
    return d ? this.location(project, doc.nav, d) : this.sourceLocation(project, doc, o.entity);
  }

  /** the catalog's table under any name the entity had (a renamed table from a schema source) */
  private catalogTableByHistory(project: Project, doc: DocumentNavigation, names: string[]): TableDef | undefined {
    const catalog = project.fileContext(doc.path).catalog;
    for (const n of names) {
      const t = catalog.tables.get(n);
      if (t) return t;
    }
    return undefined;
  }

  private navigator(project: Project, key: string, chain: Chain | undefined): SchemaNavigator {
    let perProject = this.navigators.get(project);
    if (!perProject) {
      perProject = new Map();
      this.navigators.set(project, perProject);
    }
    let navigator = perProject.get(key);
    if (!navigator || navigator.convention !== chain?.convention) {
      navigator = new SchemaNavigator(project.config.target, chain?.convention);
      perProject.set(key, navigator);
    }
    return navigator;
  }

  private sourcesOf(project: Project, chain: Chain): NavSource[] {
    return chain.ordered.map((path) => ({ path, text: this.read(project, path) }));
  }

  private read(project: Project, path: string): string | undefined {
    const read = project.host.read(path);
    return read.ok ? read.text : undefined;
  }
}
