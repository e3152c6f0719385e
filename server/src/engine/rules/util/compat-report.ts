// Reporting helpers shared by the compatibility rules.
import type { Severity } from '../../types';
import type { ReportInput, RuleContext } from '../rule';

/**
 * A finding whose certainty or impact differs from the rule's default severity (e.g. "could not
 * compare, the old definition is unknown" → info; a VARCHAR shrink → error). The pipeline uses
 * `severity` when the user has not configured the rule's severity explicitly.
 */
export type GradedReport = ReportInput & { severity?: Severity };

export function reportGraded(ctx: RuleContext, finding: ReportInput, severity?: Severity): void {
  const graded: GradedReport = severity ? { ...finding, severity } : finding;
  ctx.report(graded);
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
