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
 * Every distinct span object inside the statements (walked once, when a chunk is parsed): moving a
 * chunk is then one pass over this list instead of a deep walk of each statement on every edit.
 */
export function spansOf(statements: readonly Statement[]): Span[] {
  const seen = new Set<object>();
  const out: Span[] = [];
  const walk = (value: object): void => {
    if (Array.isArray(value)) {
      for (const v of value) if (v !== null && typeof v === 'object') walk(v);
      return;
    }
    if (isSpan(value)) {
      if (!seen.has(value)) {
        seen.add(value);
        out.push(value);
      }
      return;
    }
    for (const key in value) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== null && typeof v === 'object') walk(v);
    }
  };
  for (const st of statements) walk(st);
  return out;
}

/** moves statements in place (no copy: edits move most statements of a big file every keystroke) */
export function moveStatements(statements: readonly Statement[], spans: readonly Span[], delta: number, indexDelta: number): void {
  if (delta !== 0) {
    for (const span of spans) {
      span.start += delta;
      span.end += delta;
    }
  }
  if (indexDelta !== 0) {
    for (const st of statements) {
      st.index += indexDelta;
      if (st.parentIndex !== undefined) st.parentIndex += indexDelta;
    }
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

/**
 * A finding with each of its positions in this file moved by `move` (undefined when one of them
 * cannot be moved: the finding must be recomputed).
 */
export function remapFinding(finding: Finding, path: string, move: (position: number, isEnd: boolean) => number | undefined): Finding | undefined {
  let failed = false;
  const span = (s: Span): Span => {
    const start = move(s.start, false);
    const end = move(s.end, true);
    if (start === undefined || end === undefined) {
      failed = true;
      return s;
    }
    return { start, end };
  };
  const moved: Finding = { ...finding, span: span(finding.span) };
  if (finding.fixes) moved.fixes = finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, span: span(e.span) })) }));
  if (finding.related) moved.related = finding.related.map((r) => (r.span && (r.path === undefined || r.path === path) ? { ...r, span: span(r.span) } : r));
  return failed ? undefined : moved;
}
