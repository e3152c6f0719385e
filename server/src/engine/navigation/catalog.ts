// The schema just before a statement, from the statements the navigation index already parsed: the
// same steps as the project model's replay (every statement of each file's up sections, applied in
// order), without parsing the files again after an edit of an earlier one.
import { applyStatement, snapshotCatalog } from '../catalog/apply';
import type { Catalog } from '../types';
import type { ChainNavigation } from './resolve';
import type { StatementFacts } from './events';

/**
 * `base`: the schema before the chain's first file (its schema sources); `relOf`: the path catalog
 * origins name (relative to the project root). The result is a fresh snapshot.
 */
export function catalogBefore(nav: ChainNavigation, base: Catalog, file: number, statement: number, relOf: (path: string) => string): Catalog {
  const catalog = snapshotCatalog(base);
  for (let i = 0; i <= file && i < nav.files.length; i++) {
    const f = nav.files[i];
    const origin = relOf(f.path);
    for (const facts of f.statements) {
      if (i === file && facts.statement.index >= statement) break;
      try {
        applyStatement(catalog, facts.statement, origin);
      } catch {
        // skipped, as the replay skips it: the linter reports it where the file is analyzed
      }
    }
  }
  return catalog;
}

/** statements between two snapshots of one file's schema: a hover deep in a long file replays at most this many */
const CHECKPOINT_EVERY = 64;
const fileCheckpoints = new WeakMap<readonly StatementFacts[], { baseKey: string; points: Catalog[] }>();

/**
 * The schema before `statement` of one file, from the schema before the file (`base`, named by
 * `baseKey`, e.g. the project model's version): snapshots every CHECKPOINT_EVERY statements are kept
 * per parsed file, so repeated requests in a long file do not replay it from its start.
 */
export function catalogBeforeInFile(statements: readonly StatementFacts[], base: Catalog, baseKey: string, statement: number, origin: string): Catalog {
  let entry = fileCheckpoints.get(statements);
  if (!entry || entry.baseKey !== baseKey) {
    entry = { baseKey, points: [snapshotCatalog(base)] };
    fileCheckpoints.set(statements, entry);
  }
  let count = 0;
  while (count < statements.length && statements[count].statement.index < statement) count++;
  const nearest = Math.min(Math.floor(count / CHECKPOINT_EVERY), entry.points.length - 1);
  const catalog = snapshotCatalog(entry.points[nearest]);
  for (let i = nearest * CHECKPOINT_EVERY; i < count; i++) {
    try {
      applyStatement(catalog, statements[i].statement, origin);
    } catch {
      // skipped, as the replay skips it
    }
    if ((i + 1) % CHECKPOINT_EVERY === 0 && entry.points.length === (i + 1) / CHECKPOINT_EVERY) entry.points.push(snapshotCatalog(catalog));
  }
  return catalog;
}
