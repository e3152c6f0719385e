// Incremental analysis of one document. Produces what the engine's `analyzeFile` produces (a test
// holds the two equal) but reuses work across edits:
// - parse results per chunk of text (chunks.ts), keyed by the chunk's text;
// - per statement, the prediction and the findings of every rule that only looked at the statement,
//   the session and catalog tables: reused when the statement text and session are unchanged and
//   each table it read has the same version (a hash chain of the texts of the statements that
//   touched it); for rules that read the file text, also the statement's line number and the rest
//   of its lines. Rules that read the other statements, or whose findings point elsewhere in the
//   file, re-run every time, unless the rule declares what it read there (`Rule.dependency`): its
//   findings are then reused while that string is unchanged. (The rule-fixture equivalence test
//   holds rules to this: a rule that reads text beyond its statement's lines must go through
//   `ctx.statements`.) A text that occurs several times is cached per occurrence;
// - per statement, the table definitions its replay left, with their spans pointing at the
//   statement's own (span-links.ts): while the tables it touched have the same versions, setting
//   them replaces replaying it, wherever an edit moved it.
// The work yields to the event loop between slices so a newer edit can cancel it.
import { lineOf, lineStartsOf } from '../text/lines';
import { DEFAULT_SETTINGS, noteNewTables, type AnalyzeOptions, type FileAnalysis, type StatementResult } from '../analyze';
import { applyStatement, emptyCatalog } from '../catalog/apply';
import { predict } from '../kb/predict';
import { parseFile } from '../parse';
import { rules } from '../rules';
import type { Catalog, Finding, Prediction, SessionState, Span, Statement, TableDef } from '../types';
import { applySeverityOverrides, checkRule, internalErrorFinding, noteSchemaSources, unparsedStatementFinding } from '../findings';
import type { ReportInput, RuleContext, RuleSettings } from '../rules/rule';
import { initialSession, nextSession } from '../session';
import { applyDirectives, findDirectives } from '../suppress';
import { ChunkPlanner, type Chunk } from './chunks';
import { hashNumber, hashText, mixHashes } from './hash';
import { moveStatements, remapFinding, shiftFinding, shiftStatement, spansOf } from './shift';
import { newAccessLog, TrackedTables } from './tracked-tables';
import { linkSpans, membersOf, objectsOf } from './span-links';
import { editWindow, movePosition, type EditWindow } from './edit-window';
import { carryOverStatementsByTable, namedTables } from '../rules/util/statements-by-table';

export interface AnalysisRequest {
  /** relative path (as the engine reports it) */
  path: string;
  text: string;
  options: AnalyzeOptions;
  /** changes whenever `options.catalog` changes content */
  catalogVersion: string;
  isCancelled?: () => boolean;
  /** stop analyzing after this much work (ms); the result is then marked incomplete */
  budgetMs?: number;
  /** yield to the event loop after this much uninterrupted work (ms) */
  sliceMs?: number;
}

export interface IncrementalAnalysis extends FileAnalysis {
  /** false when the time budget ran out before the last statement */
  complete: boolean;
  reusedStatements: number;
  analyzedStatements: number;
  /** work time, without the time spent yielding */
  workMs: number;
}

interface ParsedChunk {
  /** placed where the chunk was last used: spans moved by `origin`, indexes by `indexBase` */
  statements: Statement[];
  /** every span object inside `statements`, to move them without walking the trees */
  spans: Span[];
  /** memo keys of its statements, and their hashes */
  keys: string[];
  keyHashes: number[];
  origin: number;
  indexBase: number;
  placedRun: number;
  lastRun: number;
}

interface MemoEntry {
  tables: string[];
  tableVersions: number[];
  allVersion?: number;
  newTableNames: string[];
  newTableValues: boolean[];
  session: string;
  /** set when a rule read the file text: the statement's line number and the rest of its lines */
  surroundings?: string;
  prediction: Prediction | null;
  /** findings stored relative to the statement start */
  predictError?: Finding;
  /** the cached findings of every rule, in rule order, and the rules that must re-run */
  flat: Finding[];
  /** rules that read the other statements, cached while their declared dependency is unchanged */
  dependent: DependentFindings[];
  /** `flat` as last placed (at `placed.start`, statement index `placed.index`): reused while the statement stays there */
  placed?: PlacedFindings;
  rerun: number[];
  lastRun: number;
}

/** which tables replaying a statement touched, valid while they have these versions */
interface ApplyEntry {
  tables: string[];
  tableVersions: number[];
  allVersion?: number;
  lastRun: number;
  /** the definitions of `tables` right after the statement, when it was at `start` in run `run` */
  after?: AfterState;
}

interface AfterState {
  start: number;
  run: number;
  /** the statement object replayed: free definitions link to its spans, which move with it */
  statement: Statement;
  /** every span in `defs` moves with its statement (span-links.ts): valid wherever the statements moved */
  free: boolean;
  /** aligned with the entry's `tables`; undefined: the table does not exist after the statement */
  defs: (TableDef | undefined)[];
}

