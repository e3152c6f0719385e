// `lockstep lint`: the project model finds the files, their chains and the schema before each;
// every linted file is analyzed against it (with a git base, ORM model files against their own
// version there); then the baseline applies.
import { join, resolve } from 'node:path';
import { analyzeFile, type Chain, type FailOn, failsAt, type ModelParsers } from '../engine';
import { NodeHost } from '../common/node-host';
import type { LintCommand } from './args';
import { applyBaseline, DEFAULT_BASELINE_NAME, readBaseline, writeBaseline } from './baseline-file';
import { baselineFor, loadConfig, openProject, searchStart, type CliConfig } from './config-file';
import { UsageError } from './errors';
import { relativePath } from './files';
import { lintModelFile, MigrationSqlHost, modelFilesUnder, modelGitBase, ModelRun } from './model-files';
import { fileReport, type FileReport, type LintReport } from './report';

export interface LintOutcome {
  report: LintReport;
  config: CliConfig;
  /** files that could not be linted, with why (each makes the exit code 2) */
  skipped: { path: string; reason: string }[];
  /** non-fatal notes for stderr */
  notes: string[];
  failOn: FailOn;
}

/** a development database read for the run (`--url`, LOCKSTEP_DATABASE_URL or the config's devDatabase) */
export interface LintDatabase {
  /** names the source in findings: `<database mysql://user@host:port/db>` */
  rel: string;
  /** the CREATE TABLE of every base table */
  text: string;
  /** lower-cased table name → rows: wins over the config's `tables` */
  tableRows: Record<string, number>;
  /** lower-cased table name → INSTANT row versions the server already counts (MySQL 8.0.29+) */
  rowVersions: Record<string, number>;
  notes: string[];
}

/** the config `lockstep lint` runs with */
export function lintConfig(cmd: LintCommand, cwd: string): CliConfig {
  return loadConfig(cmd.config, cwd, searchStart(cwd, cmd.paths[0]), cmd.target, new NodeHost());
}

/** the database to read: --url, else LOCKSTEP_DATABASE_URL, else the config's devDatabase */
export function lintDatabaseUrl(cmd: LintCommand, env: NodeJS.ProcessEnv, config: CliConfig): string | undefined {
  const fromEnv = env.LOCKSTEP_DATABASE_URL !== undefined && env.LOCKSTEP_DATABASE_URL !== '' ? env.LOCKSTEP_DATABASE_URL : undefined;
  return cmd.url ?? fromEnv ?? config.config.devDatabase;
}

