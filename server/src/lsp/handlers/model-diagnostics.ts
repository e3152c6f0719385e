// Diagnostics for ORM model files (schema.prisma, TypeORM entities, GORM structs): the open document against its text at the git
// base (the config's `orm.base`, default HEAD), checked by the engine's model diff. The base text
// is read once per document (one `git show`) and kept until the document closes or is saved.
import { analyzeFile, analyzeModelChange, type Finding, isModelFile, modelBase, type ModelBase, modelKindByExtension, typeormMigrationSql } from '../../engine';
import { textAtGitBase } from '../../common/git-base';
import { loadGoParser } from '../../common/go-parser';
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
}

interface ModelState {
  timer?: NodeJS.Timeout;
  ticket: number;
  /** base → its text (undefined text: the file is new at the base), or why it could not be read */
  base?: { rev: string; text: string | undefined; prepared?: ModelBase } | { rev: string; reason: string };
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

  schedule(uri: string): void {
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
  }

  last(uri: string): ModelDocumentAnalysis | undefined {
    return this.states.get(uri)?.last;
  }

  private state(uri: string): ModelState {
    let state = this.states.get(uri);
    if (!state) {
      state = { ticket: 0 };
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
    const rev = settings.project.config.orm.base;
    if (!state.base || state.base.rev !== rev) {
      const read = textAtGitBase(path, rev);
      state.base = read.ok ? { rev, text: read.text } : { rev, reason: read.reason };
    }
    if ('reason' in state.base) {
      // not in a git work tree, or no such base: nothing to compare with, so nothing to say
      ctx.connection.console.info(`lockstep: ${path} is not checked against a git base: ${state.base.reason}`);
      state.last = { version, findings: [], settings };
      ctx.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    // the Go grammar is WebAssembly: loaded on the first Go model, then shared
    const parsers = path.endsWith('.go') ? { go: await loadGoParser() } : {};
    if (stale()) return;
    const relPath = settings.project.rel(path);
    const options = { target: settings.target, rules: settings.rules, settings: settings.ruleSettings, parsers };
    // the base model is parsed and replayed once per base, not on every keystroke
    if (state.base.prepared?.target !== settings.target.label || state.base.prepared.path !== relPath) state.base.prepared = modelBase(relPath, state.base.text, options);
    const analysis = analyzeModelChange(relPath, state.base.prepared, text, options);
    if (stale()) return;
    const findings = analysis?.findings ?? [];
    state.last = { version, findings, settings };
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
