// "Rewrite as a safe multi-release sequence": for each diagnostic whose rule has a plan, the plan's
// files as one WorkspaceEdit (the statement replaced by a comment naming them, or removed). A client
// that cannot create files gets a command that shows the plan as a read-only document instead.
// The plan is computed inline (a few milliseconds for one statement); a failing plan gives no action.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Plan, Span, Statement } from '../../engine';
import type { ServerContext } from '../context';
import { spanToRange } from '../convert';
import { COMMANDS } from '../protocol';
import { uriToPath } from '../uri';
import type { DocumentAnalysis } from './diagnostics';
import { computePlan, plannableRuleOf, reusableAnalysis, topLevelStatementAt } from './plan-compute';
import { planFiles, planWorkspaceEdit, type StatementReplacement } from './plan-edit';

export const REWRITE_TITLE = 'Rewrite as a safe multi-release sequence';
const VARIANTS: { replacement: StatementReplacement; title: string }[] = [
  { replacement: 'pointer', title: REWRITE_TITLE },
  { replacement: 'remove', title: `${REWRITE_TITLE} (remove the statement)` },
];

interface PlanTarget {
  diagnostic: Diagnostic;
  rule: string;
  statement: Statement;
}

/** the rewrite (or show-plan) actions for the diagnostics of a code-action request; never throws */
export function planActions(ctx: ServerContext, doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  try {
    if (!diagnostics.some((d) => plannableRuleOf(d) !== undefined)) return [];
    const last = ctx.analyses.last(doc.uri);
    const path = uriToPath(doc.uri);
    if (!last || last.version !== doc.version || !path) {
      ctx.connection.console.debug(`lockstep: no plan for ${doc.uri}: ${path ? 'its analysis is not current' : 'it is not a file on disk'}`);
      return [];
    }
    const targets = planTargets(doc, last, diagnostics);
    const rulesPerStatement = new Map<number, number>();
    for (const t of targets) rulesPerStatement.set(t.statement.index, (rulesPerStatement.get(t.statement.index) ?? 0) + 1);
    return targets.flatMap((t) => actionsFor(ctx, doc, { last, path }, t, (rulesPerStatement.get(t.statement.index) ?? 0) > 1));
  } catch (error) {
    ctx.connection.console.error(`lockstep: plan actions for ${doc.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return [];
  }
}

/** one target per statement and rule */
function planTargets(doc: TextDocument, last: DocumentAnalysis, diagnostics: readonly Diagnostic[]): PlanTarget[] {
  const seen = new Set<string>();
  const targets: PlanTarget[] = [];
  for (const diagnostic of diagnostics) {
    const rule = plannableRuleOf(diagnostic);
    if (!rule) continue;
    const statement = topLevelStatementAt(last.analysis, doc.offsetAt(diagnostic.range.start));
    if (!statement) continue;
    const key = `${statement.index}:${rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    targets.push({ diagnostic, rule, statement });
  }
  return targets;
}

function actionsFor(ctx: ServerContext, doc: TextDocument, { last, path }: { last: DocumentAnalysis; path: string }, target: PlanTarget, ambiguous: boolean): CodeAction[] {
  // the cached analysis spares re-analyzing the whole file on every code-action request
  const outcome = computePlan(last.settings.project, path, last.text, target.statement.index, target.rule, reusableAnalysis(last, path));
  if (!outcome.ok) {
    ctx.connection.console.debug(`lockstep: no plan for ${target.rule} at statement ${target.statement.index + 1} of ${doc.uri}: ${outcome.reason}`);
    return [];
  }
  const suffix = ambiguous ? ` — ${target.rule}` : '';
  const support = ctx.flags.planEdits;
  if (!support?.createFiles) return [showPlanAction(ctx, doc, target, suffix)];
  const root = last.settings.project.root;
  const existing = (planFiles(outcome.plan, root) ?? []).filter((f) => ctx.host.stat(f.abs) !== undefined).map((f) => f.path);
  if (existing.length > 0) {
    ctx.connection.console.debug(`lockstep: no rewrite for ${target.rule} in ${doc.uri}: it would overwrite ${existing.join(', ')}`);
    return [showPlanAction(ctx, doc, target, suffix)];
  }
  const actions: CodeAction[] = [];
  for (const variant of VARIANTS) {
    const edit = planWorkspaceEdit({
      plan: outcome.plan,
      root,
      document: { uri: doc.uri, version: doc.version },
      range: replacedRange(doc, last, target.statement.span, variant.replacement),
      statementText: last.text.slice(target.statement.span.start, target.statement.span.end),
      replacement: variant.replacement,
      annotations: support.annotations,
      eol: last.text.includes('\r\n') ? '\r\n' : '\n',
    });
    if (!edit) {
      ctx.connection.console.debug(`lockstep: no rewrite for ${target.rule} in ${doc.uri}: ${describeUnwritable(outcome.plan)}`);
      return [];
    }
    actions.push({ title: variant.title + suffix, kind: CodeActionKind.QuickFix, diagnostics: [target.diagnostic], edit });
  }
  return actions;
}

function showPlanAction(ctx: ServerContext, doc: TextDocument, target: PlanTarget, suffix: string): CodeAction {
  const title = `Show the safe multi-release sequence as a document${suffix}`;
  const command = ctx.flags.vscodeExtension
    ? { title, command: COMMANDS.showMigrationPlan, arguments: [doc.uri, doc.positionAt(target.statement.span.start)] }
    : { title, command: COMMANDS.serverShowMigrationPlan, arguments: [doc.uri, target.statement.index, target.rule] };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [target.diagnostic], command };
}

/**
 * The statement with its `;`; for `remove` also the blanks after it and its line break, so no
 * empty line is left where it stood.
 */
function replacedRange(doc: TextDocument, last: DocumentAnalysis, span: Span, replacement: StatementReplacement): Range {
  const text = last.text;
  const delimiter = /[ \t]*;/y;
  delimiter.lastIndex = span.end;
  let end = delimiter.test(text) ? delimiter.lastIndex : span.end;
  if (replacement === 'remove') {
    const rest = /[ \t]*(?:\r?\n|$)/y;
    rest.lastIndex = end;
    if (rest.test(text)) end = rest.lastIndex;
  }
  return spanToRange(doc, { start: span.start, end });
}

function describeUnwritable(plan: Plan): string {
  const files = plan.releases.flatMap((r) => r.files.map((f) => f.path));
  return files.length === 0 ? 'the plan adds no file' : `a path leaves the project folder (${files.join(', ')})`;
}
