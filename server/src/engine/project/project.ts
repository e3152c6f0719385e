// One model of a workspace: which files are migrations, of which set, in what order, in which
// release, against which starting schema — and the schema before any file, from an incremental,
// cached replay. The CLI, the language server and every later feature ask this, never the disk:
// all file access goes through the ProjectHost.
import { emptyCatalog } from '../catalog/apply';
import { hashText } from '../incremental/hash';
import type { LockstepConfig } from '../config';
import { matchesAny } from '../config/glob';
import { parseFile } from '../parse';
import type { Catalog, Statement } from '../types';
import { detectConvention, migrationText, nextMigrationPaths, orderMigrations, type Convention } from '../workspace';
import type { ProjectHost } from './host';
import { baseOf, dirOf, globBase, isInside, joinPath, naturalCompare, relativeTo } from './paths';
import { ChainReplay, createdTablesOf, type ChainFile } from './replay';
import { schemaBase } from './schema-sources';
import { isFolderPerMigration, setExcludes, setIncludes, setSpecs, type SetSpec } from './sets';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface ProjectInit {
  /** the folder globs and relative paths are resolved against: the config file's folder, else the workspace */
  root: string;
  config: LockstepConfig;
  /** absolute path of the config file, when there is one */
  configPath?: string;
  /**
   * migrations of the release being prepared (files not in the config's `releaseBase`): tables one of
   * them creates are new for the others. Absent: no release grouping.
   */
  inRelease?: (path: string) => boolean;
  /**
   * `current` schema sources that are not files (the CLI reads a development database's CREATE
   * TABLEs): used after the config's `current` files, by every set. `rel` names the source in
   * findings, e.g. `<database mysql://app@localhost:3306/app>`.
   */
  extraCurrent?: readonly ExtraSchemaSource[];
}

/** a `current` schema source that is not a file: a development database's CREATE TABLEs */
export interface ExtraSchemaSource {
  /** names the source in findings, e.g. `<database mysql://app@localhost:3306/app>` */
  rel: string;
  text: string;
  /** lower-cased table → INSTANT row versions the server already counts (MySQL 8.0.29+ TOTAL_ROW_VERSIONS) */
  rowVersions?: Readonly<Record<string, number>>;
}

/** one ordered history of one database */
export interface Chain {
  key: string;
  set: SetSpec;
  /** the folder of a per-folder chain (single-set form); undefined for a whole set */
  dir?: string;
  convention: Convention | undefined;
  /** up migrations in run order (absolute paths) */
  ordered: string[];
  /** files the convention does not run in order (down migrations, strays), each after the ordered file it follows */
  unordered: { path: string; after?: string }[];
}

interface ChainState extends Chain {
  /** position of each ordered file */
  index: Map<string, number>;
  /** positions of the ordered files that belong to the release being prepared */
  releaseIndexes: number[];
  /** files whose text may have changed since the replay read them (open documents being edited) */
  dirty: Set<string>;
  /** the order changed: every replayed step must be checked against its file once */
  fullCheck: boolean;
  /** the starting schema, until a schema source or the chain's files change */
  base?: { id: string; catalog: Catalog };
  /** Prisma: the members are the `migration.sql` files of the folders in `dir` */
  perFolder: boolean;
  /** files named explicitly that the globs do not include */
  extra: Set<string>;
  replay?: ChainReplay;
  /** per file, the tables it creates (when the set has a `current` schema source) */
  creates: Map<string, { text: string | undefined; tables: string[] }>;
  /** invalidated listing */
  stale: boolean;
}

/** what analyzing one file needs to know about the project */
export interface FileContext {
  /** the file belongs to a migration chain */
  isMigration: boolean;
  chain?: Chain;
  convention?: Convention;
  /** the schema before the file (a fresh snapshot) */
  catalog: Catalog;
  /** changes whenever `catalog` or `newTables` may have changed */
  version: string;
  /** tables created by earlier files of the same release: compatibility checks treat them as new */
  newTables: Set<string>;
  /** the migrations that run before it, in order (absolute paths) */
  earlier: string[];
}

export class Project {
  readonly root: string;
  readonly config: LockstepConfig;
  readonly configPath?: string;
  readonly sets: SetSpec[];
  private readonly inRelease?: (path: string) => boolean;
  private readonly extraCurrent: readonly ExtraSchemaSource[];
  private readonly chains = new Map<string, ChainState>();
  private readonly setMembers = new Map<number, string[]>();

