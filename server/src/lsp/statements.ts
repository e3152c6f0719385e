// Finding the statement under the cursor and telling DDL from the rest.
import type { StatementResult, StatementKind } from '../engine';

const DDL_KINDS: ReadonlySet<StatementKind> = new Set<StatementKind>([
  'alter-table',
  'create-table',
  'create-index',
  'drop-index',
  'drop-table',
  'rename-table',
  'truncate',
  'optimize-table',
]);

export function isDdl(result: StatementResult): boolean {
  return result.prediction !== null || DDL_KINDS.has(result.statement.kind);
}

/** the innermost statement whose span contains `offset` (the delimiter right after it counts) */
export function statementAt(results: readonly StatementResult[], offset: number): StatementResult | undefined {
  let best: StatementResult | undefined;
  for (const r of results) {
    const { start, end } = r.statement.span;
    if (offset < start || offset > end) continue;
    if (!best || end - start < best.statement.span.end - best.statement.span.start) best = r;
  }
  return best;
}
