// Reporting helpers shared by the compatibility rules.
import type { Severity, Span } from '../../types';
import type { ReportInput, RuleContext } from '../rule';

/**
 * Reports a finding whose certainty or impact differs from the rule's default severity (e.g.
 * "could not compare, the old definition is unknown" → info; a VARCHAR shrink → error). The
 * pipeline honours it unless the user configured the rule's severity.
 */
export function reportGraded(ctx: RuleContext, finding: ReportInput, severity?: Severity): void {
  ctx.report(severity ? { ...finding, severity } : finding);
}

/** MODIFY/CHANGE clauses grouped by table (case-insensitive), each group with the span covering it */
export function groupByTable<T extends { table: string; span: Span }>(ops: readonly T[]): { ops: T[]; span: Span }[] {
  const byTable = new Map<string, T[]>();
  for (const op of ops) {
    const key = op.table.toLowerCase();
    byTable.set(key, [...(byTable.get(key) ?? []), op]);
  }
  return [...byTable.values()].map((group) => ({ ops: group, span: { start: group[0].span.start, end: group[group.length - 1].span.end } }));
}

/** `users`.`email` style reference used in messages */
export function columnRef(table: string, column: string): string {
  return `${table}.${column}`;
}

/** `a, b and 3 more` */
export function listNames(names: readonly string[], max = 4): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