  constructor(
    readonly host: ProjectHost,
    init: ProjectInit,
  ) {
    this.root = init.root;
    this.config = init.config;
    this.configPath = init.configPath;
    this.inRelease = init.inRelease;
    this.extraCurrent = init.extraCurrent ?? [];
    this.sets = setSpecs(init.config);
  }

  rel(path: string): string {
    return relativeTo(this.root, path);
  }

  /** the set whose globs include the file (and do not exclude it) */
  setOf(path: string): SetSpec | undefined {
    const rel = this.rel(path);
    return this.sets.find((s) => setIncludes(s, rel) && !setExcludes(s, rel));
  }

  /** excluded by every set that would include it, or by the defaults (node_modules, .git) */
  isExcluded(path: string): boolean {
    const rel = this.rel(path);
    const including = this.sets.filter((s) => setIncludes(s, rel));
    return (including.length > 0 ? including : this.sets).every((s) => setExcludes(s, rel));
  }

  isMigration(path: string): boolean {
    return this.setOf(path) !== undefined;
  }

  /** is the file a schema source (`baseline` / `current`) of some set */
  isSchemaSource(path: string): boolean {
    const rel = this.rel(path);
    return this.sets.some((s) => matchesAny(rel, [...s.schema.baseline, ...s.schema.current]));
  }

  /**
   * The chain a file belongs to. `explicit`: the user named the file (CLI argument, open editor):
   * a file the globs do not include still joins its folder's chain, unless excluded.
   */
  chainOf(path: string, explicit = false): Chain | undefined {
    const own = this.setOf(path);
    const set = own ?? (explicit && !this.isExcluded(path) ? this.looseSet() : undefined);
    if (!set) return undefined;
    const perFolder = set.byFolder && isFolderPerMigration(path);
    const chainDir = set.byFolder ? (perFolder ? dirOf(dirOf(path)) : dirOf(path)) : undefined;
    const key = `${set.index}:${chainDir ?? '*'}${perFolder ? '/*/' : ''}`;
    let chain = this.chains.get(key);
    if (!chain) {
      chain = { key, set, dir: chainDir, perFolder, convention: undefined, ordered: [], unordered: [], extra: new Set(), creates: new Map(), stale: true, index: new Map(), releaseIndexes: [], dirty: new Set(), fullCheck: true };
      this.chains.set(key, chain);
    }
    if (!own && !chain.extra.has(path)) {
      chain.extra.add(path);
      chain.stale = true;
    }
    if (chain.stale) this.order(chain);
    return chain;
  }

  /** every chain of the project (walks the sets' folders) */
  allChains(): Chain[] {
    const seen = new Map<string, Chain>();
    for (const set of this.sets) {
      for (const path of this.membersOfSet(set)) {
        const chain = this.chainOf(path);
        if (chain && !seen.has(chain.key)) seen.set(chain.key, chain);
      }
    }
    return [...seen.values()].sort((a, b) => naturalCompare(a.key, b.key));
  }

  /** a file changed, appeared or disappeared (undefined: anything may have) */
  invalidate(path?: string, listingChanged = true): void {
    if (path === undefined) {
      this.setMembers.clear();
      for (const chain of this.chains.values()) chain.stale = true;
      return;
    }
    if (listingChanged) this.setMembers.clear();
    const source = this.isSchemaSource(path);
    for (const chain of this.chains.values()) {
      if (listingChanged) chain.stale = true;
      else if (chain.index.has(path)) chain.dirty.add(path);
      if (source || (chain.index.has(path) && (chain.set.schema.current.length > 0 || this.extraCurrent.length > 0))) chain.base = undefined;
    }
  }

  /** an open document's text changed: later files' schemas are checked against it at their next request */
  touch(path: string): void {
    this.invalidate(path, false);
  }

