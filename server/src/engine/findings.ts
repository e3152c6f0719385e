// How the pipeline turns rule checks into findings — running a rule at its configured severity,
// the severity of what it reports — and the findings the pipeline builds itself. Shared by
// `analyzeFile` and the language server's incremental analyzer so both agree.
import type { ReportInput, Rule, RuleContext, RuleMeta } from './rules/rule';
import type { Finding, Severity, SeveritySetting, Statement } from './types';

/** the configured severity of a rule, else its default (`off`: the rule does not run) */
export function ruleSeverity(meta: RuleMeta, configured: Readonly<Record<string, SeveritySetting>> | undefined): SeveritySetting {
  return configured?.[meta.id] ?? meta.defaultSeverity;
}

/**
 * A rule's report as a finding: the severity the rule chose for it applies unless the user
 * configured a different severity than the rule's default.
 */
export function ruleFinding(
  f: ReportInput,
  meta: RuleMeta,
  severity: Severity,
  configured: Readonly<Record<string, SeveritySetting>> | undefined,
  statementIndex: number,
): Finding {
  const setting = configured?.[meta.id];
  const own = setting === undefined || setting === meta.defaultSeverity ? (f.severity ?? severity) : severity;
  return { ...f, rule: meta.id, severity: own, statementIndex };
}

/**
 * Runs one rule on a statement unless it is off; what it reports, or the error it throws, goes to
 * `push`. `context` builds the rule's context around the report callback.
 */
export function checkRule(
  rule: Rule,
  statement: Statement,
  configured: Readonly<Record<string, SeveritySetting>> | undefined,
  context: (report: (f: ReportInput) => void) => RuleContext,
  push: (f: Finding) => void,
): void {
  const severity = ruleSeverity(rule.meta, configured);
  if (severity === 'off') return;
  try {
    rule.check(context((f) => push(ruleFinding(f, rule.meta, severity, configured, statement.index))));
  } catch (err) {
    push(internalErrorFinding(statement, rule.meta.id, err));
  }
}

export function unparsedStatementFinding(statement: Statement): Finding {
  return {
    rule: 'unparsed-statement',
    severity: 'info',
    message: `Lockstep could not parse this statement, so it was not checked${statement.problems[0] ? `: ${statement.problems[0]}` : '.'}`,
    span: statement.span,
    statementIndex: statement.index,
  };
}

/** `where`: the rule id, or the pipeline step (`prediction`, `catalog`) that threw */
export function internalErrorFinding(statement: Statement, where: string, err: unknown): Finding {
  const detail = err instanceof Error ? err.message : String(err);
  return {
    rule: 'internal-error',
    severity: 'info',
    message: `Lockstep hit an internal error in ${where} while checking this statement (${detail}); please report it.`,
    span: statement.span,
    statementIndex: statement.index,
  };
}
