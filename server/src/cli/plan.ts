// `lockstep plan <file>`: the unsafe change of one statement rewritten as a safe multi-release
// sequence of migration files, printed (Markdown or the JSON contract) or written with --out.
// An ORM model file (schema.prisma, a TypeORM entity, a GORM struct) is planned from the finding
// its diff against the git base draws (`--line`), as the editor's "Show the expand/contract plan".
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { modelKindByExtension, modelKindOf, modelPlanToMarkdown, PLANNABLE_RULES, planForModelChange, planForStatement, planForTableMove, planToMarkdown, type ModelParsers, type ModelPlan, type OrmKind, type Plan, type Project } from '../engine';
import { goParserError, loadGoParser } from '../common/go-parser';
import { NodeHost } from '../common/node-host';
import type { PlanCommand } from './args';
import { type CliConfig, loadConfig, openProject, searchStart } from './config-file';
import { UsageError } from './errors';
import { relativePath } from './files';
import { modelParsersFor, ModelRun } from './model-files';

export interface PlanOutcome {
  plan: Plan;
  /** files written with --out (paths relative to the working directory) */
  written: string[];
  /** set when the plan comes from an ORM model's finding */
  model?: ModelPlan;
}

/** a model file given to `plan`: by its name, unless the project reads it as a migration (a TypeORM migration class) */
function modelKindOfPlanFile(project: Project, abs: string): OrmKind | undefined {
  const kind = modelKindOf(abs) ?? modelKindByExtension(abs);
  return kind !== undefined && !project.isMigration(abs) ? kind : undefined;
}

/**
 * The parsers that load asynchronously (the Go grammar is WebAssembly), loaded before `runPlan`
 * only when the file is a Go model.
 */
export async function loadPlanParsers(cmd: PlanCommand): Promise<ModelParsers> {
  return /\.go$/i.test(cmd.file) ? { go: await loadGoParser() } : {};
}

export function runPlan(cmd: PlanCommand, cwd: string, parsers: ModelParsers = {}): PlanOutcome {
  const { abs, text, host, config, project } = openPlanFile(cmd, cwd);
  const orm = modelKindOfPlanFile(project, abs);
  if (orm !== undefined) return runModelPlan(cmd, cwd, { abs, text, host, config, project, orm, parsers });
  if (cmd.line !== undefined || cmd.gitBase !== undefined) throw new UsageError(`${cmd.line !== undefined ? '--line' : '--git-base'} is for ORM model files; in a migration, choose the statement with --statement.`);
  if (cmd.moveTable !== undefined && (cmd.statement !== undefined || cmd.rule !== undefined)) throw new UsageError('--move-table plans a whole table: leave out --statement and --rule.');
  const result = cmd.moveTable !== undefined
    ? planForTableMove(project, abs, text, cmd.moveTable.table, cmd.moveTable.to, { batchSize: cmd.batchSize })
    : planForStatement(project, abs, text, { statementIndex: cmd.statement, rule: cmd.rule, triggers: cmd.triggers, batchSize: cmd.batchSize });
  if (!result.ok) throw new UsageError(`plan: ${result.reason}`);
  const written = cmd.out !== undefined ? writeFiles(result.plan, resolve(cwd, cmd.out), cwd) : [];
  return { plan: result.plan, written };
}

interface PlanFile {
  /** absolute path */
  abs: string;
  text: string;
  host: NodeHost;
  /** kept for a model file: it is read with the config's companions and naming, as lint reads it */
  config: CliConfig;
  project: Project;
}

/** the file named on the command line, read, with its config and project */
function openPlanFile(cmd: PlanCommand, cwd: string): PlanFile {
  const host = new NodeHost();
  const abs = resolve(cwd, cmd.file);
  const read = host.read(abs);
  if (!read.ok) throw new UsageError(`${relativePath(cwd, abs)}: ${read.reason}`);
  const config = loadConfig(cmd.config, cwd, searchStart(cwd, cmd.file), undefined, host);
  return { abs, text: read.text, host, config, project: openProject(config, host, undefined, []) };
}

interface ModelFile extends PlanFile {
  orm: OrmKind;
  parsers: ModelParsers;
}

