// Table definitions that move with their statements. Replaying a statement copies spans out of its
// parsed tree into the catalog (column, index and key spans, `createdAt`). Pointing those copies
// back at the tree's own span objects, which an edit moves in place, keeps a cached definition
// exact wherever its statements have moved since: it can be reused instead of replayed again.
import type { Span, TableDef } from '../types';

function isSpan(value: object): value is Span {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as Span).start === 'number' && typeof (value as Span).end === 'number';
}

/** every object inside the definitions (what a statement's replay inherits unchanged) */
export function objectsOf(defs: readonly (TableDef | undefined)[]): Set<object> {
  const seen = new Set<object>();
  const walk = (value: object): void => {
    if (seen.has(value)) return;
    seen.add(value);
    for (const key in value) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== null && typeof v === 'object') walk(v);
    }
  };
  for (const def of defs) if (def) walk(def);
  return seen;
}

/**
 * The definitions' objects down to their members (the definition, its arrays, each column, index,
 * key…), not inside those: a replay copies a definition and keeps the members it did not change,
 * so these are what it shares, found without walking every column's insides.
 */
export function membersOf(defs: readonly (TableDef | undefined)[]): Set<object> {
  const seen = new Set<object>();
  for (const def of defs) {
    if (!def) continue;
    seen.add(def);
    for (const key in def) {
      const v = (def as unknown as Record<string, unknown>)[key];
      if (v === null || typeof v !== 'object') continue;
      seen.add(v);
      if (Array.isArray(v)) for (const item of v) if (item !== null && typeof item === 'object') seen.add(item);
    }
  }
  return seen;
}

/**
 * Points every span the statement's replay created in `defs` (objects not in `inherited`) at the
 * statement's own span object of the same offsets. False when one has no such object: then the
 * definitions hold a copy that an edit before it would leave behind.
 */
export function linkSpans(defs: readonly (TableDef | undefined)[], inherited: ReadonlySet<object>, own: readonly Span[]): boolean {
  // linking the same span twice is harmless: a second call with a fuller `inherited` finishes the job

  let byOffsets: Map<string, Span> | undefined;
  let linked = true;
  const visited = new Set<object>();
  const walk = (value: object): void => {
    if (inherited.has(value) || visited.has(value)) return;
    visited.add(value);
    for (const key in value) {
      const v = (value as Record<string, unknown>)[key];
      if (v === null || typeof v !== 'object' || inherited.has(v)) continue;
      if (isSpan(v)) {
        byOffsets ??= new Map(own.map((s) => [`${s.start}:${s.end}`, s]));
        const target = byOffsets.get(`${v.start}:${v.end}`);
        if (target) (value as Record<string, unknown>)[key] = target;
        else linked = false;
      } else {
        walk(v);
      }
    }
  };
  for (const def of defs) if (def) walk(def);
  return linked;
}