/** one rule's findings on a statement, valid while `rule.dependency` gives `key` (rules/rule.ts) */
interface DependentFindings {
  rule: number;
  /** undefined: the dependency could not be computed, re-run every time */
  key: string | undefined;
  /** stored relative to the statement start */
  findings: Finding[];
  placed?: PlacedFindings;
  /** the run that last used the findings, and the statement's start then */
  seen?: { run: number; start: number };
}

/** a dependency that matches no rule's output: set when findings were moved instead of recomputed */
const MOVED_KEY = '\0moved';

interface PlacedFindings {
  start: number;
  index: number;
  path: string;
  findings: Finding[];
}

const MAX_ENTRIES_PER_STATEMENT = 4;
const SWEEP_EVERY = 4;

/**
 * The catalog replay, run lazily per table. A statement whose replay is known (same text, same
 * versions of the tables it touches) is only recorded as pending; when some table is read at
 * statement i, the pending statements before i that touch it — and, transitively, what those
 * touch — are replayed first, in order. So an edit replays only the statements that feed the
 * tables the changed statements look at, not the whole file.
 */
class LazyReplay {
  private readonly pending: boolean[] = [];
  private readonly touched: (readonly string[] | 'all')[] = [];
  /** per table, the deferred statements that touch it; and those that touch every table; and all of them */
  private readonly byTable = new Map<string, IndexList>();
  private readonly allTouchers: IndexList = { items: [], cursor: 0 };
  private readonly deferred: IndexList = { items: [], cursor: 0 };
  /** what each deferred statement's replay records its after-state into */
  private readonly entries: (ApplyEntry | undefined)[] = [];
  private pendingCount = 0;
  /** statements before this index were processed by the main loop */
  private processed = 0;
  /** the statement being replayed (accesses during it need state before it) */
  private current: number | undefined;

  constructor(
    readonly statements: readonly Statement[],
    readonly catalog: TrackedTablesCatalog,
    readonly path: string,
    /** records the definitions statement `j` left, given those it found */
    private readonly capture: (j: number, entry: ApplyEntry, before: (TableDef | undefined)[]) => void,
  ) {}

  /** nothing is waiting to be replayed: the catalog is exactly the state after the last processed statement */
  idle(): boolean {
    return this.pendingCount === 0;
  }

  /** statement `index` will be replayed later, if ever needed; it touches `tables` */
  defer(index: number, tables: readonly string[], all: boolean, entry?: ApplyEntry): void {
    this.entries[index] = entry;
    this.pending[index] = true;
    this.pendingCount++;
    this.touched[index] = all ? 'all' : tables;
    // indexes only grow: every list stays ascending
    this.deferred.items.push(index);
    if (all) this.allTouchers.items.push(index);
    else for (const t of tables) this.listOf(t).items.push(index);
    this.processed = index + 1;
  }

  /** statement `index` was replayed by the caller */
  applied(index: number): void {
    this.processed = index + 1;
  }

  /** called before any access to `table` (undefined: the whole catalog) */
  beforeAccess(table: string | undefined): void {
    if (this.pendingCount === 0) return;
    const bound = this.current ?? this.processed;
    if (table === undefined) {
      const all: number[] = [];
      this.pendingBefore(this.deferred, bound, (j) => all.push(j));
      if (all.length > 0) this.replay(all);
      return;
    }
    // the pending statements before `bound` that touch the table and, transitively, what those touch
    const marked = new Set<number>();
    const tables: (string | undefined)[] = [table];
    const limits: number[] = [bound];
    const visit = (j: number): void => {
      if (marked.has(j)) return;
      marked.add(j);
      const touched = this.touched[j];
      if (touched === 'all') {
        tables.push(undefined);
        limits.push(j);
      } else {
        for (const u of touched) {
          tables.push(u);
          limits.push(j);
        }
      }
    };
    while (tables.length > 0) {
      const t = tables.pop();
      const limit = limits.pop() as number;
      if (t === undefined) {
        this.pendingBefore(this.deferred, limit, visit);
        continue;
      }
      const list = this.byTable.get(t);
      if (list) this.pendingBefore(list, limit, visit);
      this.pendingBefore(this.allTouchers, limit, visit);
    }
    if (marked.size > 0) this.replay([...marked].sort((x, y) => x - y));
  }

  /** everything pending */
  finish(): void {
    const all: number[] = [];
    this.pendingBefore(this.deferred, Number.POSITIVE_INFINITY, (j) => all.push(j));
    if (all.length > 0) this.replay(all);
  }

  /**
   * Calls `found` for the list's pending statements before `limit`, in order. Replayed statements
   * at the front of the list are skipped for good, so repeated accesses do not rescan them.
   */
  private pendingBefore(list: IndexList, limit: number, found: (j: number) => void): void {
    const { items } = list;
    while (list.cursor < items.length && !this.pending[items[list.cursor]]) list.cursor++;
    for (let k = list.cursor; k < items.length && items[k] < limit; k++) {
      if (this.pending[items[k]]) found(items[k]);
    }
  }

