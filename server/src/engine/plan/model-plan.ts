// The expand/contract plan of an ORM model finding. The model diff is rendered as the SQL the
// ORM's generator would write (orm/analyze-model.ts); the one change behind the finding becomes a
// statement of its own, planned on the schema the base model describes, with the same builders as
// a migration's statement. Each release also says what to change in the model.
//
// Where the files go: a Prisma schema with a `migrations/` folder of `<ts>_<name>/migration.sql`
// gets them in that chain (Prisma Migrate applies them); anything else (TypeORM, whose migrations
// are classes, GORM, a Prisma schema never migrated) gets a plan that is only shown, its files
// named under `lockstep-plan/` next to the model.
import { analyzeFile, type AnalyzeOptions } from '../analyze';
import { analyzeModelChange, modelBase, type ModelAnalyzeOptions, type ModelBase } from '../orm/analyze-model';
import { quoteId, type ModelChange } from '../orm/diff';
import type { OrmKind } from '../orm/model';
import { baseOf, dirOf, joinPath } from '../project/paths';
import type { Chain, Project } from '../project';
import type { Finding, Span, Statement } from '../types';
import { DEFAULT_BATCH_SIZE } from './backfill';
import { PlanBuild } from './build';
import type { PlanDraft } from './draft';
import { PLAN_KINDS, PLANNABLE_RULES, type PlanKindEntry } from './index';
import { planToMarkdown } from './markdown';
import { modelGuidance } from './model-guidance';
import { showOnlyPlan } from './model-write';
import type { Plan, PlanKind } from './types';
import { writePlan } from './write';

export interface ModelPlanRequest {
  project: Project;
  /** the model file (absolute) */
  path: string;
  /** its text at the git base (undefined: new there), or the base already prepared for `project.rel(path)` */
  before: string | undefined | ModelBase;
  afterText: string;
  options: ModelAnalyzeOptions;
  /** the finding whose span holds this offset of `afterText` … */
  offset?: number;
  /** … or that sits on this line (0-based); neither: the first finding that has a plan */
  line?: number;
  /** only a finding of this rule */
  rule?: string;
  triggers?: boolean;
  batchSize?: number;
  now?: Date;
}

export interface ModelPlan {
  plan: Plan;
  orm: OrmKind;
  /** the model finding the plan is for */
  finding: Finding;
  /** true: the files belong in the ORM's migration chain and may be written; false: shown only */
  writable: boolean;
}

export type ModelPlanResult = ({ ok: true } & ModelPlan) | { ok: false; reason: string };

const ORM_NAMES: Record<OrmKind, string> = { prisma: 'Prisma', typeorm: 'TypeORM', gorm: 'GORM' };

export function planForModelChange(request: ModelPlanRequest): ModelPlanResult {
  const { project, path, afterText, options } = request;
  const rel = project.rel(path);
  if (request.rule !== undefined && !PLANNABLE_RULES.has(request.rule)) return { ok: false, reason: `no multi-release plan exists for ${request.rule}; plans exist for ${[...PLANNABLE_RULES].join(', ')}` };
  const base = typeof request.before === 'object' && request.before.path === rel && request.before.target === options.target.label ? request.before : modelBase(rel, typeof request.before === 'object' ? request.before.text : request.before, options);
  const analysis = analyzeModelChange(rel, base, afterText, options);
  if (!analysis) return { ok: false, reason: `${rel} is not a model file Lockstep reads` };
  if (analysis.problems.length > 0) return { ok: false, reason: `${rel} could not be read: ${analysis.problems[0]}` };
  const finding = pickFinding(analysis.findings, afterText, request);
  if (!finding) {
    const where = request.line !== undefined ? `line ${request.line + 1} of ${rel}` : request.offset !== undefined ? `that place in ${rel}` : rel;
    return { ok: false, reason: `${where} has no finding a plan exists for (${[...PLANNABLE_RULES].join(', ')})` };
  }
  const kind = finding.rule as PlanKind;
  const entry = PLAN_KINDS[kind] as PlanKindEntry;
  const planned = planChange(base, analysis.changes, finding, entry, options, request);
  if (typeof planned === 'string') return { ok: false, reason: planned };
  const { draft, change } = planned;

  const guidance = modelGuidance({ orm: analysis.orm, kind, change, file: baseOf(path), beforeText: base.text ?? '', afterText, releases: draft.releases.length });
  draft.releases.forEach((r, i) => r.appSteps.unshift(...guidance[i]));
  const chain = analysis.orm === 'prisma' ? prismaChain(project, path) : undefined;
  const now = request.now ?? new Date();
  if (chain) return { ok: true, plan: writePlan(project, chain, draft, now), orm: analysis.orm, finding, writable: true };
  draft.notes = [...(draft.notes ?? []), ...showOnlyNotes(analysis.orm)];
  return { ok: true, plan: showOnlyPlan(draft, project.rel(dirOf(path))), orm: analysis.orm, finding, writable: false };
}

/** the plan as Markdown, with a banner when its files are shown only */
export function modelPlanToMarkdown(modelPlan: ModelPlan): string {
  const text = planToMarkdown(modelPlan.plan);
  const banner = modelPlan.writable
    ? `Planned from a change to the ${ORM_NAMES[modelPlan.orm]} model: the files go into its migrations folder.`
    : `Planned from a change to the ${ORM_NAMES[modelPlan.orm]} model. **Shown only: these files are not written anywhere.** Their paths under \`lockstep-plan/\` only name them; add each one to your migrations as the notes below say.`;
  const cut = text.indexOf('\n\n');
  return `${text.slice(0, cut)}\n\n> ${banner}${text.slice(cut)}`;
}

