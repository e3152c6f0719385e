// Replays a workspace's migrations in run order into one catalog snapshot per file, so the schema
// before any file is a lookup. Incremental: pass the previous replay and only files from the
// first changed one onwards are parsed again.
import { parseFile } from '../parse';
import type { Catalog, Statement, Target } from '../types';
import { compareMigrations, detectConvention, isUpMigration, migrationText, orderMigrations, type Convention, type OrderOptions } from '../workspace';
import { applyStatement, emptyCatalog, snapshotCatalog } from './apply';

export interface ReplayStep {
  path: string;
  /** the file text as given (before masking down sections) */
  text: string;
  /** the schema after this file (shared snapshot: clone before changing it) */
  catalogAfter: Catalog;
  /** lower-cased names of the tables this file created */
  createdTables: string[];
}

export interface CatalogReplay {
  convention: Convention | undefined;
  target: Target;
  /** up migrations in run order */
  steps: ReplayStep[];
  /** the schema after every migration */
  catalog: Catalog;
  /** how many files were parsed for this replay (the rest came from `previous`) */
  parsedFiles: number;
}

export interface BuildCatalogOptions extends OrderOptions {
  /** an earlier replay of the same workspace: its unchanged leading steps are reused */
  previous?: CatalogReplay;
  /** the parser (defaults to the engine's parseFile) */
  parse?: (text: string, target: Target) => Statement[];
}

/**
 * Replays the up migrations among `files` in the convention's order. `convention` undefined →
 * detected from the paths and texts. Files the convention does not run (down/undo files) are left out.
 */
export function buildCatalog(files: readonly { path: string; text: string }[], convention: Convention | undefined, target: Target, options: BuildCatalogOptions = {}): CatalogReplay {
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const chosen = convention ?? detectConvention([...texts.keys()], (p) => texts.get(p));
  const order = orderMigrations([...texts.keys()], chosen, options);
  const parse = options.parse ?? ((text: string, t: Target) => parseFile(text, { target: t }));

  const previous = options.previous && options.previous.convention === chosen && options.previous.target.label === target.label ? options.previous.steps : [];
  const steps: ReplayStep[] = [];
  let reused = 0;
  while (reused < order.length && reused < previous.length && previous[reused].path === order[reused] && previous[reused].text === texts.get(order[reused])) {
    steps.push(previous[reused]);
    reused++;
  }
  let catalog = steps.length > 0 ? snapshotCatalog(steps[steps.length - 1].catalogAfter) : emptyCatalog();
  for (const path of order.slice(reused)) {
    const text = texts.get(path) ?? '';
    const createdTables = replayFile(catalog, path, text, chosen, target, parse);
    steps.push({ path, text, catalogAfter: catalog, createdTables });
    catalog = snapshotCatalog(catalog);
  }
  return { convention: chosen, target, steps, catalog: steps.length > 0 ? steps[steps.length - 1].catalogAfter : catalog, parsedFiles: order.length - reused };
}

function replayFile(catalog: Catalog, path: string, text: string, convention: Convention | undefined, target: Target, parse: (text: string, target: Target) => Statement[]): string[] {
  const created: string[] = [];
  let statements: Statement[];
  try {
    statements = parse(migrationText(text, convention), target);
  } catch {
    return created;
  }
  for (const statement of statements) {
    try {
      applyStatement(catalog, statement, path);
    } catch {
      // a statement the catalog cannot apply is skipped; the linter reports it where it is analyzed
    }
    for (const op of statement.operations) if (op.kind === 'create-table' && !op.temporary) created.push(op.table.toLowerCase());
  }
  return created;
}

/**
 * The schema before `path` runs: the catalog after the migrations ordered before it. A path that
 * is not in the replay but follows the convention (a new, unsaved migration) is placed by its
 * name; any other file (a scratch SQL file) sees the schema after every migration.
 * The result is a fresh shallow snapshot: `applyStatement` on it does not disturb the replay.
 */
export function catalogBefore(path: string, replay: CatalogReplay): Catalog {
  const at = replay.steps.findIndex((s) => s.path === path);
  if (at >= 0) return at === 0 ? emptyCatalog() : snapshotCatalog(replay.steps[at - 1].catalogAfter);
  if (!isUpMigration(path, replay.convention) || replay.convention === 'liquibase' || replay.convention === undefined) return snapshotCatalog(replay.catalog);
  let before: ReplayStep | undefined;
  for (const step of replay.steps) {
    if (compareMigrations(step.path, path, replay.convention) < 0) before = step;
    else break;
  }
  return before ? snapshotCatalog(before.catalogAfter) : emptyCatalog();
}

/**
 * Tables created by earlier migrations of the same release as `path` that still exist before it:
 * compatibility and locking checks treat them as new (AnalyzeOptions.newTables). `releaseOf` maps a
 * path to its release (e.g. its folder or a version prefix); without it nothing is grouped.
 */
export function newTablesBefore(path: string, replay: CatalogReplay, releaseOf?: (path: string) => string | undefined): Set<string> {
  const out = new Set<string>();
  const release = releaseOf?.(path);
  if (release === undefined) return out;
  const before = catalogBefore(path, replay);
  for (const step of replay.steps) {
    if (step.path === path) break;
    if (releaseOf?.(step.path) !== release) continue;
    for (const t of step.createdTables) if (before.tables.has(t) && !before.tables.get(t)?.partial) out.add(t);
  }
  return out;
}