/**
 * The plan of the model finding on `--line` (else the first with a plan). Both versions are read
 * as `lockstep lint --git-base` reads them (model-files.ts), so the plan is of the finding lint reports.
 */
function runModelPlan(cmd: PlanCommand, cwd: string, file: ModelFile): PlanOutcome {
  const { abs, text, host, config, project, orm } = file;
  if (cmd.statement !== undefined) throw new UsageError('--statement is for migrations; in a model file, choose the finding with --line.');
  if (cmd.moveTable !== undefined) throw new UsageError('--move-table plans a table of a migration chain: pass a migration of that chain, not a model file.');
  // a plan that is only shown is refused before it is computed: nothing would tell where its files go
  if (cmd.out !== undefined && orm !== 'prisma') throw new UsageError(`--out: ${shownOnlyReason(orm)}; nothing was written.`);
  const base = cmd.gitBase ?? project.config.orm.base;
  const run = new ModelRun(host, config, base);
  const atBase = run.atBase.read(abs);
  if (!atBase.ok) throw new UsageError(`plan: ${relativePath(cwd, abs)}: ${atBase.reason}`);
  if (orm === 'gorm' && !file.parsers.go) throw new UsageError(`plan: the Go parser could not be loaded (${goParserError() ?? 'not loaded'})`);
  const result = planForModelChange({
    project,
    path: abs,
    before: atBase.text,
    afterText: text,
    options: { target: config.target, rules: config.rules, settings: config.settings, ...modelParsersFor(host, abs, text, atBase.text, config, file.parsers, run) },
    line: cmd.line !== undefined ? cmd.line - 1 : undefined,
    rule: cmd.rule,
    triggers: cmd.triggers,
    batchSize: cmd.batchSize,
  });
  if (!result.ok) throw new UsageError(`plan: ${result.reason}${cmd.rule !== undefined && !PLANNABLE_RULES.has(cmd.rule) ? '' : ` (compared with ${base})`}`);
  if (cmd.out !== undefined && !result.writable) throw new UsageError(`--out: ${shownOnlyReason(result.orm)}; nothing was written.`);
  const written = cmd.out !== undefined ? writeFiles(result.plan, resolve(cwd, cmd.out), cwd) : [];
  return { plan: result.plan, written, model: result };
}

/** why a model's plan has no migration folder to be written into */
function shownOnlyReason(orm: OrmKind): string {
  switch (orm) {
    case 'prisma':
      return 'the schema has no Prisma Migrate migrations/ folder next to it, so its plan is shown only. Create the first migration (prisma migrate dev), then plan again, or print the plan without --out';
    case 'typeorm':
      return 'TypeORM migrations are classes, so the plan of an entity is shown only. Print it without --out and put each file\'s statements in a migration class, as its notes say';
    case 'gorm':
      return 'GORM has no migration files, so the plan of a struct is shown only. Print it without --out and run each release\'s files with your migration tool, as its notes say';
  }
}

/** every file under `outDir` (paths keep their workspace-relative folders); refuses before writing anything if one exists */
function writeFiles(plan: Plan, outDir: string, cwd: string): string[] {
  const targets = plan.releases.flatMap((r) => r.files).map((f) => ({ abs: resolve(outDir, f.path), content: f.content }));
  const existing = targets.filter((t) => existsSync(t.abs)).map((t) => relativePath(cwd, t.abs));
  if (existing.length > 0) throw new UsageError(`--out: refusing to overwrite existing file${existing.length === 1 ? '' : 's'} ${existing.join(', ')}; nothing was written.`);
  for (const t of targets) {
    mkdirSync(dirname(t.abs), { recursive: true });
    writeFileSync(t.abs, t.content, { flag: 'wx' });
  }
  return targets.map((t) => relativePath(cwd, t.abs));
}

/** the JSON contract: convention and releases in deployment order (extra fields: kind, summary, statementIndex, notes) */
export function planJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

export function planText(outcome: PlanOutcome): string {
  const written = outcome.written.length > 0 ? `\nWrote ${outcome.written.length} files:\n${outcome.written.map((w) => `  ${w}`).join('\n')}\n` : '';
  return `${outcome.model ? modelPlanToMarkdown(outcome.model) : planToMarkdown(outcome.plan)}${written}`;
}
