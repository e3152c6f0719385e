// How the pipeline turns rule checks into findings — running a rule at its configured severity,
// the severity of what it reports — and the findings the pipeline builds itself. Shared by
// `analyzeFile` and the incremental analyzer (engine/incremental/) so both agree.
import type { ReportInput, Rule, RuleContext, RuleMeta } from './rules/rule';
import { tableKey } from './catalog/apply';
import { ENGINE_RULE_IDS } from './suppress';
import type { Catalog, Finding, Severity, SeveritySetting, Statement } from './types';

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

/** the findings the pipeline makes itself, outside the rule registry */
const PIPELINE_RULES: ReadonlySet<string> = new Set(ENGINE_RULE_IDS);

/**
 * Applies configured severities to the pipeline's own findings (`unused-ignore`,
 * `unparsed-statement`, `internal-error`): `off` drops them. Registry rules already ran at their
 * configured severity (checkRule); their graded findings are left as they are. Idempotent.
 */
export function applySeverityOverrides(findings: readonly Finding[], rules: Readonly<Record<string, SeveritySetting>> | undefined): Finding[] {
  if (!rules) return [...findings];
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = PIPELINE_RULES.has(f.rule) ? rules[f.rule] : undefined;
    if (setting === 'off') continue;
    out.push(setting && setting !== f.severity ? { ...f, severity: setting } : f);
  }
  return out;
}

/** findings that are about the file as a whole, never about one table's definition */
const FILE_LEVEL_RULES = new Set(['missing-lock-wait-timeout', 'unused-ignore', 'unparsed-statement', 'internal-error']);

/**
 * Says so in the message when a finding's facts came from a `current` schema source (a dump) rather
 * than from the migrations: the statement works on a table the file started from, taken from it.
 */
export function noteSchemaSources(findings: Finding[], statements: readonly Statement[], before: Catalog | undefined): Finding[] {
  if (!before || ![...before.tables.values()].some((t) => t.fromCurrentSchema)) return findings;
  const byIndex = new Map(statements.map((s) => [s.index, s]));
  return findings.map((f) => {
    if (FILE_LEVEL_RULES.has(f.rule) || f.statementIndex === undefined) return f;
    const statement = byIndex.get(f.statementIndex);
    const sources = new Map<string, string>();
    for (const op of statement?.operations ?? []) {
      if (!('table' in op) || typeof op.table !== 'string') continue;
      const table = before.tables.get(tableKey(op.table));
      if (table?.fromCurrentSchema) sources.set(table.name, table.fromCurrentSchema.path);
    }
    if (sources.size === 0) return f;
    const [name, path] = [...sources][0];
    return { ...f, message: `${f.message} (${name}'s definition comes from the current schema in ${path}.)` };
  });
}
