// `lockstep/plan`: the expand/contract plan of a statement as Markdown (changes nothing), and the
// server command that shows it to clients without the VS Code extension: a read-only Markdown file
// in a temporary folder, opened with window/showDocument.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification } from 'vscode-languageserver';
import { planToMarkdown } from '../../engine';
import type { ServerContext } from '../context';
import { PlanRequest, type PlanParams, type PlanResult } from '../protocol';
import { pathToUri, uriToPath } from '../uri';
import { computePlan, isPlannableRule, topLevelStatementAt } from './plan-compute';

export function registerPlanRequest(ctx: ServerContext): void {
  ctx.connection.onRequest(PlanRequest, async (params): Promise<PlanResult> => {
    const outcome = await planFor(ctx, params);
    if ('error' in outcome) throw new ResponseError(LSPErrorCodes.RequestFailed, outcome.error);
    return outcome;
  });
}

/** the plan of the statement the params name, or why there is none */
export async function planFor(ctx: ServerContext, params: PlanParams): Promise<PlanResult | { error: string }> {
  const uri = params.textDocument.uri;
  const path = uriToPath(uri);
  if (!path) return { error: 'Migration plan: only a migration saved on disk has a plan (its new files go next to it).' };
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

/** `lockstep.server.showMigrationPlan` [uri, statementIndex, rule]: the Markdown, written read-only to a temporary file and shown */
export async function showMigrationPlanCommand(ctx: ServerContext, args: unknown[]): Promise<string | null> {
  const [uri, statementIndex, rule] = args;
  if (typeof uri !== 'string' || typeof statementIndex !== 'number' || (rule !== undefined && typeof rule !== 'string')) return null;
  const outcome = await planFor(ctx, { textDocument: { uri }, statementIndex, rule });
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

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}