  private replay(indexes: readonly number[]): void {
    const outer = this.current;
    for (const j of indexes) {
      if (!this.pending[j]) continue;
      this.pending[j] = false;
      this.pendingCount--;
      this.current = j;
      // a replay is not a read of the statement being checked: keep it out of that statement's log
      const log = this.catalog.tables.record(undefined);
      try {
        const entry = this.entries[j];
        const before = entry ? entry.tables.map((t) => this.catalog.tables.peek(t)) : [];
        applyStatement(this.catalog, this.statements[j], this.path);
        if (entry) this.capture(j, entry, before);
      } catch {
        // cannot happen: only statements whose replay succeeded on the same input are deferred
      }
      this.catalog.tables.record(log);
    }
    this.current = outer;
  }

  private listOf(table: string): IndexList {
    let list = this.byTable.get(table);
    if (!list) {
      list = { items: [], cursor: 0 };
      this.byTable.set(table, list);
    }
    return list;
  }
}

/** statement indexes in ascending order; those before `cursor` were all replayed */
interface Moves {
  window: EditWindow;
  /** lower-cased tables named or touched by the changed statements, old and new */
  changedTables: Set<string>;
  /** a changed statement touched every table */
  everything: boolean;
  noteTouched(touched: readonly string[] | 'all'): void;
}

interface IndexList {
  items: number[];
  cursor: number;
}

export class IncrementalAnalyzer {
  private readonly planner = new ChunkPlanner();
  private readonly chunkCache = new Map<string, ParsedChunk>();
  private readonly memo = new Map<string, MemoEntry[]>();
  private readonly applyMemo = new Map<string, ApplyEntry[]>();
  private optionsKey = '';
  private runCount = 0;
  private previousText: string | undefined;
  private previousPath: string | undefined;
  /** the memo keys and statements of the last run that went through every statement */
  private previousKeys: string[] | undefined;
  private previousStatements: Statement[] = [];
  private lastCompleteRun = -1;
  /** catalog definitions holding a span that does not move with its statement */
  private readonly boundDefs = new WeakSet<TableDef>();
  private readonly sessionKeys = new Map<string, string>();

