// Diagnostics for ORM model files (schema.prisma, TypeORM entities, GORM structs): the open document against its text at the git
// base (the config's `orm.base`, default HEAD), checked by the engine's model diff. The base text
// is read once per document (one `git show`) and kept until the document closes or is saved, with
// the files the base model is read with (its Go package, the entity's imported files at the base).
// The working-tree side reads those files on every run, open documents' unsaved text first; an
// edit of one of them re-checks the open models that read it.
import { analyzeFile, analyzeModelChange, discoverModelFiles, type Finding, isModelFile, modelBase, type ModelAnalyzeOptions, type ModelBase, modelKindByExtension, type ModelParsers, typeormMigrationSql } from '../../engine';
import { GitBaseReader } from '../../common/git-base-reader';
import { loadGoParser } from '../../common/go-parser';
import { hostSource, modelCompanions, modelKind, parsersWith } from '../../common/model-companions';
import type { ServerContext } from '../context';
import { refusal } from '../limits';
import { uriToPath } from '../uri';
import type { EffectiveSettings } from './configuration';
import { type AnalysisStore, toDiagnostic } from './diagnostics';

/** coalesces keystrokes: a model diff parses the whole file twice */
const DEBOUNCE_MS = 120;

export interface ModelDocumentAnalysis {
  version: number;
  findings: Finding[];
  settings: EffectiveSettings;
  /** what the model was checked with (absent for a TypeORM migration class or a file that is no model): a plan reuses it */
  inputs?: { base: ModelBase; options: ModelAnalyzeOptions };
}

interface BaseState {
  /** the base and the model globs it was read for */
  key: string;
  /** undefined: the file is new at the base */
  text: string | undefined;
  /** the base's files, each read once */
  reader: GitBaseReader;
  /** the project's TypeORM entity files (for an entity), found once per base read */
  otherModels: string[];
  prepared?: ModelBase;
  /** the target, path and TypeORM naming `prepared` was read with */
  preparedFor?: string;
}

interface ModelState {
  timer?: NodeJS.Timeout;
  ticket: number;
  /** base → its text and files, or why it could not be read */
  base?: BaseState | { key: string; reason: string };
  /** the working-tree files the last run read the model with */
  companions: ReadonlySet<string>;
  last?: ModelDocumentAnalysis;
}

export class ModelDiagnostics {
  private readonly states = new Map<string, ModelState>();

  constructor(private readonly ctx: () => ServerContext) {}

  /**
   * true for the documents this handler takes off the SQL path: every .prisma, .ts and .go document
   * the client sends. Which of them are models is the project's decision (see `run`): a file that
   * is not one simply has no finding.
   */
  owns(uri: string): boolean {
    const path = uriToPath(uri);
    return path !== undefined && modelKindByExtension(path) !== undefined;
  }

  /** the document changed: check it again, and the open models that are read with it */
  schedule(uri: string): void {
    this.scheduleOne(uri);
    this.scheduleDependents(uri);
  }

