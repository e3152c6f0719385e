// Diagnostics: analyzes open documents (debounced, cancelling stale runs, incrementally) and
// publishes the findings. Each document keeps its last analysis for hover, code lens, explain and
// the quick fixes: a diagnostic carries only its rule id (`data`), and code-actions.ts finds the
// finding's fixes in that analysis, so a publish stays small however many fixes the file has.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeFile, type AnalysisRequest, type Finding, type IncrementalAnalysis, IncrementalAnalyzer, type Severity, UNUSED_IGNORE } from '../../engine';
import type { ServerContext } from '../context';
import { indexText, spanToRange, type PositionIndex } from '../convert';
import { ruleDocsUrl } from '../../common/rule-docs';
import { FILE_TIME_BUDGET_MS, refusal } from '../limits';
import type { CompactDiagnosticData } from '../protocol';
import { pathToUri, uriToPath } from '../uri';
import { movedDiagnostics, type LastPublish } from '../moved-diagnostics';
import type { EffectiveSettings } from './configuration';

/** delay before analysis starts after an edit made while another was pending or running; edits arriving meanwhile are coalesced */
const DEBOUNCE_MS = 10;
/** later migrations of the same set wait a little longer after an earlier one changed */
const DEPENDENT_DELAY_MS = 150;
/**
 * A document's first analysis up to this size runs the batch analyzer (what the CLI runs, with the
 * same results): the incremental one spends about twice as long filling its caches. Those are then
 * filled in the background, so the first keystroke finds them (an edit before that cancels it).
 */
const BATCH_FIRST_ANALYSIS_MAX_CHARS = 300_000;

export interface DocumentAnalysis {
  version: number;
  /** the document text that was analyzed */
  text: string;
  analysis: IncrementalAnalysis;
  settings: EffectiveSettings;
  /** the version of the schema context it was analyzed with (`FileContext.version`; 'empty' outside a migration chain) */
  catalogVersion: string;
  /** absolute paths of the migrations replayed before this file */
  earlier: string[];
}

interface DocumentState {
  analyzer: IncrementalAnalyzer;
  /** bumped by every schedule: a run whose ticket is older is stale */
  ticket: number;
  timer?: NodeJS.Timeout;
  /** an analysis is under way (it stops at its next slice when a newer edit arrives) */
  running: boolean;
  last?: DocumentAnalysis;
  waiters: (() => void)[];
  diagnostics?: DiagnosticCache;
  /** the incremental analyzer has run (or is running) on this document */
  warmed?: boolean;
}

/**
 * The diagnostics of the last publish, per finding object. The incremental analysis hands out the
 * same finding objects while their statement stays in place; such a finding's diagnostic is reused
 * when the text up to its last offset did not change since that publish (same lines and columns).
 */
interface DiagnosticCache {
  docsBase: string | undefined;
  relPath: string;
  publish: number;
  byFinding: WeakMap<Finding, { diagnostic: Diagnostic; publish: number }>;
  /** what the last publish showed, for the findings an edit only moved */
  last?: LastPublish;
}

export class AnalysisStore {
  private readonly states = new Map<string, DocumentState>();
  /** docs URL per docs base and rule: building one joins and resolves paths, for every diagnostic of every publish */
  private readonly docsUrls = new Map<string, string>();

  readonly docsUrl: DocsUrlOf = (rule, docsBase) => {
    const key = `${docsBase ?? ''}\0${rule}`;
    let url = this.docsUrls.get(key);
    if (url === undefined) {
      url = ruleDocsUrl(rule, docsBase);
      this.docsUrls.set(key, url);
    }
    return url;
  };

  constructor(private readonly ctx: () => ServerContext) {}

  /** analyze soon: at once when the document is idle (leading edge), else after the debounce */
  schedule(uri: string, delayMs?: number): void {
    const state = this.state(uri);
    const busy = state.timer !== undefined || state.running;
    state.ticket++;
    if (state.timer) clearTimeout(state.timer);
    const ticket = state.ticket;
    state.timer = setTimeout(
      () => {
        state.timer = undefined;
        state.running = true;
        void this.run(uri, ticket)
          .catch((err: unknown) => this.ctx().connection.console.error(`lockstep: analysis of ${uri} failed: ${String(err)}`))
          .finally(() => {
            if (state.ticket === ticket) state.running = false;
          });
      },
      delayMs ?? (busy ? DEBOUNCE_MS : 0),
    );
  }

  reanalyzeAll(): void {
    for (const doc of this.ctx().documents.all()) this.schedule(doc.uri);
  }

  /** after a migration changed on disk: every analyzed document (those whose schema did not change reuse their analysis) */
  reanalyzeMigrations(): void {
    for (const [uri, state] of this.states) if (state.last) this.schedule(uri, DEPENDENT_DELAY_MS);
  }

