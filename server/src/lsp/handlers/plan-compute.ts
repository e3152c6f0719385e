// The engine's plan for one statement of a migration, found from a diagnostic or a position; never
// throws (a plan that fails is a reason, logged by the caller).
import type { Diagnostic } from 'vscode-languageserver';
import { analyzeOptionsFrom, PLANNABLE_RULES, planForStatement, type FileAnalysis, type Plan, type Project, type Statement } from '../../engine';
import type { DocumentAnalysis } from './diagnostics';

export type PlanOutcome = { ok: true; plan: Plan } | { ok: false; reason: string };

export function isPlannableRule(rule: unknown): rule is string {
  return typeof rule === 'string' && PLANNABLE_RULES.has(rule);
}

/** the rule of a Lockstep diagnostic that has a plan */
export function plannableRuleOf(diagnostic: Diagnostic): string | undefined {
  if (diagnostic.source !== 'lockstep') return undefined;
  return isPlannableRule(diagnostic.code) ? diagnostic.code : undefined;
}

/** the innermost top-level statement containing `offset` (a plan replaces only statements of the file itself, not DDL inside a routine) */
export function topLevelStatementAt(analysis: Pick<FileAnalysis, 'statements'>, offset: number): Statement | undefined {
  let best: Statement | undefined;
  for (const { statement } of analysis.statements) {
    if (statement.origin !== 'top-level') continue;
    const { start, end } = statement.span;
    if (offset < start || offset > end) continue;
    if (!best || end - start < best.span.end - best.span.start) best = statement;
  }
  return best;
}

/**
 * The document's analysis when it is what `planForStatement` would compute for it: complete, of a
 * migration, with the project's analyze options (no rows from a connected database in the rule
 * settings) and the file's current schema context. Undefined otherwise: the plan analyzes the file.
 */
export function reusableAnalysis(last: DocumentAnalysis, path: string): FileAnalysis | undefined {
  const { project } = last.settings;
  if (!last.analysis.complete || !project.isMigration(path)) return undefined;
  const options = analyzeOptionsFrom(project.config);
  const same =
    options.target.label === last.settings.target.label &&
    JSON.stringify(options.rules ?? {}) === JSON.stringify(last.settings.rules) &&
    JSON.stringify(options.settings ?? {}) === JSON.stringify(last.settings.ruleSettings);
  return same && project.fileContext(path, false).version === last.catalogVersion ? last.analysis : undefined;
}

export function computePlan(project: Project, path: string, text: string, statementIndex: number, rule: string | undefined, analysis?: FileAnalysis): PlanOutcome {
  try {
    return planForStatement(project, path, text, { statementIndex, rule, analysis });
  } catch (error) {
    return { ok: false, reason: `the plan failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
