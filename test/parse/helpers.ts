// Shared helpers for the parse-layer tests.
import { parseFile } from '../../server/src/engine/parse';
import { parseTarget } from '../../server/src/engine/targets';
import type { Operation, Statement, Target } from '../../server/src/engine/types';

export function target(label = 'mysql-8.0'): Target {
  const t = parseTarget(label);
  if (!t) throw new Error(`bad target ${label}`);
  return t;
}

export function parse(sql: string, label = 'mysql-8.0'): Statement[] {
  return parseFile(sql, { target: target(label) });
}

/** the source text of every top-level statement */
export function topLevelTexts(sql: string, label = 'mysql-8.0'): string[] {
  return parse(sql, label)
    .filter((s) => s.origin === 'top-level')
    .map((s) => sql.slice(s.span.start, s.span.end));
}

/** the operations of a single-statement input, with the text each span covers */
export function ops(sql: string, label = 'mysql-8.0'): Array<Operation & { clause: string }> {
  const [first] = parse(sql, label);
  if (!first) throw new Error('no statement');
  return first.operations.map((o) => ({ ...o, clause: sql.slice(o.span.start, o.span.end) }));
}
