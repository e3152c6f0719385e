// Expand/contract plans: an unsafe change of one statement rewritten as releases of migration files
// in the project's convention, each release safe on its own. Pure given the Project's host.
import { analyzeFile, type FileAnalysis } from '../analyze';
import { applyStatement, cloneCatalog } from '../catalog/apply';
import { analyzeOptionsFrom } from '../config';
import type { Project } from '../project';
import type { Catalog, Operation, Statement } from '../types';
import { DEFAULT_BATCH_SIZE } from './backfill';
import { PlanBuild, type Builder } from './build';
import type { PlanDraft } from './draft';
import { planAddForeignKey } from './kinds/add-foreign-key';
import { planAddUniqueIndex } from './kinds/add-unique-index';
import { planLargeTableRewrite } from './kinds/large-table-rewrite';
import { planMoveTable } from './kinds/move-table';
import { planPrimaryKeyChange } from './kinds/primary-key-change';
import { planTypeChange } from './kinds/change-column-type';
import { planDropColumn } from './kinds/drop-column';
import { planDropTable } from './kinds/drop-table';
import { planNotNullWithoutDefault, planSetNotNull } from './kinds/not-null';
import { planRenameColumn } from './kinds/rename-column';
import { planRenameTable } from './kinds/rename-table';
import { writePlan } from './write';
import type { Plan, PlanKind } from './types';

export type { Plan, PlanRelease, PlanFile, PlanKind } from './types';
export { planToMarkdown } from './markdown';
export { planForModelChange, modelPlanToMarkdown, type ModelPlan, type ModelPlanRequest, type ModelPlanResult } from './model-plan';

interface KindEntry {
  /** the operation of the statement the plan rewrites */
  matches: (op: Operation) => boolean;
  build: Builder;
  /** the plan takes the statement as a whole (an online schema change tool runs all its clauses) */
  wholeStatement?: true;
}

const KINDS: Partial<Record<PlanKind, KindEntry>> = {
  'rename-column': {
    matches: (op) => op.kind === 'rename-column' || (op.kind === 'modify-column' && op.newName !== undefined && op.newName.toLowerCase() !== op.column.toLowerCase()),
    build: planRenameColumn as Builder,
  },
  'rename-table': { matches: (op) => op.kind === 'rename-table', build: planRenameTable as Builder },
  'not-null-without-default': { matches: (op) => op.kind === 'add-column' && op.column.nullable === false, build: planNotNullWithoutDefault as Builder },
  'set-not-null': { matches: (op) => op.kind === 'modify-column' && op.def.nullable === false, build: planSetNotNull as Builder },
  'drop-column': { matches: (op) => op.kind === 'drop-column', build: planDropColumn as Builder },
  'drop-table': { matches: (op) => op.kind === 'drop-table', build: planDropTable as Builder },
  'change-column-type': { matches: isTypeChange, build: planTypeChange('change-column-type') as Builder },
  'varchar-length-change': { matches: isTypeChange, build: planTypeChange('varchar-length-change') as Builder },
  'enum-set-change': { matches: isTypeChange, build: planTypeChange('enum-set-change') as Builder },
  'add-unique-index': { matches: (op) => op.kind === 'add-index' && op.index.kind === 'unique', build: planAddUniqueIndex as Builder },
  'add-foreign-key': { matches: (op) => op.kind === 'add-foreign-key', build: planAddForeignKey as Builder },
  'primary-key-change': { matches: (op) => op.kind === 'add-index' && op.index.kind === 'primary', build: planPrimaryKeyChange as Builder, wholeStatement: true },
  'large-table-rewrite': { matches: (op) => op.kind !== 'create-table', build: planLargeTableRewrite as Builder, wholeStatement: true },
};

function isTypeChange(op: Operation): boolean {
  return op.kind === 'modify-column' && (op.newName === undefined || op.newName.toLowerCase() === op.column.toLowerCase());
}

/** rule ids a plan exists for (the LSP offers "Rewrite as a safe multi-release sequence" on diagnostics with these codes) */
export const PLANNABLE_RULES: ReadonlySet<string> = new Set(Object.keys(KINDS));

export interface PlanOptions {
  statementIndex?: number;
  rule?: string;
  /**
   * The analysis of `text` as this function would make it (the project's analyze options, the
   * file's schema context), when the caller already has one (the language server's incremental
   * analysis): spares analyzing the whole file again.
   */
  analysis?: Pick<FileAnalysis, 'statements' | 'findings'>;
  triggers?: boolean;
  batchSize?: number;
  now?: Date;
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; reason: string };

/**
 * Plans the unsafe change of one statement of `path` (absolute) whose current text is `text`, in the
 * project's convention, with the project's earlier migrations as the schema before it. `ok:false`
 * carries a user-facing reason (no plannable finding at that statement, table unknown, …).
 */