  async analyze(request: AnalysisRequest): Promise<IncrementalAnalysis | undefined> {
    const run = ++this.runCount;
    const clock = new WorkClock(request.sliceMs ?? 15);
    const { path, text, options } = request;
    this.resetWhenOptionsChange(options);
    // the text before the first change since the last run: statements in it did not move
    const previousText = this.previousPath === path ? this.previousText : undefined;
    const unchangedUpTo = previousText === undefined ? 0 : commonPrefixLength(previousText, text);
    // findings of whole-file rules may be moved from the last run only when it went through every statement
    const previousKeys = this.lastCompleteRun === run - 1 ? this.previousKeys : undefined;
    this.previousText = text;
    this.previousPath = path;
    this.previousKeys = undefined;

    // 1. statements, parsed per chunk
    const statements: Statement[] = [];
    const keys: string[] = [];
    const keyHashes: number[] = [];
    // a text that occurs several times (the same UPDATE in many places) gets one memo key per
    // occurrence: each place has its own session and table versions
    // (and its own parsed statements, so every statement object lives on from run to run)
    const occurrences = new Map<string, number>();
    /** per statement, the span objects of its chunk (what its catalog changes link to) */
    const ownSpans: Span[][] = [];
    for (const chunk of this.planner.plan(text, options.target)) {
      if (clock.sliceUsed() && (await clock.yield(), request.isCancelled?.())) return undefined;
      const occurrence = occurrences.get(chunk.input) ?? 0;
      occurrences.set(chunk.input, occurrence + 1);
      const parsed = this.parseChunk(chunk, occurrence, options, run);
      const placed = placedStatements(parsed, chunk.start - chunk.offset, statements.length, run);
      const copied = placed !== parsed.statements;
      for (let i = 0; i < placed.length; i++) {
        statements.push(placed[i]);
        keys.push(occurrence === 0 ? parsed.keys[i] : `${parsed.keys[i]}#${occurrence}`);
        keyHashes.push(occurrence === 0 ? parsed.keyHashes[i] : mixHashes(parsed.keyHashes[i], occurrence));
        // copies live one run only: nothing to link to
        ownSpans.push(copied ? [] : parsed.spans);
      }
    }

    const window = previousText !== undefined && previousKeys !== undefined ? editWindow(previousText, text, unchangedUpTo, previousKeys, keys) : undefined;
    // the rules' per-table view of the statement list follows the replaced statements
    if (window) carryOverStatementsByTable(this.previousStatements, statements, window.first, window.endOld, window.endNew);
    const moves = window && previousKeys ? this.movesSince(window, previousKeys, statements) : undefined;

    // 2. predictions, rules and catalog replay, statement by statement
    // a shallow copy: the catalog replaces a changed table definition instead of mutating it
    const tables = new TrackedTables((options.catalog ?? emptyCatalog()).tables);
    const catalog: TrackedTablesCatalog = { tables };
    const replay = new LazyReplay(statements, catalog, path, (j, entry, before) => this.capture(entry, before, tables, statements[j], ownSpans[j], run));
    tables.onAccess((table) => replay.beforeAccess(table));
    const versions = new TableVersions(hashNumber(`${request.catalogVersion}|${this.optionsKey}`));
    const settings: RuleSettings = { ...DEFAULT_SETTINGS, ...options.settings };
    const newTables = new Set<string>([...(options.newTables ?? [])].map((t) => t.toLowerCase()));
    const file = { path, text };
    const lines = new LineIndex(text);
    const findings: Finding[] = [];
    const results: StatementResult[] = [];
    let session = initialSession();
    let sessionKey = this.sessionKey(session);
    let reused = 0;
    let complete = true;
    const isNewTable = (name: string): boolean => newTables.has(name.toLowerCase());
    const catalogHere = (): Catalog => catalog;

    for (let i = 0; i < statements.length; i++) {
      if (clock.sliceUsed()) {
        await clock.yield();
        if (request.isCancelled?.()) return undefined;
      }
      // the budget is checked every 16th statement, like the slice (clock reads add up over a big file)
      if (request.budgetMs !== undefined && (i & 15) === 0 && clock.workMs() > request.budgetMs) {
        complete = false;
        break;
      }
      const statement = statements[i];
      const start = statement.span.start;
      const key = keys[i];
      const surroundings = (): string => lines.surroundings(statement.span);
      let entry = this.lookup(key, versions, newTables, sessionKey, lines, statement.span);
      let fresh: Finding[][] | undefined;
      if (entry) {
        reused++;
      } else {
        ({ entry, fresh } = this.check(statement, statements, catalog, tables, isNewTable, versions, sessionKey, session, file, settings, options, surroundings, run));
        this.store(key, entry);
      }
      entry.lastRun = run;
      const memo = entry;

      if (memo.predictError) findings.push(shiftFinding(memo.predictError, start, path, statement.index));
      results.push({ statement, prediction: memo.prediction });
      if (!statement.analyzed) findings.push(unparsedStatementFinding(statement));
      if (fresh) {
        for (const found of fresh) for (const f of found) findings.push(f);
      } else {
        // cached findings before re-run ones: the final sort (offset, then rule) restores analyzeFile's order
        for (const f of placedFindings(memo, memo.flat, start, path, statement.index)) findings.push(f);
        // one context for every dependency of the statement (they never report)
        let keyContext: RuleContext | undefined;
        for (const d of memo.dependent) {
          const rule = rules[d.rule];
          const moved = moves && this.movedFindings(d, moves, statement, path, run);
          if (moved) {
            for (const f of placedFindings(d, moved, start, path, statement.index)) findings.push(f);
            continue;
          }
          d.seen = { run, start };
          keyContext ??= ruleContext(statement, statements, catalogHere, isNewTable, options, memo.prediction, session, file, settings, ignoreReport);
          const key = dependencyOf(rule, keyContext);
          if (key !== undefined && key === d.key) {
            for (const f of placedFindings(d, d.findings, start, path, statement.index)) findings.push(f);
            continue;
          }
          const found: Finding[] = [];
          checkRule(rule, statement, options.rules, (report) => ruleContext(statement, statements, catalogHere, isNewTable, options, memo.prediction, session, file, settings, report), (f) => found.push(f));
          for (const f of found) findings.push(f);
          d.key = key;
          d.findings = found.map((f) => shiftFinding(f, -start, path));
          d.placed = undefined;
        }
        for (const r of memo.rerun) {
          checkRule(
            rules[r],
            statement,
            options.rules,
            (report) => ruleContext(statement, statements, catalogHere, isNewTable, options, memo.prediction, session, file, settings, report),
            (f) => findings.push(f),
          );
        }
      }

      noteNewTables(newTables, statement);
      const touched = this.applyStatement(replay, i, key, keyHashes[i], versions, tables, run, unchangedUpTo, ownSpans[i], (err) => findings.push(internalErrorFinding(statement, 'catalog', err)));
      if (moves && i >= moves.window.first && i < moves.window.endNew) moves.noteTouched(touched);
      const next = nextSession(session, statement);
      if (next !== session) {
        session = next;
        sessionKey = this.sessionKey(session);
      }
    }

    // every few runs: a sweep walks every cache, which costs as much as a quiet edit
    if (run % SWEEP_EVERY === 0) this.sweep(run);
    if (complete) {
      this.previousKeys = keys;
      this.previousStatements = statements;
      this.lastCompleteRun = run;
    }
    // without any directive in the text, suppression keeps every finding: skip its full-text scan
    // statement spans as analyzeFile gives them: a directive above a statement covers all its lines
    const kept = text.includes('lockstep-disable')
      ? applyDirectives(text, findings, findDirectives(text), new Map(statements.map((s) => [s.index, s.span])))
      : findings;
    kept.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
    return {
      path,
      statements: results,
      // as analyzeFile finishes its findings
      findings: noteSchemaSources(applySeverityOverrides(kept, options.rules), statements, options.catalog),
      // the replay of statements whose results were reused is deferred until someone asks
      get catalogAfter() {
        replay.finish();
        return catalog;
      },
      complete,
      reusedStatements: reused,
      analyzedStatements: results.length - reused,
      workMs: clock.workMs(),
    };
  }

