// GitLab Code Quality report: a JSON array of issues with stable fingerprints.
import type { Severity } from '../../engine';
import { fingerprints } from '../fingerprint';
import type { LintReport } from '../report';
import { streamedArray, type Streamed } from './json-stream';

type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

const SEVERITY: Record<Severity, GitlabSeverity> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitlabSeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

function* issues(report: LintReport): Iterable<GitlabIssue> {
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const prints = fingerprints(file);
    for (const f of file.findings) {
      const r = file.lines.range(f.span);
      yield {
        description: f.help ? `${f.message} ${f.help}` : f.message,
        check_name: f.rule,
        fingerprint: prints.get(f) ?? '',
        severity: SEVERITY[f.severity],
        location: { path: file.path, lines: { begin: r.start.line + 1, end: r.end.line + 1 } },
      };
    }
  }
}

/** the issue array, each issue made as it is written (a report can be larger than the longest string) */
export function gitlabDocument(report: LintReport): Streamed {
  return streamedArray(issues(report), (issue) => issue);
}
