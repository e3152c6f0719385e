// The lint result every reporter renders: per file, its statements (with predictions) and the
// findings that survived suppression and the baseline.
import type { Finding, Severity, StatementResult, Target } from '../engine';
import { LineIndex } from './positions';

export interface FileReport {
  /** relative to the working directory, forward slashes */
  path: string;
  text: string;
  lines: LineIndex;
  statements: StatementResult[];
  findings: Finding[];
}

export interface LintReport {
  target: Target;
  files: FileReport[];
}

export type SeverityCounts = Record<Severity, number>;

export interface Summary {
  files: number;
  statements: number;
  analyzed: number;
  findings: SeverityCounts;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** 0 = most severe */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function fileReport(path: string, text: string, statements: StatementResult[], findings: Finding[]): FileReport {
  return { path, text, lines: new LineIndex(text), statements, findings };
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function summarize(report: LintReport): Summary {
  const findings: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  let statements = 0;
  let analyzed = 0;
  for (const file of report.files) {
    statements += file.statements.length;
    analyzed += file.statements.filter((s) => s.statement.analyzed).length;
    const counts = countBySeverity(file.findings);
    for (const s of SEVERITIES) findings[s] += counts[s];
  }
  return { files: report.files.length, statements, analyzed, findings };
}

/** the source text a finding points at, whitespace collapsed (for fingerprints) */
export function findingSnippet(file: FileReport, finding: Finding): string {
  return file.text.slice(finding.span.start, finding.span.end).replace(/\s+/g, ' ').trim();
}