  /**
   * Replays the statement into the catalog now, or — when an earlier run applied the same statement
   * to the same versions of the tables it touched — only records which tables it changes and leaves
   * the real replay to whoever needs the catalog later (predictions and rules of a changed statement).
   */
  private applyStatement(replay: LazyReplay, i: number, key: string, keyHash: number, versions: TableVersions, tables: TrackedTables, run: number, unchangedUpTo: number, own: readonly Span[], onError: (err: unknown) => void): readonly string[] | 'all' {
    const known = this.applyMemo.get(key)?.find((e) => (e.allVersion === undefined || e.allVersion === versions.all()) && e.tables.every((t, k) => versions.of(t) === e.tableVersions[k]));
    if (known) {
      known.lastRun = run;
      versions.touchTables(known.tables, known.allVersion !== undefined, keyHash);
      const statement = replay.statements[i];
      const after = known.after;
      // the definitions the statement left last run are exact when their spans move with the
      // statements (or nothing before it moved), and setting them is cheaper than replaying it
      // when a rule enumerates the catalog. Only while nothing is pending, so no later replay
      // overwrites them; only after the last run, whose statements are the objects of this one.
      // free definitions follow their statement object wherever it moved, however many runs ago they were captured
      const exact = after && (after.free ? after.statement === statement : after.run === run - 1 && after.start === statement.span.start && statement.span.end <= unchangedUpTo);
      if (after && exact && replay.idle()) {
        known.tables.forEach((t, k) => {
          const def = after.defs[k];
          if (def) tables.set(t, def);
          else tables.delete(t);
        });
        after.run = run;
        replay.applied(i);
        return known.allVersion !== undefined ? 'all' : known.tables;
      }
      replay.defer(i, known.tables, known.allVersion !== undefined, known);
      return known.allVersion !== undefined ? 'all' : known.tables;
    }
    const log = newAccessLog(true);
    tables.record(log);
    let failed = false;
    try {
      applyStatement(replay.catalog, replay.statements[i], replay.path);
    } catch (err) {
      failed = true;
      onError(err);
      // whatever it changed before failing keeps its copied spans
      for (const t of log.tables) {
        const def = tables.peek(t);
        if (def) this.boundDefs.add(def);
      }
    }
    tables.record(undefined);
    replay.applied(i);
    if (!failed) {
      const touched = [...log.tables];
      const entry: ApplyEntry = { tables: touched, tableVersions: touched.map((t) => versions.of(t)), allVersion: log.all ? versions.all() : undefined, lastRun: run };
      this.capture(entry, touched.map((t) => log.before?.get(t)), tables, replay.statements[i], own, run);
      const entries = this.applyMemo.get(key) ?? [];
      entries.unshift(entry);
      if (entries.length > MAX_ENTRIES_PER_STATEMENT) entries.length = MAX_ENTRIES_PER_STATEMENT;
      this.applyMemo.set(key, entries);
    }
    versions.touchTables(log.tables, log.all, keyHash);
    return failed || log.all ? 'all' : [...log.tables];
  }

  /**
   * What changed since the last complete run, when cached findings of whole-file rules can be
   * moved: the edit adds or removes no line break (messages quote line numbers) and no SET
   * statement changed (later sessions are the same). The tables the changed statements name or
   * touch, before and after the edit, grow as the run replays the new ones.
   */
  private movesSince(window: EditWindow, previousKeys: readonly string[], statements: readonly Statement[]): Moves | undefined {
    if (window.linesChanged) return undefined;
    const changed = new Set<string>();
    const old = this.previousStatements;
    for (const list of [old.slice(window.first, window.endOld), statements.slice(window.first, window.endNew)]) {
      for (const st of list) {
        if (st.kind === 'set') return undefined;
        for (const t of namedTables(st)) changed.add(t);
      }
    }
    for (let i = window.first; i < window.endOld; i++) {
      for (const e of this.applyMemo.get(previousKeys[i]) ?? []) {
        if (e.allVersion !== undefined) return undefined;
        for (const t of e.tables) changed.add(t);
      }
    }
    const moves: Moves = {
      window,
      changedTables: changed,
      everything: false,
      noteTouched(touched) {
        if (touched === 'all') moves.everything = true;
        else for (const t of touched) changed.add(t);
      },
    };
    return moves;
  }