  forget(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(uri);
    void this.ctx().connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  last(uri: string): DocumentAnalysis | undefined {
    return this.states.get(uri)?.last;
  }

  /** the analysis of the document's current version (waits for it up to `timeoutMs`) */
  async current(uri: string, timeoutMs = 5000): Promise<DocumentAnalysis | undefined> {
    const doc = this.ctx().documents.get(uri);
    if (!doc) return undefined;
    const state = this.state(uri);
    if (state.last?.version === doc.version) return state.last;
    if (!state.timer && state.last === undefined) this.schedule(uri, 0);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      state.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    return state.last;
  }

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { analyzer: new IncrementalAnalyzer(), ticket: 0, running: false, waiters: [] };
      this.states.set(uri, state);
    }
    return state;
  }

  private async run(uri: string, ticket: number): Promise<void> {
    const ctx = this.ctx();
    const doc = ctx.documents.get(uri);
    const state = this.states.get(uri);
    if (!doc || !state) return;
    const version = doc.version;
    const stale = (): boolean => state.ticket !== ticket || ctx.documents.get(uri)?.version !== version || this.states.get(uri) !== state;
    const settings = await ctx.settings.get(uri);
    const text = doc.getText();

    const refused = refusal(text, settings.maxFileSize);
    if (refused) {
      if (stale()) return;
      ctx.connection.sendDiagnostics({ uri, version, diagnostics: [refusalDiagnostic(refused)] });
      this.settle(state);
      return;
    }

    const path = uriToPath(uri);
    const project = settings.project;
    // the same project model as `lockstep lint`: the schema before this file, its release's new tables
    const context = path && project.isMigration(path) ? project.fileContext(path, false) : undefined;
    if (stale()) return;
    const relPath = path ? project.rel(path) : uri;
    const request: AnalysisRequest = {
      path: relPath,
      // like the CLI: only the up sections of a migration (the rest blanked, offsets kept)
      text: context ? project.analyzedText(text, context) : text,
      options: { target: settings.target, catalog: context?.catalog, newTables: context?.newTables, rules: settings.rules, settings: settings.ruleSettings },
      catalogVersion: context?.version ?? 'empty',
      isCancelled: stale,
      budgetMs: FILE_TIME_BUDGET_MS,
    };
    const analysis = !state.warmed && request.text.length <= BATCH_FIRST_ANALYSIS_MAX_CHARS ? this.firstAnalysis(state, request) : await state.analyzer.analyze(request);
    state.warmed = true;
    if (!analysis || stale()) return;

    const previous = state.last;
    state.last = { version, text, analysis, settings, catalogVersion: context?.version ?? 'empty', earlier: context?.earlier ?? [] };
    const otherFiles = new Map<string, PositionIndex | undefined>();
    const indexOf = (abs: string, uri: string): PositionIndex | undefined => {
      if (!otherFiles.has(abs)) otherFiles.set(abs, positionIndexOf(abs, uri, ctx));
      return otherFiles.get(abs);
    };
    const diagnostics = this.diagnosticsOf(state, previous?.text, text, analysis.findings, (f) => toDiagnostic(doc, f, relPath, settings, indexOf, this.docsUrl), settings.docsBase, relPath);
    if (!analysis.complete) diagnostics.push(budgetDiagnostic(doc, analysis));
    ctx.connection.sendDiagnostics({ uri, version, diagnostics });
    this.settle(state);
    if (path && context?.isMigration && previous?.text !== text) this.scheduleLaterMigrations(path);
  }

  /** the batch analysis of a document's first version; the incremental caches fill in the background */
  private firstAnalysis(state: DocumentState, request: AnalysisRequest): IncrementalAnalysis {
    const started = performance.now();
    const batch = analyzeFile(request.path, request.text, request.options);
    const analysis: IncrementalAnalysis = { ...batch, complete: true, reusedStatements: 0, analyzedStatements: batch.statements.length, workMs: performance.now() - started };
    setImmediate(() => {
      if (request.isCancelled?.()) return;
      state.analyzer
        .analyze(request)
        .then((warm) => {
          // the same results (the analyzers agree): keep one copy of them in memory
          if (warm?.complete && !request.isCancelled?.() && state.last?.analysis === analysis) state.last = { ...state.last, analysis: warm };
        })
        .catch((err: unknown) => this.ctx().connection.console.error(`lockstep: background analysis of ${request.path} failed: ${String(err)}`));
    });
    return analysis;
  }

  private diagnosticsOf(
    state: DocumentState,
    previousText: string | undefined,
    text: string,
    findings: readonly Finding[],
    convert: (f: Finding) => Diagnostic,
    docsBase: string | undefined,
    relPath: string,
  ): Diagnostic[] {
    let cache = state.diagnostics;
    if (!cache || cache.docsBase !== docsBase || cache.relPath !== relPath) cache = state.diagnostics = { docsBase, relPath, publish: 0, byFinding: new WeakMap() };
    const unchangedUpTo = previousText === undefined ? 0 : commonPrefixLength(previousText, text);
    const previousPublish = cache.publish;
    const publish = ++cache.publish;
    const byFinding = cache.byFinding;
    const last = cache.last;
    const moved = previousText !== undefined && last?.text === previousText ? movedDiagnostics(last, text, unchangedUpTo, findings, relPath) : undefined;
    const diagnostics = findings.map((f) => {
      const end = lastOffsetHere(f, relPath);
      const hit = byFinding.get(f);
      if (hit && hit.publish === previousPublish && end !== undefined && end <= unchangedUpTo) {
        hit.publish = publish;
        return hit.diagnostic;
      }
      const diagnostic = moved?.get(f) ?? convert(f);
      if (end !== undefined) byFinding.set(f, { diagnostic, publish });
      return diagnostic;
    });
    cache.last = { text, findings, diagnostics: [...diagnostics] };
    return diagnostics;
  }

  private settle(state: DocumentState): void {
    const waiters = state.waiters.splice(0);
    for (const w of waiters) w();
  }

  /** open documents that replay `path` before themselves see its new content */
  private scheduleLaterMigrations(path: string): void {
    for (const [uri, state] of this.states) {
      if (state.last?.earlier.includes(path)) this.schedule(uri, DEPENDENT_DELAY_MS);
    }
  }
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

