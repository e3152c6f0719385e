// Moves the offsets of cached, position-independent results to where their statement is now.
import type { Finding, Span, Statement } from '../types';

function isSpan(value: object): value is Span {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as Span).start === 'number' && typeof (value as Span).end === 'number';
}

/** deep copy of a parsed statement with every span moved by `delta` and indexes by `indexDelta` */
export function shiftStatement(statement: Statement, delta: number, indexDelta: number): Statement {
  const copy = shiftDeep(statement, delta) as Statement;
  copy.index = statement.index + indexDelta;
  if (statement.parentIndex !== undefined) copy.parentIndex = statement.parentIndex + indexDelta;
  return copy;
}

/**
 * Moves a parsed statement in place (no copy: edits move most statements of a big file every
 * keystroke). Span objects shared between places are moved once.
 */
export function moveStatement(statement: Statement, delta: number, indexDelta: number, moved: Set<object>): void {
  if (delta !== 0) moveDeep(statement, delta, moved);
  statement.index += indexDelta;
  if (statement.parentIndex !== undefined) statement.parentIndex += indexDelta;
}

function moveDeep(value: object, delta: number, moved: Set<object>): void {
  if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === 'object') moveDeep(v, delta, moved);
    return;
  }
  if (isSpan(value)) {
    if (moved.has(value)) return;
    moved.add(value);
    value.start += delta;
    value.end += delta;
    return;
  }
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object') moveDeep(v, delta, moved);
  }
}

function shiftDeep(value: unknown, delta: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shiftDeep(v, delta));
  if (value === null || typeof value !== 'object') return value;
  if (isSpan(value)) return { start: value.start + delta, end: value.end + delta };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = shiftDeep(v, delta);
  return out;
}

function moveSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

/** a finding moved by `delta`; spans in other files (related info with another path) stay put */
export function shiftFinding(finding: Finding, delta: number, path: string, statementIndex?: number): Finding {
  const moved: Finding = { ...finding, span: moveSpan(finding.span, delta) };
  if (statementIndex !== undefined) moved.statementIndex = statementIndex;
  if (finding.fixes) {
    moved.fixes = finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, span: moveSpan(e.span, delta) })) }));
  }
  if (finding.related) {
    moved.related = finding.related.map((r) =>
      r.span && (r.path === undefined || r.path === path) ? { ...r, span: moveSpan(r.span, delta) } : r,
    );
  }
  return moved;
}
