// Replays one statement's operations into the catalog (mutates it).
import type { Catalog, Statement } from '../types';

export function emptyCatalog(): Catalog {
  return { tables: new Map() };
}

export function applyStatement(catalog: Catalog, statement: Statement, path: string): void {
  void catalog; void statement; void path; // TODO(catalog)
}

export function cloneCatalog(catalog: Catalog): Catalog {
  return { tables: new Map([...catalog.tables].map(([k, t]) => [k, structuredClone(t)])) };
}
