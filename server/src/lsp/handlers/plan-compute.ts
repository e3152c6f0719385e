// The engine's plan for one statement of a migration, or for one finding of an ORM model, found
// from a diagnostic or a position; never throws (a plan that fails is a reason, logged by the caller).
import type { Diagnostic } from 'vscode-languageserver';
import { analyzeOptionsFrom, discoverModelFiles, isModelFile, modelBase, modelKindByExtension, PLANNABLE_RULES, planForModelChange, planForStatement, type FileAnalysis, type ModelAnalyzeOptions, type ModelParsers, type ModelPlan, type Plan, type Project, type Statement } from '../../engine';
import { GitBaseReader } from '../../common/git-base-reader';
import { loadGoParser } from '../../common/go-parser';
import { hostSource, modelCompanions, modelKind, parsersWith } from '../../common/model-companions';
import type { ServerContext } from '../context';
import type { EffectiveSettings } from './configuration';
import type { DocumentAnalysis } from './diagnostics';
import type { ModelDocumentAnalysis } from './model-diagnostics';

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

/** a document the model handler owns (`.prisma`, `.ts`, `.go`): its plans come from the model diff */
export function isModelDocumentPath(path: string): boolean {
  return modelKindByExtension(path) !== undefined;
}

export type ModelPlanOutcome = { ok: true; modelPlan: ModelPlan } | { ok: false; reason: string };

/**
 * The plan of the model finding at `offset` of the open model document. It reads the model as the
 * diagnostics did (`last`: the base, companions and naming of the model's last run), so the plan is
 * of the finding the document shows; without a last run of these settings, the base and the
 * companions are read here the same way (one `git show` per file). Never throws.
 */
export async function computeModelPlan(ctx: ServerContext, uri: string, path: string, offset: number, rule: string | undefined, last?: ModelDocumentAnalysis): Promise<ModelPlanOutcome> {
  try {
    const doc = ctx.documents.get(uri);
    if (!doc) return { ok: false, reason: 'open the model first' };
    const settings = await ctx.settings.get(uri);
    const { project } = settings;
    if (!isModelFile(path, settings.root, project.config.orm.models)) return { ok: false, reason: `${project.rel(path)} is not a model file of this project` };
    const afterText = doc.getText();
    const inputs = last?.inputs !== undefined && last.settings === settings ? last.inputs : await modelInputsFromGit(ctx, settings, path, afterText);
    if ('reason' in inputs) return { ok: false, reason: inputs.reason };
    const result = planForModelChange({ project, path, before: inputs.base, afterText, options: inputs.options, offset, rule });
    return result.ok ? { ok: true, modelPlan: result } : result;
  } catch (error) {
    return { ok: false, reason: `the plan failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

type ModelInputs = NonNullable<ModelDocumentAnalysis['inputs']>;

/**
 * What model-diagnostics.ts reads a model with, read afresh: its text at `orm.base`, each side
 * with its own companion files (the Go package, a TypeORM entity's imports and fellow entities)
 * and the config's TypeORM naming.
 */
async function modelInputsFromGit(ctx: ServerContext, settings: EffectiveSettings, path: string, text: string): Promise<ModelInputs | { reason: string }> {
  const orm = settings.project.config.orm;
  const reader = new GitBaseReader(orm.base);
  const atBase = reader.read(path);
  if (!atBase.ok) return { reason: `the model has no git base to compare with (${atBase.reason})` };
  const shared: ModelParsers = { ...(path.endsWith('.go') ? { go: await loadGoParser() } : {}), typeorm: { naming: orm.typeorm.naming } };
  const otherModels = modelKind(path) === 'typeorm' ? discoverModelFiles(ctx.host, [settings.root], settings.root, orm.models) : [];
  const working = modelCompanions(path, text, hostSource(ctx.host), otherModels);
  const based = atBase.text === undefined ? working : modelCompanions(path, atBase.text, reader, otherModels);
  const options: ModelAnalyzeOptions = { target: settings.target, rules: settings.rules, settings: settings.ruleSettings, parsers: parsersWith(path, working, shared) };
  const base = modelBase(settings.project.rel(path), atBase.text, { ...options, baseParsers: parsersWith(path, based, shared) });
  return { base, options };
}