export function planForStatement(project: Project, path: string, text: string, options: PlanOptions): PlanResult {
  const chain = project.chainOf(path, true);
  if (!chain) return { ok: false, reason: `${project.rel(path)} is not a migration of this project (the config excludes it)` };
  if (options.rule !== undefined && !PLANNABLE_RULES.has(options.rule)) return { ok: false, reason: `no multi-release plan exists for ${options.rule}; plans exist for ${[...PLANNABLE_RULES].join(', ')}` };
  const context = project.fileContext(path);
  const analyzed = project.analyzedText(text, context);
  const base = analyzeOptionsFrom(project.config);
  const analysis = options.analysis ?? analyzeFile(project.rel(path), analyzed, { ...base, catalog: context.catalog, newTables: context.newTables });
  const plannable = analysis.findings.filter((f) => PLANNABLE_RULES.has(f.rule) && f.statementIndex !== undefined && (options.rule === undefined || f.rule === options.rule));
  const candidates = options.statementIndex !== undefined ? plannable.filter((f) => f.statementIndex === options.statementIndex) : plannable;
  const finding = candidates[0];
  if (!finding || finding.statementIndex === undefined) {
    if (options.statementIndex !== undefined && !analysis.statements.some((s) => s.statement.index === options.statementIndex)) {
      return { ok: false, reason: `${project.rel(path)} has no statement ${options.statementIndex} (it has ${analysis.statements.length})` };
    }
    const where = options.statementIndex !== undefined ? `statement ${options.statementIndex} of ${project.rel(path)}` : project.rel(path);
    return { ok: false, reason: `${where} has no finding a plan exists for (${[...PLANNABLE_RULES].join(', ')})` };
  }
  const statements = analysis.statements.map((s) => s.statement);
  const statement = statements.find((s) => s.index === finding.statementIndex) as Statement;
  const kind = finding.rule as PlanKind;
  const entry = KINDS[kind] as KindEntry;
  const op = statement.operations.find(entry.matches);
  if (!op) return { ok: false, reason: `statement ${statement.index} mixes changes the ${kind} plan cannot isolate` };
  if (statement.operations.length > 1 && !entry.wholeStatement) return { ok: false, reason: `statement ${statement.index} makes ${statement.operations.length} changes at once: split it into one statement per change, then plan the ${kind} one` };
  const build = new PlanBuild(project.config.target, catalogBefore(context.catalog, statements, statement, project.rel(path)), statement, {
    triggers: options.triggers ?? false,
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
  }, {
    text: analyzed,
    rules: [...new Set(analysis.findings.filter((f) => f.statementIndex === statement.index).map((f) => f.rule))],
    tableRows: base.settings?.tableRows ?? {},
  });
  let draft: PlanDraft | string;
  try {
    draft = entry.build(build, op);
  } catch (err) {
    return { ok: false, reason: `the ${kind} plan failed: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (typeof draft === 'string') return { ok: false, reason: draft };
  return { ok: true, plan: writePlan(project, chain, draft, options.now ?? new Date(), statement.index) };
}

/**
 * Plans moving `table` to another schema of the same server (`lockstep plan <file> --move-table t
 * --to s`): `path` (absolute, current text `text`) names the chain; the new files follow its last
 * migration in its convention, so the table is taken as the whole chain leaves it.
 */
export function planForTableMove(project: Project, path: string, text: string, table: string, schema: string, options: Omit<PlanOptions, 'statementIndex' | 'rule'> = {}): PlanResult {
  const chain = project.chainOf(path, true);
  if (!chain) return { ok: false, reason: `${project.rel(path)} is not a migration of this project (the config excludes it)` };
  // the files follow the chain's last migration: the table as the whole chain leaves it (with `text` for the file, saved or not)
  const last = chain.ordered[chain.ordered.length - 1];
  const catalog = last !== undefined && last !== path ? project.schemaOf(chain) : afterFile(project, path, text);
  const draft = planMoveTable({ catalog, table, schema, batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE });
  if (typeof draft === 'string') return { ok: false, reason: draft };
  return { ok: true, plan: writePlan(project, chain, draft, options.now ?? new Date()) };
}

function afterFile(project: Project, path: string, text: string): Catalog {
  const context = project.fileContext(path);
  return analyzeFile(project.rel(path), project.analyzedText(text, context), { ...analyzeOptionsFrom(project.config), catalog: context.catalog, newTables: context.newTables }).catalogAfter;
}

/** the schema before `statement`: the file's context plus the file's earlier top-level statements */
function catalogBefore(catalog: Catalog, statements: readonly Statement[], statement: Statement, rel: string): Catalog {
  const out = cloneCatalog(catalog);
  for (const s of statements) {
    if (s.index >= statement.index) break;
    applyStatement(out, s, rel);
  }
  return out;
}

/** the plan builders by kind, for plans of statements that are not a migration's (model-plan.ts) */
export { KINDS as PLAN_KINDS };
export type { KindEntry as PlanKindEntry };
