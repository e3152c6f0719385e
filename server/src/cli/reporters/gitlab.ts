// GitLab Code Quality report: a JSON array of issues with stable fingerprints.
import type { Severity } from '../../engine';
import { fingerprints } from '../fingerprint';
import type { LintReport } from '../report';

type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

const SEVERITY: Record<Severity, GitlabSeverity> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitlabSeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

export function toGitlab(report: LintReport): GitlabIssue[] {
  const issues: GitlabIssue[] = [];
  for (const file of report.files) {
    const prints = fingerprints(file);
    for (const f of file.findings) {
      const r = file.lines.range(f.span);
      issues.push({
        description: f.help ? `${f.message} ${f.help}` : f.message,
        check_name: f.rule,
        fingerprint: prints.get(f) ?? '',
        severity: SEVERITY[f.severity],
        location: { path: file.path, lines: { begin: r.start.line + 1, end: r.end.line + 1 } },
      });
    }
  }
  return issues;
}

export function formatGitlab(report: LintReport): string {
  return `${JSON.stringify(toGitlab(report), null, 2)}\n`;
}