  /** the schema and release facts before `path` runs */
  fileContext(path: string, explicit = true): FileContext {
    const chain = this.chainOf(path, explicit) as ChainState | undefined;
    if (!chain) return { isMigration: false, catalog: emptyCatalog(), version: 'standalone', newTables: new Set(), earlier: [] };
    const index = this.positionOf(chain, path);
    const replay = this.syncReplay(chain, index);
    const catalog = replay.before(index);
    const newTables = this.releaseTables(chain, replay, index, path, catalog);
    const version = `${chain.key}|${replay.versionBefore(index)}|${[...newTables].sort().join(',')}`;
    return { isMigration: true, chain, convention: chain.convention, catalog, version, newTables, earlier: chain.ordered.slice(0, index) };
  }

  /** the text the linter analyzes for a file of this context: its up sections only */
  analyzedText(text: string, context: FileContext): string {
    return context.isMigration ? migrationText(text, context.convention) : text;
  }

  /** the schema after a file was analyzed by the caller (saves replaying it for the next file) */
  record(path: string, catalogAfter: Catalog, statements: readonly Statement[]): void {
    const chain = this.chainOf(path, true) as ChainState | undefined;
    const at = chain?.index.get(path) ?? -1;
    if (!chain?.replay || at < 0 || at >= chain.replay.length) return;
    chain.replay.record(at, catalogAfter, createdTablesOf(statements));
  }

  /** the schema after the whole chain, or before `beforeFile` */
  schemaOf(chain: Chain, beforeFile?: string): Catalog {
    const state = chain as ChainState;
    const index = beforeFile === undefined ? state.ordered.length : this.positionOf(state, beforeFile);
    return this.syncReplay(state, index).before(index);
  }

  /** paths (absolute) for the next `count` migrations of the file's chain, in its convention */
  nextMigrationPaths(chain: Chain, description: string, count: number, now: Date): string[][] {
    const existing = chain.ordered.map((p) => this.rel(p));
    const dir = (chain as ChainState).dir;
    const next = nextMigrationPaths(chain.convention, description, count, { existing, now, dir: existing.length === 0 && dir ? this.rel(dir) : undefined });
    return next.map((files) => files.map((rel) => joinPath(this.root, rel)));
  }

  /**
   * The migration files under `paths` (absolute: folders searched recursively, files taken as
   * named), for `lockstep lint`. Named files are kept unless excluded; found ones must match a set.
   */
  discover(paths: readonly string[]): { files: string[]; missing: string[]; excludedCount: number; unreadable: { path: string; reason: string }[] } {
    const found = new Set<string>();
    const missing: string[] = [];
    const unreadable: { path: string; reason: string }[] = [];
    let excludedCount = 0;
    for (const p of paths) {
      const kind = this.host.stat(p);
      if (kind === undefined) missing.push(p);
      else if (kind === 'file') {
        if (this.isExcluded(p) || this.isSchemaSource(p)) excludedCount++;
        else found.add(p);
      } else {
        this.walk(p, (file) => {
          if (this.isMigration(file)) found.add(file);
          else if (this.isExcluded(file) && this.sets.some((s) => setIncludes(s, this.rel(file)))) excludedCount++;
        }, (dir, reason) => unreadable.push({ path: dir, reason }), (other) => {
          // a dangling or looping link, a FIFO …: a migration by its name is reported with why, never skipped
          // silently; links to folders are not followed by design (they could loop)
          if (!this.isMigration(other) || this.host.stat(other) === 'dir') return;
          const read = this.host.read(other);
          unreadable.push({ path: other, reason: read.ok ? 'not a regular file' : read.reason });
        });
      }
    }
    return { files: [...found].sort(), missing, excludedCount, unreadable };
  }

  // -------------------------------------------------------------------------------------------

  /** a spec for files named explicitly that no set includes: they join their folder's chain */
  private looseSet(): SetSpec {
    const first = this.sets[0];
    return { ...first, index: -1, name: 'files', byFolder: true, exclude: this.config.migrations.exclude };
  }

  private positionOf(chain: ChainState, path: string): number {
    const at = chain.index.get(path);
    if (at !== undefined) return at;
    const loose = chain.unordered.find((u) => u.path === path);
    if (loose?.after !== undefined) return (chain.index.get(loose.after) ?? -1) + 1;
    if (loose) return 0;
    // not (yet) a member, e.g. an unsaved new file: what sorts before it
    return chain.ordered.filter((m) => naturalCompare(m, path) < 0).length;
  }