function pickFinding(findings: readonly Finding[], text: string, request: ModelPlanRequest): Finding | undefined {
  const plannable = findings.filter((f) => PLANNABLE_RULES.has(f.rule) && (request.rule === undefined || f.rule === request.rule));
  if (request.offset !== undefined) {
    const at = request.offset;
    return plannable.find((f) => f.span.start <= at && at <= f.span.end) ?? plannable.find((f) => sameLine(text, f.span, at));
  }
  if (request.line !== undefined) {
    const start = lineStart(text, request.line);
    return start === undefined ? undefined : plannable.find((f) => sameLine(text, f.span, start));
  }
  return plannable[0];
}

function lineStart(text: string, line: number): number | undefined {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return undefined;
    offset = next + 1;
  }
  return offset;
}

/** `offset` is on one of the lines `span` covers */
function sameLine(text: string, span: Span, offset: number): boolean {
  const from = text.lastIndexOf('\n', span.start - 1) + 1;
  const nl = text.indexOf('\n', span.end);
  return offset >= from && offset <= (nl < 0 ? text.length : nl);
}

/**
 * The model change behind `finding` as a statement of its own, planned on the base model's schema.
 * Changes that share a place (two fields removed from one model sit on its name) are told apart
 * by the field the finding's message names.
 */
function planChange(base: ModelBase, changes: readonly ModelChange[], finding: Finding, entry: PlanKindEntry, options: ModelAnalyzeOptions, request: ModelPlanRequest): { draft: PlanDraft; change: ModelChange } | string {
  const here = changes.filter((c) => c.anchor.start === finding.span.start && c.anchor.end === finding.span.end);
  const named = here.filter((c) => {
    const field = c.kind === 'drop-column' || c.kind === 'rename-column' || c.kind === 'modify-column' ? c.before.field : undefined;
    return field !== undefined && finding.message.includes(`${field} `);
  });
  let reason = 'the model change behind this finding could not be isolated';
  for (const change of [...named, ...here.filter((c) => !named.includes(c))]) {
    const planned = planOne(base, change, finding.rule, entry, options, request);
    if (typeof planned !== 'string') return { draft: planned, change };
    reason = planned;
  }
  return reason;
}

function planOne(base: ModelBase, change: ModelChange, rule: string, entry: PlanKindEntry, options: ModelAnalyzeOptions, request: ModelPlanRequest): PlanDraft | string {
  const sql = change.kind === 'create-table' || change.kind === 'drop-table' ? change.sql : `ALTER TABLE ${quoteId(change.table.table)} ${change.sql}`;
  const { parsers: _parsers, ...rest } = options;
  const analyzeOptions: AnalyzeOptions = { ...rest, catalog: base.catalog };
  const analysis = analyzeFile(`${base.path}.sql`, sql, analyzeOptions);
  const statement: Statement | undefined = analysis.statements[0]?.statement;
  if (!statement || !analysis.findings.some((f) => f.rule === rule)) return `the change ${sql} does not draw ${rule} on its own`;
  const op = statement.operations.find(entry.matches);
  if (!op) return `the ${rule} plan cannot isolate the change ${sql}`;
  const build = new PlanBuild(options.target, base.catalog, statement, { triggers: request.triggers ?? false, batchSize: request.batchSize ?? DEFAULT_BATCH_SIZE }, {
    text: sql,
    rules: [...new Set(analysis.findings.map((f) => f.rule))],
    tableRows: options.settings?.tableRows ?? {},
  });
  try {
    return entry.build(build, op);
  } catch (err) {
    return `the ${rule} plan failed: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** the Prisma Migrate chain next to the schema: `migrations/<ts>_<name>/migration.sql`, when it has one */
function prismaChain(project: Project, schemaPath: string): Chain | undefined {
  const folder = joinPath(dirOf(schemaPath), 'migrations');
  const entries = project.host.list(folder);
  if (typeof entries === 'string') return undefined;
  const member = entries
    .filter((e) => e.kind === 'dir')
    .map((e) => joinPath(folder, e.name, 'migration.sql'))
    .find((p) => project.host.stat(p) === 'file');
  if (!member) return undefined;
  const chain = project.chainOf(member, true);
  return chain?.convention === 'prisma' ? chain : undefined;
}

function showOnlyNotes(orm: OrmKind): string[] {
  switch (orm) {
    case 'prisma':
      return ['The schema has no Prisma Migrate `migrations/` folder next to it, so the files are shown only. With one, each file becomes a `migrations/<timestamp>_<name>/migration.sql` (create it with `prisma migrate dev --create-only` and replace its SQL).'];
    case 'typeorm':
      return [
        'TypeORM migrations are classes, so the files are shown only: put each file\'s statements in the `up()` of a migration class created with `typeorm migration:create`, one `await queryRunner.query(…)` per statement, and its down steps in `down()`. Do not let `migration:generate` write these changes: it writes them in one step.',
        'A `DELIMITER //` line is for the mysql client only: pass a procedure\'s whole `CREATE PROCEDURE … END` as one query, without the DELIMITER lines.',
      ];
    case 'gorm':
      return [
        'GORM has no migration files, so these are shown only: run each release\'s files with your migration tool (or the mysql client) before the release\'s version starts. AutoMigrate never drops a column, so the contract step happens only when you run its file.',
        'A `DELIMITER //` line is for the mysql client only: through `db.Exec` pass a procedure\'s whole `CREATE PROCEDURE … END` as one statement, without the DELIMITER lines.',
      ];
  }
}