  /**
   * A dependent rule's findings from the last run moved to this one, without running the rule or
   * its dependency: valid when the statement names none of the changed tables (what those rules
   * read elsewhere is about the statement's own tables, so it is the same text, moved by the edit).
   * Undefined: compute them.
   */
  private movedFindings(d: DependentFindings, moves: Moves, statement: Statement, path: string, run: number): Finding[] | undefined {
    const seen = d.seen;
    if (!seen || seen.run !== run - 1 || moves.everything || d.key === undefined) return undefined;
    const { window, changedTables } = moves;
    if (namedTables(statement).some((t) => changedTables.has(t))) return undefined;
    const start = statement.span.start;
    const out: Finding[] = [];
    for (const f of d.findings) {
      const moved = remapFinding(f, path, (p, isEnd) => {
        const now = movePosition(window, p + seen.start, isEnd);
        return now === undefined ? undefined : now - start;
      });
      if (!moved) return undefined;
      out.push(moved);
    }
    d.seen = { run, start };
    if (seen.start !== start || window.delta !== 0) {
      d.findings = out;
      d.placed = undefined;
      d.key = MOVED_KEY;
    }
    return d.findings;
  }

  /**
   * After a statement's replay: links the spans it put into the catalog to its own (so the
   * definitions move with it) and records them as the entry's after-state. A definition holding a
   * span that could not be linked, or derived from one that does, stays bound to its place.
   */
  private capture(entry: ApplyEntry, before: readonly (TableDef | undefined)[], tables: TrackedTables, statement: Statement, own: readonly Span[], run: number): void {
    const defs = entry.tables.map((t) => tables.peek(t));
    // first against what the replay usually shares (the unchanged members); a span it could not
    // link may sit inside a shared member's copy, so only then against every object of `before`
    const free =
      own.length > 0 && !before.some((d) => d !== undefined && this.boundDefs.has(d)) && (linkSpans(defs, membersOf(before), own) || linkSpans(defs, objectsOf(before), own));
    if (!free) for (const d of defs) if (d) this.boundDefs.add(d);
    entry.after = entry.allVersion === undefined ? { start: statement.span.start, run, statement, defs, free } : undefined;
  }

  private resetWhenOptionsChange(options: AnalyzeOptions): void {
    const key = hashText(
      JSON.stringify([options.target.label, options.rules ?? {}, options.settings ?? {}, [...(options.newTables ?? [])].sort()]),
    );
    if (key === this.optionsKey) return;
    this.optionsKey = key;
    this.chunkCache.clear();
    this.memo.clear();
    this.applyMemo.clear();
    this.sessionKeys.clear();
  }

  private parseChunk(chunk: Chunk, occurrence: number, options: AnalyzeOptions, run: number): ParsedChunk {
    const cacheKey = occurrence === 0 ? chunk.input : `${chunk.input}\0${occurrence}`;
    let parsed = this.chunkCache.get(cacheKey);
    if (!parsed) {
      const parsedStatements = chunkStatements(chunk, options);
      const hash = hashText(chunk.input);
      const inputHash = hashNumber(chunk.input);
      // a contextual chunk's statements follow those of the text before it: indexes start there
      const indexBase = parsedStatements[0]?.index ?? 0;
      parsed = { statements: parsedStatements, spans: spansOf(parsedStatements), keys: parsedStatements.map((_, i) => `${hash}:${i}`), keyHashes: parsedStatements.map((_, i) => mixHashes(inputHash, i)), origin: 0, indexBase, placedRun: -1, lastRun: run };
      this.chunkCache.set(cacheKey, parsed);
    }
    parsed.lastRun = run;
    return parsed;
  }

  /** the memo entry of the statement whose reads are all unchanged (plain loops: this runs for every statement of every edit) */
  private lookup(key: string, versions: TableVersions, newTables: ReadonlySet<string>, sessionKey: string, lines: LineIndex, span: Span): MemoEntry | undefined {
    const entries = this.memo.get(key);
    if (!entries) return undefined;
    let surroundings: string | undefined;
    next: for (const e of entries) {
      // session keys are interned: equal keys are the same string
      if (e.session !== sessionKey) continue;
      if (e.allVersion !== undefined && e.allVersion !== versions.all()) continue;
      for (let i = 0; i < e.tables.length; i++) if (versions.of(e.tables[i]) !== e.tableVersions[i]) continue next;
      for (let i = 0; i < e.newTableNames.length; i++) if (newTables.has(e.newTableNames[i].toLowerCase()) !== e.newTableValues[i]) continue next;
      if (e.surroundings !== undefined && e.surroundings !== (surroundings ??= lines.surroundings(span))) continue;
      return e;
    }
    return undefined;
  }

