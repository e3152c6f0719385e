// The navigation index of one chain, kept across requests: each file's facts are cached by its text
// (only changed files are parsed again); identities are tied again only when some text changed.
import type { Span, Target } from '../types';
import type { Convention } from '../workspace';
import { fileFacts, type FileFacts } from './events';
import { resolveChain, type ChainNavigation, type Entity, type NavFile, type Occurrence } from './resolve';

export interface NavSource {
  /** absolute path */
  path: string;
  /** undefined when unreadable (the file then contributes nothing) */
  text: string | undefined;
}

export class SchemaNavigator {
  private readonly facts = new Map<string, { text: string | undefined; facts: FileFacts }>();
  private last?: { sources: NavSource[]; nav: ChainNavigation };
  /** files parsed since the navigator was created: for tests and benchmarks */
  parsedFiles = 0;

  constructor(
    private readonly target: Target,
    readonly convention: Convention | undefined,
  ) {}

  /** the index of the chain whose files (in run order) have these texts */
  index(sources: readonly NavSource[]): ChainNavigation {
    const last = this.last;
    if (last && last.sources.length === sources.length && last.sources.every((s, i) => s.path === sources[i].path && s.text === sources[i].text)) return last.nav;
    const files = sources.map((s) => ({ path: s.path, facts: this.factsOf(s) }));
    const keep = new Set(sources.map((s) => s.path));
    for (const path of this.facts.keys()) if (!keep.has(path)) this.facts.delete(path);
    const nav = resolveChain(files);
    this.last = { sources: sources.map((s) => ({ ...s })), nav };
    return nav;
  }

  private factsOf(source: NavSource): FileFacts {
    const cached = this.facts.get(source.path);
    if (cached && cached.text === source.text) return cached.facts;
    this.parsedFiles++;
    const facts = source.text === undefined ? { statements: [] } : fileFacts(source.text, this.convention, this.target);
    this.facts.set(source.path, { text: source.text, facts });
    return facts;
  }
}

/** the occurrence whose identifier contains `offset` (its end included: a cursor right after a name) */
export function occurrenceAt(file: NavFile, offset: number): Occurrence | undefined {
  let found: Occurrence | undefined;
  for (const o of file.occurrences) {
    const span = o.span as Span;
    if (span.start > offset) break;
    if (offset <= span.end && (!found || span.start > (found.span as Span).start || offset < span.end)) found = o;
  }
  return found;
}

const before = (o: Occurrence, file: number, statement: number): boolean => o.file < file || (o.file === file && o.statement < statement);

/**
 * Where the name at `o` was defined: `o` itself when it creates it or renames to it; else the last
 * occurrence before its statement that created, renamed or redefined it. Undefined: nothing in the chain defines it.
 */
export function definitionOf(o: Occurrence): Occurrence | undefined {
  // a redefinition (MODIFY) points back at what it redefines; a CREATE or the new name of a RENAME is the definition
  if (o.defines && o.kind !== 'alter') return o;
  let found: Occurrence | undefined;
  for (const d of o.entity.occurrences) {
    if (!before(d, o.file, o.statement)) break;
    if (d.defines) found = d;
  }
  return found;
}

/** the last occurrence before the statement that changed the entity's definition (DML does not) */
export function lastChangeBefore(entity: Entity, file: number, statement: number): Occurrence | undefined {
  let found: Occurrence | undefined;
  for (const d of entity.occurrences) {
    if (!before(d, file, statement)) break;
    if (d.kind !== 'dml-write' && (d.defines || d.kind !== 'rename')) found = d;
  }
  return found;
}

/**
 * The entity's name just before the statement: after the last occurrence before it, else as the
 * statement first names it, else `fallback`.
 */
export function nameBefore(entity: Entity, file: number, statement: number, fallback: string): string {
  let name: string | undefined;
  for (const d of entity.occurrences) {
    if (before(d, file, statement)) {
      if (d.kind !== 'rename' || d.defines) name = d.written;
    } else {
      if (name === undefined && d.file === file && d.statement === statement) name = d.written;
      break;
    }
  }
  return name ?? fallback;
}

/** every occurrence of the entity, in migration order */
export function referencesOf(entity: Entity): Occurrence[] {
  return [...entity.occurrences];
}

/** the entities alive after the chain whose name contains `query` (case-insensitive) */
export function findEntities(nav: ChainNavigation, query: string): Entity[] {
  const q = query.toLowerCase();
  const out: Entity[] = [];
  for (const table of nav.live.values()) {
    if (table.key.includes(q)) out.push(table);
    for (const column of table.columns.values()) if (column.key.includes(q)) out.push(column);
  }
  return out;
}