  private order(chain: ChainState): void {
    const members = [...new Set([...this.membersOf(chain), ...chain.extra])];
    const byRel = new Map(members.map((m) => [this.rel(m), m]));
    const rels = [...byRel.keys()];
    const convention = chain.set.convention ?? detectConvention(rels, (rel) => this.textOf(byRel.get(rel) as string));
    const ordered = orderMigrations(rels, convention).map((r) => byRel.get(r) as string);
    const inOrder = new Set(ordered);
    chain.convention = convention;
    chain.ordered = ordered;
    chain.index = new Map(ordered.map((p, i) => [p, i]));
    chain.releaseIndexes = this.inRelease ? ordered.flatMap((p, i) => (this.inRelease?.(p) ? [i] : [])) : [];
    chain.fullCheck = true;
    chain.base = undefined;
    chain.unordered = members.filter((m) => !inOrder.has(m)).sort(naturalCompare).map((path) => ({ path, after: followedMember(path, ordered) }));
    chain.stale = false;
    if (chain.replay && chain.replay.convention !== convention) chain.replay = undefined;
  }

  private membersOf(chain: ChainState): string[] {
    const dir = chain.dir;
    if (dir === undefined) return this.membersOfSet(chain.set);
    const keep = (path: string): boolean => (chain.set.index < 0 ? this.isMigration(path) : this.setOf(path) === chain.set);
    const entries = this.list(dir);
    if (chain.perFolder) {
      return entries
        .filter((e) => e.kind === 'dir')
        .map((e) => joinPath(dir, e.name, 'migration.sql'))
        .filter((p) => this.host.stat(p) === 'file' && keep(p));
    }
    return entries.filter((e) => e.kind === 'file').map((e) => joinPath(dir, e.name)).filter(keep);
  }

  private membersOfSet(set: SetSpec): string[] {
    if (set.index < 0) return [];
    const cached = this.setMembers.get(set.index);
    if (cached) return cached;
    const found = new Set<string>();
    const bases = [...new Set(set.paths.map((p) => joinPath(this.root, globBase(p))))];
    for (const base of bases.filter((b, _, all) => !all.some((o) => o !== b && isInside(b, o)))) {
      const kind = this.host.stat(base);
      if (kind === 'file') {
        if (this.setOf(base) === set) found.add(base);
      } else if (kind === 'dir') {
        this.walk(base, (file) => {
          if (this.setOf(file) === set) found.add(file);
        });
      }
    }
    const members = [...found].sort(naturalCompare);
    this.setMembers.set(set.index, members);
    return members;
  }

  /** `other`: entries that are neither files nor folders (dangling links, FIFOs …) */
  private walk(dir: string, visit: (file: string) => void, unreadable?: (dir: string, reason: string) => void, other?: (path: string) => void): void {
    const entries = this.host.list(dir);
    if (typeof entries === 'string') {
      unreadable?.(dir, entries);
      return;
    }
    for (const e of entries) {
      const path = joinPath(dir, e.name);
      if (e.kind === 'dir') {
        if (!SKIPPED_DIRS.has(e.name) && !this.sets.every((s) => setExcludes(s, this.rel(path)))) this.walk(path, visit, unreadable, other);
      } else if (e.kind === 'file') {
        visit(path);
      } else {
        other?.(path);
      }
    }
  }

  private list(dir: string): { name: string; kind: 'file' | 'dir' | 'other' }[] {
    const entries = this.host.list(dir);
    return typeof entries === 'string' ? [] : entries;
  }

  private textOf(path: string): string | undefined {
    const read = this.host.read(path);
    return read.ok ? read.text : undefined;
  }

  /**
   * The replay with its first `count` files in step with the files' current texts. Only what may
   * have changed is read again: files marked dirty, and all of them once after the order changed.
   */
  private syncReplay(chain: ChainState, count: number): ChainReplay {
    if (!chain.base) chain.base = this.base(chain);
    if (!chain.replay) chain.replay = new ChainReplay(this.config.target, chain.convention, chain.base);
    else chain.replay.setBase(chain.base.id, chain.base.catalog);
    const replay = chain.replay;
    const fileAt = (i: number): ChainFile => ({ path: chain.ordered[i], rel: this.rel(chain.ordered[i]), text: this.textOf(chain.ordered[i]) });
    if (chain.fullCheck) {
      replay.sync(chain.ordered.slice(0, replay.length).map((_, i) => fileAt(i)));
      chain.fullCheck = false;
      chain.dirty.clear();
    } else if (chain.dirty.size > 0) {
      for (const path of chain.dirty) {
        const i = chain.index.get(path);
        if (i !== undefined && i < replay.length && replay.textAt(i) !== this.textOf(path)) replay.truncate(i);
      }
      chain.dirty.clear();
    }
    for (let i = replay.length; i < count; i++) replay.push(fileAt(i));
    return replay;
  }