export function runLint(cmd: LintCommand, cwd: string, options: { config?: CliConfig; database?: LintDatabase; parsers?: ModelParsers } = {}): LintOutcome {
  const host = new MigrationSqlHost();
  const config = options.config ?? lintConfig(cmd, cwd);
  const baselinePath = baselineFor(config, cmd.baseline, cwd);
  const notes: string[] = [];
  const database = options.database;
  const project = openProject(config, host, cmd.releaseBase, notes, database ? [{ rel: database.rel, text: database.text, rowVersions: database.rowVersions }] : undefined);
  // the database's row counts are real: they win over the config's `tables` guesses
  const settings = database ? { ...config.settings, tableRows: { ...config.settings.tableRows, ...database.tableRows } } : config.settings;
  if (database) {
    const count = Object.keys(database.tableRows).length;
    notes.push(`read ${count} table${count === 1 ? '' : 's'} and their row counts from ${database.rel}: tables the migrations do not create are taken from it.`, ...database.notes);
  }
  const roots = cmd.paths.map((p) => resolve(cwd, p));
  const found = project.discover(roots);
  if (found.missing.length > 0) throw new UsageError(`path not found: ${found.missing.map((m) => relativePath(cwd, m)).join(', ')}`);
  // with a git base, ORM model files are checked as model diffs, never as SQL
  const gitBase = modelGitBase(cmd, config);
  const models = gitBase !== undefined ? modelFilesUnder(host, roots, config) : [];
  const modelSet = new Set(models);
  if (models.length > 0) found.files = found.files.filter((f) => !modelSet.has(f));
  if (found.files.length === 0 && models.length === 0 && found.excludedCount === 0 && found.unreadable.length === 0) {
    const globs = config.config.migrations.paths.join(', ');
    throw new UsageError(`no migration files found in ${cmd.paths.join(', ')} (migrations are the files matching ${globs}${config.source ? `, from ${relativePath(cwd, config.source)}` : ''}).`);
  }

  const linted = new Set(found.files);
  const skipped: LintOutcome['skipped'] = found.unreadable.map((u) => ({ path: relativePath(cwd, u.path), reason: u.reason }));
  const reports = new Map<string, FileReport>();

  const lintFile = (path: string): void => {
    const display = relativePath(cwd, path);
    const read = host.read(path);
    if (!read.ok) {
      skipped.push({ path: display, reason: read.reason });
      return;
    }
    const context = project.fileContext(path);
    const analysis = analyzeFile(project.rel(path), project.analyzedText(read.text, context), {
      target: config.target,
      rules: config.rules,
      settings,
      catalog: context.catalog,
      newTables: context.newTables,
    });
    project.record(path, analysis.catalogAfter, analysis.statements.map((s) => s.statement));
    reports.set(path, fileReport(display, read.text, analysis.statements, analysis.findings));
  };

  // chain by chain, in run order: the up migrations, then the down and other files
  const chains = new Map<string, Chain>();
  const loose: string[] = [];
  for (const path of found.files) {
    const chain = project.chainOf(path, true);
    if (chain) chains.set(chain.key, chain);
    else loose.push(path);
  }
  for (const chain of [...chains.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const last = lastNeeded(chain, linted);
    for (let i = 0; i <= last; i++) {
      const path = chain.ordered[i];
      if (linted.has(path)) lintFile(path);
      else noteUnreadable(host, path, cwd, notes);
    }
    for (const u of chain.unordered) if (linted.has(u.path)) lintFile(u.path);
  }
  for (const path of loose) lintFile(path);
  const modelRun = new ModelRun(host, config, gitBase ?? 'HEAD');
  for (const path of models) {
    const checked = lintModelFile(host, path, project.rel(path), config, settings, options.parsers ?? {}, modelRun);
    if (checked.ok) reports.set(path, fileReport(relativePath(cwd, path), checked.result.text, [], checked.result.findings));
    else skipped.push({ path: relativePath(cwd, path), reason: checked.reason });
  }

  const ordered = [...reports];
  const linkedReports = ordered.map(([abs, report]) => ({ report, rootPath: relativePath(config.root, abs) }));
  if (cmd.writeBaseline) {
    const path = baselinePath ?? join(config.root, DEFAULT_BASELINE_NAME);
    const count = writeBaseline(path, linkedReports);
    notes.push(`wrote ${count} finding${count === 1 ? '' : 's'} to the baseline ${relativePath(cwd, path)}; runs with it will hide them.`);
  } else if (baselinePath !== undefined) {
    const hidden = applyBaseline(linkedReports, readBaseline(baselinePath, cwd));
    if (hidden > 0) notes.push(`${hidden} finding${hidden === 1 ? '' : 's'} hidden by the baseline ${relativePath(cwd, baselinePath)}.`);
  }

  const failOn: FailOn = cmd.writeBaseline ? 'never' : (cmd.failOn ?? config.failOn);
  return { report: { target: config.target, files: linkedReports.map((f) => f.report) }, config, skipped, notes, failOn };
}

/** the last up migration that is linted, or that a linted down/stray file follows */
function lastNeeded(chain: Chain, linted: ReadonlySet<string>): number {
  let last = -1;
  chain.ordered.forEach((path, i) => {
    if (linted.has(path)) last = i;
  });
  for (const u of chain.unordered) {
    if (linted.has(u.path) && u.after !== undefined) last = Math.max(last, chain.ordered.indexOf(u.after));
  }
  return last;
}

function noteUnreadable(host: NodeHost, path: string, cwd: string, notes: string[]): void {
  const read = host.read(path);
  if (!read.ok) notes.push(`${relativePath(cwd, path)} was not replayed (${read.reason}); later files are checked without its schema changes.`);
}

export function exitCodeFor(report: LintReport, failOn: FailOn): 0 | 1 {
  return report.files.some((f) => f.findings.some((x) => failsAt(x.severity, failOn))) ? 1 : 0;
}
