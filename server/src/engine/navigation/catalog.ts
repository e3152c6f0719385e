// The schema just before a statement, from the statements the navigation index already parsed: the
// same steps as the project model's replay (every statement of each file's up sections, applied in
// order), without parsing the files again after an edit of an earlier one.
import { applyStatement, snapshotCatalog } from '../catalog/apply';
import type { Catalog } from '../types';
import type { ChainNavigation } from './resolve';

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