  /** the starting schema of the chain: its schema sources */
  private base(chain: ChainState): { id: string; catalog: Catalog } {
    const { baseline, current } = chain.set.schema;
    if (baseline.length === 0 && current.length === 0 && this.extraCurrent.length === 0) return { id: 'empty', catalog: emptyCatalog() };
    chain.fullCheck = true; // the base may change below: check every step against its file
    const filesOf = (globs: readonly string[]): ChainFile[] => this.schemaFiles(globs).map((path) => ({ path, rel: this.rel(path), text: this.textOf(path) }));
    const baselineFiles = filesOf(baseline);
    const currentFiles: ChainFile[] = [...filesOf(current), ...this.extraCurrent.map((e) => ({ path: e.rel, rel: e.rel, text: e.text, rowVersions: e.rowVersions }))];
    const creates = new Set<string>();
    if (currentFiles.length > 0) {
      for (const path of chain.ordered) {
        const text = this.textOf(path);
        let known = chain.creates.get(path);
        if (!known || known.text !== text) {
          const tables = text === undefined ? [] : createdTablesOf(parseFile(migrationText(text, chain.convention), { target: this.config.target }));
          known = { text, tables };
          chain.creates.set(path, known);
        }
        for (const t of known.tables) creates.add(t);
      }
    }
    const id = [...baselineFiles, ...currentFiles].map((f) => `${f.rel}:${f.text === undefined ? '-' : hashText(f.text)}${f.rowVersions ? `:${JSON.stringify(f.rowVersions)}` : ''}`).join('|') + `|${[...creates].sort().join(',')}`;
    const cached = this.bases.get(chain.key);
    if (cached?.id === id) return cached;
    const made = { id, catalog: schemaBase(baselineFiles, currentFiles, creates, this.config.target) };
    this.bases.set(chain.key, made);
    return made;
  }

  private readonly bases = new Map<string, { id: string; catalog: Catalog }>();

  /** the files a schema source names (globs expanded, natural order) */
  private schemaFiles(globs: readonly string[]): string[] {
    const out: string[] = [];
    for (const glob of globs) {
      const exact = joinPath(this.root, glob);
      if (this.host.stat(exact) === 'file') {
        out.push(exact);
        continue;
      }
      const found: string[] = [];
      const base = joinPath(this.root, globBase(glob));
      if (this.host.stat(base) === 'dir') this.walk(base, (file) => {
        if (matchesAny(this.rel(file), [glob])) found.push(file);
      });
      out.push(...found.sort(naturalCompare));
    }
    return [...new Set(out)];
  }

  /** tables created by earlier files of the same release that still exist before `path` */
  private releaseTables(chain: ChainState, replay: ChainReplay, index: number, path: string, catalog: Catalog): Set<string> {
    const out = new Set<string>();
    if (!this.inRelease || !this.inRelease(path)) return out;
    for (const j of chain.releaseIndexes) {
      if (j >= index) break;
      for (const t of replay.createdBy(j)) {
        const table = catalog.tables.get(t);
        if (table && !table.partial && !table.fromCurrentSchema) out.add(t);
      }
    }
    return out;
  }
}

/** a down migration runs after its up migration; anything else follows the last member sorting before it */
function followedMember(path: string, ordered: readonly string[]): string | undefined {
  const up = path.replace(/\.down(\.[^./]+)$/i, '.up$1');
  if (up !== path && ordered.includes(up)) return up;
  // Flyway: U<version>__ undoes V<version>__
  const undo = /(^|\/)U(\d+(?:[._]\d+)*)__[^/]*$/.exec(path);
  const undone = undo ? ordered.find((m) => baseOf(m).startsWith(`V${undo[2]}__`) && dirOf(m) === dirOf(path)) : undefined;
  if (undone) return undone;
  let last: string | undefined;
  for (const m of ordered) if (naturalCompare(m, path) <= 0) last = m;
  return last;
}
