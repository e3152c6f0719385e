// The incremental replay of one migration chain: the schema before any of its files is a lookup
// from the nearest checkpoint, not a replay from the start. A checkpoint (a shallow snapshot of the
// catalog, sharing its never-mutated table definitions) is kept every CHECKPOINT_EVERY files and for
// the few files asked last; memory grows with files / CHECKPOINT_EVERY, not with files × tables.
// An edit to one file drops the replay from that file on.
import { applyStatement, snapshotCatalog, tableKey } from '../catalog/apply';
import { parseFile } from '../parse';
import type { Catalog, Statement, Target } from '../types';
import { migrationText, type Convention } from '../workspace';

const CHECKPOINT_EVERY = 16;
/** snapshots kept besides the checkpoints (the files the editor or the CLI asked for last) */
const RECENT_KEPT = 8;

export interface ChainFile {
  /** absolute path */
  path: string;
  /** relative to the project root: what findings and catalog origins name */
  rel: string;
  /** undefined when the file cannot be read (it is then skipped, like a statement the server rejects) */
  text: string | undefined;
  /** schema sources only: lower-cased table → INSTANT row versions the server already counts (MySQL 8.0.29+) */
  rowVersions?: Readonly<Record<string, number>>;
}

interface Step extends ChainFile {
  /** unique per (position, content): names the schema after this step */
  id: number;
  /** lower-cased tables this file creates (known once it was replayed) */
  createdTables?: string[];
  after?: Catalog;
}

let nextStepId = 1;

export class ChainReplay {
  private steps: Step[] = [];
  private base: Catalog;
  private baseId: string;
  private recent: number[] = [];
  /** how many files were replayed (parsed and applied) since the chain was created: for tests and benchmarks */
  replayedFiles = 0;

  constructor(
    private readonly target: Target,
    readonly convention: Convention | undefined,
    base: { id: string; catalog: Catalog },
  ) {
    this.base = base.catalog;
    this.baseId = base.id;
  }

  /** a new starting schema (schema sources changed): everything is replayed again */
  setBase(id: string, catalog: Catalog): void {
    if (id === this.baseId) return;
    this.baseId = id;
    this.base = catalog;
    this.steps = [];
    this.recent = [];
  }

  /** makes the first `files.length` steps match the files (by path and text); a mismatch drops the rest */
  sync(files: readonly ChainFile[]): void {
    const n = Math.min(files.length, this.steps.length);
    let same = 0;
    while (same < n && this.steps[same].path === files[same].path && this.steps[same].text === files[same].text) same++;
    if (same < this.steps.length) {
      this.steps.length = same;
      this.recent = this.recent.filter((i) => i < same);
    }
    for (let i = this.steps.length; i < files.length; i++) this.steps.push({ ...files[i], id: nextStepId++ });
  }

  /** how many steps the replay holds */
  get length(): number {
    return this.steps.length;
  }

  /** the text step `i` was replayed with */
  textAt(i: number): string | undefined {
    return this.steps[i]?.text;
  }

  /** drops step `n` and everything after it (its file changed) */
  truncate(n: number): void {
    if (n >= this.steps.length) return;
    this.steps.length = n;
    this.recent = this.recent.filter((i) => i < n);
  }

  /** appends the next file of the chain */
  push(file: ChainFile): void {
    this.steps.push({ ...file, id: nextStepId++ });
  }

  /** names the schema before step `i` (changes whenever that schema may have changed) */
  versionBefore(i: number): string {
    return i === 0 ? `base:${this.baseId}` : `step:${this.steps[i - 1].id}`;
  }

  /** the schema before step `i` (a fresh shallow snapshot: applying statements to it disturbs nothing) */
  before(i: number): Catalog {
    let j = i - 1;
    while (j >= 0 && !this.steps[j].after) j--;
    const catalog = snapshotCatalog(j < 0 ? this.base : (this.steps[j].after as Catalog));
    for (let k = j + 1; k < i; k++) {
      const step = this.steps[k];
      step.createdTables = replayFile(catalog, step, this.target, this.convention);
      this.replayedFiles++;
      if (k % CHECKPOINT_EVERY === CHECKPOINT_EVERY - 1) step.after = snapshotCatalog(catalog);
    }
    if (i > 0) this.keep(i - 1, catalog);
    return snapshotCatalog(catalog);
  }

  /** the schema after step `i`, computed by the caller (the CLI analyzed the file): saves a replay */
  record(i: number, after: Catalog, createdTables: string[]): void {
    const step = this.steps[i];
    if (!step) return;
    step.createdTables = createdTables;
    this.keep(i, after);
  }

  /** tables created by step `i` (after `before(i + 1)` or `record(i)`) */
  createdBy(i: number): readonly string[] {
    return this.steps[i]?.createdTables ?? [];
  }

  private keep(i: number, catalog: Catalog): void {
    const step = this.steps[i];
    if (step.after && i % CHECKPOINT_EVERY === CHECKPOINT_EVERY - 1) return;
    step.after = snapshotCatalog(catalog);
    this.recent = [...this.recent.filter((r) => r !== i), i];
    while (this.recent.length > RECENT_KEPT) {
      const old = this.recent.shift() as number;
      if (old % CHECKPOINT_EVERY !== CHECKPOINT_EVERY - 1 && this.steps[old]) delete this.steps[old].after;
    }
  }
}

/** applies a migration's up sections to `catalog` in place (no rules); returns the tables it created */
export function replayFile(catalog: Catalog, file: ChainFile, target: Target, convention: Convention | undefined): string[] {
  if (file.text === undefined) return [];
  let statements: Statement[];
  try {
    statements = parseFile(migrationText(file.text, convention), { target });
  } catch {
    return []; // the engine never throws on input; this is a last guard
  }
  return applyAll(catalog, statements, file.rel);
}

/** applies statements in place; a statement the catalog cannot apply leaves the schema as the server would (unchanged) */
export function applyAll(catalog: Catalog, statements: readonly Statement[], origin: string): string[] {
  const created: string[] = [];
  for (const statement of statements) {
    try {
      applyStatement(catalog, statement, origin);
    } catch {
      // skipped: the linter reports it where the file itself is analyzed
    }
    created.push(...createdTablesOf([statement]));
  }
  return created;
}

/** the tables a statement list creates (lower-cased, unqualified) */
export function createdTablesOf(statements: readonly Statement[]): string[] {
  const out: string[] = [];
  for (const s of statements) for (const op of s.operations) if (op.kind === 'create-table' && !op.temporary) out.push(tableKey(op.table));
  return out;
}