  /** the session's memo key, one string object per distinct session */
  private sessionKey(session: SessionState): string {
    const key = JSON.stringify(session);
    const interned = this.sessionKeys.get(key);
    if (interned !== undefined) return interned;
    this.sessionKeys.set(key, key);
    return key;
  }

  private store(key: string, entry: MemoEntry): void {
    const entries = this.memo.get(key) ?? [];
    entries.unshift(entry);
    if (entries.length > MAX_ENTRIES_PER_STATEMENT) entries.length = MAX_ENTRIES_PER_STATEMENT;
    this.memo.set(key, entries);
  }

  /** runs predict and every rule on one statement, recording what they read */
  private check(
    statement: Statement,
    statements: readonly Statement[],
    catalog: Catalog,
    tables: TrackedTables,
    isNewTable: (n: string) => boolean,
    versions: TableVersions,
    sessionKey: string,
    session: SessionState,
    file: { path: string; text: string },
    settings: RuleSettings,
    options: AnalyzeOptions,
    surroundings: () => string,
    run: number,
  ): { entry: MemoEntry; fresh: Finding[][] } {
    const start = statement.span.start;
    const reads = newAccessLog();
    const newTableReads = new Map<string, boolean>();
    const trackedIsNew = (name: string): boolean => {
      const value = isNewTable(name);
      newTableReads.set(name, value);
      return value;
    };
    const relative = (f: Finding): Finding => shiftFinding(f, -start, file.path);

    tables.record(reads);
    let prediction: Prediction | null = null;
    let predictError: Finding | undefined;
    try {
      prediction = predict(statement, catalog, options.target, session);
    } catch (err) {
      predictError = relative(internalErrorFinding(statement, 'prediction', err));
    }

    let readsText = false;
    const fresh: Finding[][] = [];
    const dependent: DependentFindings[] = [];
    // per rule (registry order): its findings, or null when it read the whole file and must re-run
    // (or is cached in `dependent`)
    const perRule: (Finding[] | null)[] = rules.map((rule, r) => {
      const found: Finding[] = [];
      fresh.push(found);
      let readsStatements = false;
      const onRead = (what: 'statements' | 'file'): void => {
        if (what === 'statements') readsStatements = true;
        else readsText = true;
      };
      checkRule(
        rule,
        statement,
        options.rules,
        (report) => ruleContext(statement, statements, () => catalog, trackedIsNew, options, prediction, session, file, settings, report, onRead),
        (f) => found.push(f),
      );
      if (readsStatements && rule.dependency) {
        // its dependency puts whatever it read elsewhere relative to the statement: cached while unchanged
        const key = dependencyOf(rule, ruleContext(statement, statements, () => catalog, trackedIsNew, options, prediction, session, file, settings, ignoreReport));
        dependent.push({ rule: r, key, findings: found.map(relative), seen: { run, start } });
        return [];
      }
      // findings that point elsewhere in this file would move differently from the statement
      return readsStatements || found.some((f) => pointsOutside(f, statement, file.path)) ? null : found.map(relative);
    });
    tables.record(undefined);

    const tableNames = [...reads.tables];
    const entry: MemoEntry = {
      tables: tableNames,
      tableVersions: tableNames.map((t) => versions.of(t)),
      allVersion: reads.all ? versions.all() : undefined,
      newTableNames: [...newTableReads.keys()],
      newTableValues: [...newTableReads.values()],
      session: sessionKey,
      surroundings: readsText ? surroundings() : undefined,
      prediction,
      predictError,
      flat: perRule.flatMap((f) => f ?? []),
      dependent,
      rerun: perRule.flatMap((f, r) => (f === null ? [r] : [])),
      lastRun: 0,
    };
    return { entry, fresh };
  }

  /** forgets chunks and statements not seen in the last two runs (the cancelled ones count) */
  private sweep(run: number): void {
    for (const [text, chunk] of this.chunkCache) if (chunk.lastRun < run - 1) this.chunkCache.delete(text);
    for (const [key, entries] of this.applyMemo) {
      const live = entries.filter((e) => e.lastRun >= run - 1);
      if (live.length === 0) this.applyMemo.delete(key);
      else if (live.length !== entries.length) this.applyMemo.set(key, live);
    }
    for (const [key, entries] of this.memo) {
      const live = entries.filter((e) => e.lastRun >= run - 1);
      if (live.length === 0) this.memo.delete(key);
      else if (live.length !== entries.length) this.memo.set(key, live);
    }
  }
}

/**
 * Versions of catalog tables as the replay goes: a hash chain of the statements (by text) that
 * touched each table, so text moving around (an edit elsewhere) does not change a version.
 */
class TableVersions {
  private readonly versions = new Map<string, number>();
  private allVersion: number;

  constructor(private readonly base: number) {
    this.allVersion = base;
  }

  private readonly combined = new Map<string, number>();

  of(table: string): number {
    let version = this.combined.get(table);
    if (version === undefined) {
      version = mixHashes(this.versions.get(table) ?? this.base, this.allVersion);
      this.combined.set(table, version);
    }
    return version;
  }

