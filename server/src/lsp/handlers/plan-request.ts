// `lockstep/plan`: the expand/contract plan of a statement, or of an ORM model's finding, as
// Markdown (changes nothing), and the server command that shows it to clients without the VS Code
// extension: a read-only Markdown file in a temporary folder, opened with window/showDocument.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { LSPErrorCodes, MessageType, type Position, ResponseError, ShowMessageNotification } from 'vscode-languageserver';
import { modelPlanToMarkdown, planToMarkdown } from '../../engine';
import type { ServerContext } from '../context';
import { PlanRequest, type PlanParams, type PlanResult } from '../protocol';
import { pathToUri, uriToPath } from '../uri';
import type { ModelDiagnostics } from './model-diagnostics';
import { computeModelPlan, computePlan, isModelDocumentPath, isPlannableRule, topLevelStatementAt } from './plan-compute';

/** the model diagnostics' last runs: a model's plan reads the model as its diagnostics did */
export type ModelRuns = Pick<ModelDiagnostics, 'last'>;

export function registerPlanRequest(ctx: ServerContext, models: ModelRuns): void {
  ctx.connection.onRequest(PlanRequest, async (params): Promise<PlanResult> => {
    const outcome = await planFor(ctx, models, params);
    if ('error' in outcome) throw new ResponseError(LSPErrorCodes.RequestFailed, outcome.error);
    return outcome;
  });
}

/** the plan of the statement the params name, or why there is none */
export async function planFor(ctx: ServerContext, models: ModelRuns, params: PlanParams): Promise<PlanResult | { error: string }> {
  const uri = params.textDocument.uri;
  const path = uriToPath(uri);
  if (!path) return { error: 'Migration plan: only a migration saved on disk has a plan (its new files go next to it).' };
  if (isModelDocumentPath(path)) return modelPlanFor(ctx, models, params, path);
  const current = await ctx.analyses.current(uri);
  const doc = ctx.documents.get(uri);
  if (!current || !doc) return { error: 'Migration plan: open the migration first.' };
  const analysis = current.analysis;
  const statement =
    params.statementIndex !== undefined
      ? analysis.statements.find((r) => r.statement.index === params.statementIndex && r.statement.origin === 'top-level')?.statement
      : params.position
        ? topLevelStatementAt(analysis, doc.offsetAt(params.position))
        : undefined;
  if (!statement) return { error: 'Migration plan: put the cursor on a statement of the migration.' };
  const rule = params.rule ?? analysis.findings.find((f) => f.statementIndex === statement.index && isPlannableRule(f.rule))?.rule;
  if (rule === undefined) return { error: `Migration plan: Lockstep has no multi-release rewrite for this statement (${oneLine(statement.sql)}).` };
  const outcome = computePlan(current.settings.project, path, current.text, statement.index, rule);
  if (!outcome.ok) return { error: `Migration plan: ${outcome.reason}` };
  const plan = outcome.plan;
  return {
    rule,
    summary: plan.summary,
    markdown: planToMarkdown(plan),
    files: plan.releases.flatMap((r) => r.files.map((f) => ({ path: f.path, direction: f.direction }))),
  };
}

/** an ORM model's finding at the position: its plan, with what to change in the model per release */
async function modelPlanFor(ctx: ServerContext, models: ModelRuns, params: PlanParams, path: string): Promise<PlanResult | { error: string }> {
  const uri = params.textDocument.uri;
  const doc = ctx.documents.get(uri);
  if (!doc) return { error: 'Migration plan: open the model first.' };
  if (!params.position) return { error: 'Migration plan: put the cursor on a finding of the model.' };
  const outcome = await computeModelPlan(ctx, uri, path, doc.offsetAt(params.position), params.rule, models.last(uri));
  if (!outcome.ok) return { error: `Migration plan: ${outcome.reason}` };
  const { plan, finding } = outcome.modelPlan;
  return {
    rule: finding.rule,
    summary: plan.summary,
    markdown: modelPlanToMarkdown(outcome.modelPlan),
    files: plan.releases.flatMap((r) => r.files.map((f) => ({ path: f.path, direction: f.direction }))),
  };
}

/**
 * `lockstep.server.showMigrationPlan` [uri, statementIndex | position, rule]: the Markdown, written
 * read-only to a temporary file and shown. A model's finding is named by its position.
 */
export async function showMigrationPlanCommand(ctx: ServerContext, models: ModelRuns, args: unknown[]): Promise<string | null> {
  const [uri, at, rule] = args;
  if (typeof uri !== 'string' || (typeof at !== 'number' && !isPosition(at)) || (rule !== undefined && typeof rule !== 'string')) return null;
  const outcome = await planFor(ctx, models, typeof at === 'number' ? { textDocument: { uri }, statementIndex: at, rule } : { textDocument: { uri }, position: at, rule });
  if ('error' in outcome) {
    void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: outcome.error });
    return null;
  }
  const name = basename(uriToPath(uri) ?? 'migration').replace(/\.[^.]*$/, '');
  const file = join(mkdtempSync(join(tmpdir(), 'lockstep-plan-')), `${name}.${outcome.rule}-plan.md`);
  writeFileSync(file, outcome.markdown);
  chmodSync(file, 0o444);
  if (ctx.flags.showDocument) {
    await ctx.connection.window.showDocument({ uri: pathToUri(file), takeFocus: true });
  } else {
    void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Lockstep: the migration plan is in ${file}` });
  }
  return outcome.markdown;
}

function isPosition(value: unknown): value is Position {
  if (typeof value !== 'object' || value === null) return false;
  const { line, character } = value as { line?: unknown; character?: unknown };
  return typeof line === 'number' && typeof character === 'number' && line >= 0 && character >= 0;
}

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}
