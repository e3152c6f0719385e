// Quick fixes on model files: the ORM-native fixes of the finding (`@map("old")`, `@ignore`,
// `@default(…)`, …), "Disable <rule> for this line" as a `//` comment, the rule's docs, and
// "Show the expand/contract plan" where the change needs several releases, and, when that plan's
// files belong in the ORM's migration chain (Prisma Migrate), the action that writes them.
// The language server has one code-action handler per connection: `withModelCodeActions` gives the
// SQL handler a connection whose code-action requests for model files come here first.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Connection, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { disableModelNextLineEdit } from '../../engine';
import type { ServerContext } from '../context';
import { rangeToSpan, toLspEdit } from '../convert';
import { COMMANDS } from '../protocol';
import { uriToPath } from '../uri';
import type { ModelDiagnostics, ModelDocumentAnalysis } from './model-diagnostics';
import { computeModelPlan, isPlannableRule, type ModelPlanOutcome } from './plan-compute';
import { planFiles, planFilesWorkspaceEdit } from './plan-edit';

export const SHOW_MODEL_PLAN_TITLE = 'Show the expand/contract plan';
/** the model file itself is left as the user wrote it: it shows the end state */
export const WRITE_MODEL_PLAN_TITLE = 'Write the expand/contract plan as new migrations (the model edits are listed in their headers)';

type CodeActionHandler = Parameters<Connection['onCodeAction']>[0];

/** the context with a connection whose `onCodeAction` routes model documents to `modelCodeActions` */
export function withModelCodeActions(ctx: ServerContext, models: ModelDiagnostics): ServerContext {
  const connection = ctx.connection;
  const onCodeAction = (handler: CodeActionHandler) =>
    connection.onCodeAction((params, token, progress, results) => (models.owns(params.textDocument.uri) ? modelCodeActions(ctx, models, params) : handler(params, token, progress, results)));
  const routed = new Proxy(connection, { get: (target, key, receiver) => (key === 'onCodeAction' ? onCodeAction : Reflect.get(target, key, receiver)) });
  // a view, not a copy: the handlers read flags and stores that initialize sets later
  return new Proxy(ctx, { get: (target, key, receiver) => (key === 'connection' ? routed : Reflect.get(target, key, receiver)) });
}

export async function modelCodeActions(ctx: ServerContext, models: ModelDiagnostics, params: CodeActionParams): Promise<CodeAction[]> {
  const only = params.context.only;
  if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
  const doc = ctx.documents.get(params.textDocument.uri);
  const last = models.last(params.textDocument.uri);
  if (!doc || !last || last.version !== doc.version) return [];
  const fixes: CodeAction[] = [];
  const plans: CodeAction[] = [];
  const others: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== 'lockstep' || typeof diagnostic.code !== 'string') continue;
    const rule = diagnostic.code;
    const span = rangeToSpan(doc, diagnostic.range);
    const finding = last.findings.find((f) => f.rule === rule && f.span.start === span.start && f.span.end === span.end && (f.help ? `${f.message}\n${f.help}` : f.message) === diagnostic.message);
    for (const fix of finding?.fixes ?? []) fixes.push(quickFix(fix.title, doc, fix.edits.map((e) => toLspEdit(doc, e)), diagnostic, fix.preferred === true));
    if (finding && isPlannableRule(rule)) plans.push(...(await planActions(ctx, doc, diagnostic, rule, last)));
    const disable = disableModelNextLineEdit(doc.getText(), span, rule).map((e) => toLspEdit(doc, e));
    if (disable.length > 0) others.push(quickFix(`Disable ${rule} for this line`, doc, disable, diagnostic, false));
    const url = ctx.analyses.docsUrl(rule, last.settings.docsBase);
    const command = ctx.flags.vscodeExtension ? COMMANDS.showRuleDocs : COMMANDS.serverShowRuleDocs;
    others.push({ title: `Show documentation for ${rule}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: `Show documentation for ${rule}`, command, arguments: [rule, url] } });
  }
  fixes.sort((a, b) => Number(b.isPreferred === true) - Number(a.isPreferred === true));
  return [...fixes, ...plans, ...others];
}

/**
 * The plan is computed here, not only when shown: a change the plan builders refuse gets no action.
 * VS Code runs its own command (the plan as a `lockstep-plan:` document); other clients run the
 * server's, which writes a read-only Markdown file and opens it.
 */
async function planActions(ctx: ServerContext, doc: TextDocument, diagnostic: Diagnostic, rule: string, last: ModelDocumentAnalysis): Promise<CodeAction[]> {
  const path = uriToPath(doc.uri);
  if (!path) return [];
  // the model as the diagnostics read it: the plan is of the finding the user clicked
  const outcome = await computeModelPlan(ctx, doc.uri, path, doc.offsetAt(diagnostic.range.start), rule, last);
  if (!outcome.ok) {
    ctx.connection.console.debug(`lockstep: no plan for ${rule} in ${doc.uri}: ${outcome.reason}`);
    return [];
  }
  const position = diagnostic.range.start;
  const command = ctx.flags.vscodeExtension
    ? { title: SHOW_MODEL_PLAN_TITLE, command: COMMANDS.showMigrationPlan, arguments: [doc.uri, position] }
    : { title: SHOW_MODEL_PLAN_TITLE, command: COMMANDS.serverShowMigrationPlan, arguments: [doc.uri, position, rule] };
  const show: CodeAction = { title: SHOW_MODEL_PLAN_TITLE, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command };
  const write = await writePlanAction(ctx, doc, diagnostic, outcome);
  return write ? [show, write] : [show];
}

/**
 * The plan's migration folders as one WorkspaceEdit that creates them, offered only when the plan
 * joins the ORM's migration chain, the client can create files, and none of them exists yet (as
 * the SQL rewrite); the show action stays for everyone else.
 */
async function writePlanAction(ctx: ServerContext, doc: TextDocument, diagnostic: Diagnostic, outcome: Extract<ModelPlanOutcome, { ok: true }>): Promise<CodeAction | undefined> {
  const { plan, writable } = outcome.modelPlan;
  const support = ctx.flags.planEdits;
  if (!writable || !support?.createFiles) return undefined;
  const root = (await ctx.settings.get(doc.uri)).project.root;
  const existing = (planFiles(plan, root) ?? []).filter((f) => ctx.host.stat(f.abs) !== undefined).map((f) => f.path);
  if (existing.length > 0) {
    ctx.connection.console.debug(`lockstep: no plan to write for ${diagnostic.code} in ${doc.uri}: it would overwrite ${existing.join(', ')}`);
    return undefined;
  }
  const edit = planFilesWorkspaceEdit({ plan, root, annotations: support.annotations });
  if (!edit) {
    ctx.connection.console.debug(`lockstep: no plan to write for ${diagnostic.code} in ${doc.uri}: a path leaves the project folder or it adds no file`);
    return undefined;
  }
  return { title: WRITE_MODEL_PLAN_TITLE, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
}

function quickFix(title: string, doc: TextDocument, edits: TextEdit[], diagnostic: Diagnostic, preferred: boolean): CodeAction {
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [doc.uri]: edits } } };
  if (preferred) action.isPreferred = true;
  return action;
}