  all(): number {
    return this.allVersion;
  }

  /** the statement (by the hash of its memo key) touched these tables, or every table */
  touchTables(tables: Iterable<string>, all: boolean, statementKey: number): void {
    for (const table of tables) {
      this.versions.set(table, mixHashes(this.versions.get(table) ?? this.base, statementKey));
      this.combined.delete(table);
    }
    if (all) {
      this.allVersion = mixHashes(this.allVersion, statementKey);
      this.combined.clear();
    }
  }
}

/**
 * Rules read the file text around their statement (its lines: indentation, the delimiter, line
 * numbers). A result from such a rule is reused only when those are unchanged.
 */
class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  surroundings(span: { start: number; end: number }): string {
    const starts = (this.starts ??= lineStartsOf(this.text));
    const line = lineOf(starts, span.start);
    const lineStart = starts[line];
    const next = starts[lineOf(starts, span.end) + 1];
    const lineEnd = next === undefined ? this.text.length : next;
    return `${line}|${this.text.slice(lineStart, span.start)}|${this.text.slice(span.end, lineEnd)}`;
  }
}

class WorkClock {
  private work = 0;
  private sliceStart = performance.now();

  constructor(private readonly sliceMs: number) {}

  private calls = 0;

  /** reads the clock every 16th call: a statement's reuse takes microseconds, a clock read a good part of one */
  sliceUsed(): boolean {
    if ((++this.calls & 15) !== 0) return false;
    return performance.now() - this.sliceStart > this.sliceMs;
  }

  async yield(): Promise<void> {
    this.work += performance.now() - this.sliceStart;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }

  workMs(): number {
    return this.work + (performance.now() - this.sliceStart);
  }
}

interface TrackedTablesCatalog extends Catalog {
  tables: TrackedTables;
}

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** the chunk's own statements, parsed with its context (statements of the added context dropped) */
function chunkStatements(chunk: Chunk, options: AnalyzeOptions): Statement[] {
  const ownEnd = chunk.offset + (chunk.end - chunk.start);
  return parseFile(chunk.input, { target: options.target }).filter((s) => s.span.start >= chunk.offset && s.span.start < ownEnd);
}

/** the chunk's statements placed at `origin` with indexes from `indexBase` (moved in place; copied when the same text occurs twice) */
function placedStatements(parsed: ParsedChunk, origin: number, indexBase: number, run: number): Statement[] {
  const delta = origin - parsed.origin;
  const indexDelta = indexBase - parsed.indexBase;
  if (parsed.placedRun === run) return parsed.statements.map((s) => shiftStatement(s, delta, indexDelta));
  if (delta !== 0 || indexDelta !== 0) {
    moveStatements(parsed.statements, parsed.spans, delta, indexDelta);
    parsed.origin = origin;
    parsed.indexBase = indexBase;
  }
  parsed.placedRun = run;
  return parsed.statements;
}

/** cached findings moved to the statement's place (the same objects while it stays put: no copy per edit) */
function placedFindings(holder: { placed?: PlacedFindings }, relative: readonly Finding[], start: number, path: string, index: number): readonly Finding[] {
  const last = holder.placed;
  if (last && last.start === start && last.index === index && last.path === path) return last.findings;
  const findings = relative.map((f) => shiftFinding(f, start, path, index));
  holder.placed = { start, index, path, findings };
  return findings;
}

function ignoreReport(): void {}

/** the rule's declared dependency for the statement in `ctx`; undefined when it has none or it failed */
function dependencyOf(rule: (typeof rules)[number], ctx: RuleContext): string | undefined {
  if (!rule.dependency) return undefined;
  try {
    return rule.dependency(ctx);
  } catch {
    return undefined;
  }
}

function pointsOutside(finding: Finding, statement: Statement, path: string): boolean {
  const { start, end } = statement.span;
  const outside = (span: { start: number; end: number }): boolean => span.start < start || span.end > end;
  if (outside(finding.span)) return true;
  if (finding.fixes?.some((fix) => fix.edits.some((e) => outside(e.span)))) return true;
  return finding.related?.some((r) => r.span !== undefined && (r.path === undefined || r.path === path) && outside(r.span)) ?? false;
}

function ruleContext(
  statement: Statement,
  statements: readonly Statement[],
  catalog: () => Catalog,
  isNewTable: (name: string) => boolean,
  options: AnalyzeOptions,
  prediction: Prediction | null,
  session: SessionState,
  file: { path: string; text: string },
  settings: RuleSettings,
  report: (f: ReportInput) => void,
  onRead?: (what: 'statements' | 'file') => void,
): RuleContext {
  return {
    statement,
    get statements() {
      onRead?.('statements');
      return statements;
    },
    get catalog() {
      return catalog();
    },
    isNewTable,
    target: options.target,
    prediction,
    session,
    get file() {
      onRead?.('file');
      return file;
    },
    settings,
    report,
  };
}
