// The schema a chain starts from: its `baseline` files replayed first (a Flyway baseline, a dump the
// migrations were started on), then the tables of its `current` files (an install script, a
// `mysqldump --no-data`) that neither the baseline nor any migration of the chain creates. Where the
// chain defines a table, the chain wins; a table taken from `current` is marked so findings can say
// where their facts came from.
import { emptyCatalog } from '../catalog/apply';
import { parseFile } from '../parse';
import type { Catalog, Target } from '../types';
import { applyAll, type ChainFile } from './replay';

export function schemaBase(baseline: readonly ChainFile[], current: readonly ChainFile[], chainCreates: ReadonlySet<string>, target: Target): Catalog {
  const catalog = emptyCatalog();
  for (const file of baseline) if (file.text !== undefined) applyAll(catalog, parseFile(file.text, { target }), file.rel);
  if (current.length === 0) return catalog;
  const now = emptyCatalog();
  const origin = new Map<string, string>();
  for (const file of current) {
    if (file.text === undefined) continue;
    const before = new Set(now.tables.keys());
    applyAll(now, parseFile(file.text, { target }), file.rel);
    for (const key of now.tables.keys()) if (!before.has(key)) origin.set(key, file.rel);
    // the replay counts on from the versions the server already has (tables here are fresh copies)
    for (const [key, count] of Object.entries(file.rowVersions ?? {})) {
      const table = now.tables.get(key);
      if (table && count > 0) table.rowVersions = count;
    }
  }
  for (const [key, table] of now.tables) {
    if (catalog.tables.has(key) || chainCreates.has(key)) continue;
    catalog.tables.set(key, { ...table, fromCurrentSchema: { path: origin.get(key) ?? current[0].rel } });
  }
  return catalog;
}