  private scheduleOne(uri: string): void {
    const state = this.state(uri);
    state.ticket++;
    const ticket = state.ticket;
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.run(uri, ticket).catch((err: unknown) => this.ctx().connection.console.error(`lockstep: model analysis of ${uri} failed: ${String(err)}`));
    }, DEBOUNCE_MS);
  }

  /** a save often follows a commit or a checkout: read the base again */
  saved(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    state.base = undefined;
    this.schedule(uri);
  }

  forget(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(uri);
    void this.ctx().connection.sendDiagnostics({ uri, diagnostics: [] });
    // its unsaved text is gone: the models read with it read the disk again
    this.scheduleDependents(uri);
  }

  /** the open models whose last run read `uri`'s file (one Set lookup per open model) */
  private scheduleDependents(uri: string): void {
    const path = uriToPath(uri);
    if (path === undefined) return;
    for (const [other, state] of this.states) if (other !== uri && state.companions.has(path)) this.scheduleOne(other);
  }

  last(uri: string): ModelDocumentAnalysis | undefined {
    return this.states.get(uri)?.last;
  }

  private state(uri: string): ModelState {
    let state = this.states.get(uri);
    if (!state) {
      state = { ticket: 0, companions: new Set() };
      this.states.set(uri, state);
    }
    return state;
  }

  private async run(uri: string, ticket: number): Promise<void> {
    const ctx = this.ctx();
    const doc = ctx.documents.get(uri);
    const state = this.states.get(uri);
    const path = uriToPath(uri);
    if (!doc || !state || !path) return;
    const version = doc.version;
    const settings = await ctx.settings.get(uri);
    const stale = () => state.ticket !== ticket || this.states.get(uri) !== state || ctx.documents.get(uri)?.version !== version;
    if (stale()) return;
    const text = doc.getText();
    if (refusal(text, settings.maxFileSize)) {
      ctx.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    // a TypeORM migration class: the SQL of its up() queries, linted in place (no fixes: their SQL
    // edits are not written for a string inside TypeScript)
    const migrationSql = path.endsWith('.ts') ? typeormMigrationSql(text) : undefined;
    if (migrationSql !== undefined) {
      const relPath = settings.project.rel(path);
      const analysis = analyzeFile(relPath, migrationSql, { target: settings.target, rules: settings.rules, settings: settings.ruleSettings });
      if (stale()) return;
      const findings = analysis.findings.map((f) => ({ ...f, fixes: undefined }));
      state.last = { version, findings, settings };
      ctx.connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(doc, f, relPath, settings, () => undefined, ctx.analyses.docsUrl)) });
      return;
    }
    // the CLI's rule: the config's `orm.models` globs when it has any, else the ORM naming conventions
    if (!isModelFile(path, settings.root, settings.project.config.orm.models)) {
      state.last = { version, findings: [], settings };
      ctx.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const orm = settings.project.config.orm;
    const rev = orm.base;
    const key = JSON.stringify([rev, settings.root, orm.models]);
    if (!state.base || state.base.key !== key) {
      const reader = new GitBaseReader(rev);
      const read = reader.read(path);
      // a TypeORM entity is read with the project's other entity files: found once per base read
      const otherModels = modelKind(path) === 'typeorm' ? discoverModelFiles(ctx.host, [settings.root], settings.root, orm.models) : [];
      state.base = read.ok ? { key, text: read.text, reader, otherModels } : { key, reason: read.reason };
    }
    if ('reason' in state.base) {
      // not in a git work tree, or no such base: nothing to compare with, so nothing to say
      ctx.connection.console.info(`lockstep: ${path} is not checked against a git base: ${state.base.reason}`);
      state.last = { version, findings: [], settings };
      ctx.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    // the Go grammar is WebAssembly: loaded on the first Go model, then shared
    const shared: ModelParsers = { ...(path.endsWith('.go') ? { go: await loadGoParser() } : {}), typeorm: { naming: orm.typeorm.naming } };
    if (stale()) return;
    const base = state.base;
    const relPath = settings.project.rel(path);
    // the working tree's side: open documents over the disk (the host caches disk reads until a file event)
    const working = modelCompanions(path, text, hostSource(ctx.host), base.otherModels);
    state.companions = new Set(working.paths);
    const options: ModelAnalyzeOptions = { target: settings.target, rules: settings.rules, settings: settings.ruleSettings, parsers: parsersWith(path, working, shared) };
    // the base model is parsed and replayed once per base, not on every keystroke; with the base's own files
    const preparedFor = `${settings.target.label}\u0000${relPath}\u0000${orm.typeorm.naming}`;
    if (!base.prepared || base.preparedFor !== preparedFor) {
      const based = base.text === undefined ? working : modelCompanions(path, base.text, base.reader, base.otherModels);
      base.prepared = modelBase(relPath, base.text, { ...options, baseParsers: parsersWith(path, based, shared) });
      base.preparedFor = preparedFor;
    }
    const prepared = base.prepared;
    const analysis = analyzeModelChange(relPath, prepared, text, options);
    if (stale()) return;
    const findings = analysis?.findings ?? [];
    state.last = { version, findings, settings, inputs: { base: prepared, options } };
    const diagnostics = findings.map((f) => toDiagnostic(doc, f, relPath, settings, () => undefined, ctx.analyses.docsUrl));
    ctx.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}

/**
 * Keeps model documents off the SQL analysis: hovers, lenses and other requests on a model file
 * ask `analyses.current()`, which would otherwise analyze the model as SQL and publish that over
 * the model's diagnostics. A re-analysis of every document (the config changed) runs the model
 * diff again instead: `orm.models` or `orm.base` may have changed.
 */
export function keepModelsOffSqlPath(analyses: AnalysisStore, models: ModelDiagnostics): void {
  const schedule = analyses.schedule.bind(analyses);
  const current = analyses.current.bind(analyses);
  analyses.schedule = (uri, delayMs) => (models.owns(uri) ? models.schedule(uri) : schedule(uri, delayMs));
  analyses.current = (uri, timeoutMs) => (models.owns(uri) ? Promise.resolve(undefined) : current(uri, timeoutMs));
}