type OtherFileIndex = (abs: string, uri: string) => PositionIndex | undefined;
type DocsUrlOf = (rule: string, docsBase: string | undefined) => string;

export function toDiagnostic(doc: TextDocument, finding: Finding, relPath: string, settings: EffectiveSettings, indexOf: OtherFileIndex, docsUrlOf: DocsUrlOf): Diagnostic {
  const docsUrl = docsUrlOf(finding.rule, settings.docsBase);
  const data: CompactDiagnosticData = { rule: finding.rule };
  const diagnostic: Diagnostic = {
    range: spanToRange(doc, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: docsUrl },
    source: 'lockstep',
    message: finding.help ? `${finding.message}\n${finding.help}` : finding.message,
    data,
  };
  if (finding.rule === UNUSED_IGNORE) diagnostic.tags = [DiagnosticTag.Unnecessary];
  const related = relatedInformation(doc, finding, relPath, settings, indexOf);
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

function relatedInformation(doc: TextDocument, finding: Finding, relPath: string, settings: EffectiveSettings, indexOf: OtherFileIndex): DiagnosticRelatedInformation[] {
  return (finding.related ?? []).map((r) => {
    if (r.path === undefined || r.path === relPath) {
      return { location: { uri: doc.uri, range: spanToRange(doc, r.span ?? finding.span) }, message: r.message };
    }
    const abs = join(settings.root, r.path);
    const uri = pathToUri(abs);
    const index = r.span ? indexOf(abs, uri) : undefined;
    const range = r.span && index ? spanToRange(index, r.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { location: { uri, range }, message: r.message };
  });
}

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** the last offset of this file the finding's diagnostic shows; undefined when it points into another file */
function lastOffsetHere(f: Finding, relPath: string): number | undefined {
  let end = f.span.end;
  for (const r of f.related ?? []) {
    if (r.path !== undefined && r.path !== relPath) return undefined;
    if (r.span) end = Math.max(end, r.span.end);
  }
  return end;
}

function positionIndexOf(abs: string, uri: string, ctx: ServerContext): PositionIndex | undefined {
  const open = ctx.documents.all().find((d) => d.uri === uri || uriToPath(d.uri) === abs);
  if (open) return open;
  try {
    return indexText(readFileSync(abs, 'utf8'));
  } catch {
    return undefined;
  }
}

function refusalDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'not-analyzed',
    source: 'lockstep',
    message,
  };
}

function budgetDiagnostic(doc: TextDocument, analysis: IncrementalAnalysis): Diagnostic {
  const last = analysis.statements[analysis.statements.length - 1]?.statement.span.end ?? 0;
  const at = doc.positionAt(last);
  return {
    range: { start: at, end: at },
    severity: DiagnosticSeverity.Information,
    code: 'not-analyzed',
    source: 'lockstep',
    message: `Lockstep stopped analyzing this file after ${analysis.statements.length} statements: it took longer than ${FILE_TIME_BUDGET_MS / 1000} s. The statements after this point were not checked.`,
  };
}
