// The `lockstep` CLI: argv → config → engine → reporter → exit code.
// Exit codes: 0 nothing at or above the failure level, 1 findings, 2 usage or internal error.
import { parseCommandLine, type DryRunCommand, type ExplainCommand, type LintCommand, type PlanCommand, type SchemaCommand } from './args';
import { UsageError } from './errors';
import { formatExplainText } from './explain-text';
import { readSqlArgument, runExplain } from './explain';
import { DRY_RUN_HELP, EXPLAIN_HELP, LINT_HELP, LSP_HELP, MAIN_HELP, PLAN_HELP, SCHEMA_HELP } from './help';
import { loadPlanParsers, planJson, planText, runPlan } from './plan';
import { runSchema } from './schema';
import { exitCodeFor, lintConfig, lintDatabaseUrl, runLint } from './lint';
import { loadModelParsers } from './model-files';
import { writeReport } from './reporters';
import { VERSION } from './version';
import { visible } from './visible';

type ExitCode = 0 | 1 | 2;

function useColor(noColor: boolean): boolean {
  if (noColor) return false;
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true;
}

async function lint(cmd: LintCommand): Promise<ExitCode> {
  const cwd = process.cwd();
  const config = lintConfig(cmd, cwd);
  const url = lintDatabaseUrl(cmd, process.env, config);
  // loaded on demand: a lint without a database does not pay for the driver
  const database = url !== undefined ? await (await import('./lint-database')).readLintDatabase(url, process.env, cmd.yesRemoteHost) : undefined;
  const parsers = await loadModelParsers(cmd, cwd, config);
  const outcome = runLint(cmd, cwd, { config, database, parsers });
  for (const note of outcome.notes) process.stderr.write(`lockstep: note: ${visible(note)}\n`);
  for (const s of outcome.skipped) process.stderr.write(`lockstep: ${visible(s.path)}: skipped: ${visible(s.reason)}\n`);
  await writeReport(cmd.format, outcome.report, { color: useColor(cmd.noColor), docsBase: cmd.docsBase ?? outcome.config.docsBase }, process.stdout);
  if (outcome.skipped.length > 0) return 2;
  return exitCodeFor(outcome.report, outcome.failOn);
}

function explain(cmd: ExplainCommand): ExitCode {
  const result = runExplain(cmd, process.cwd(), readSqlArgument(cmd.sql));
  process.stdout.write(cmd.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatExplainText(result, useColor(cmd.noColor)));
  return 0;
}

function schema(cmd: SchemaCommand): ExitCode {
  const result = runSchema(cmd, process.cwd());
  process.stdout.write(cmd.format === 'json' ? `${JSON.stringify(result.json, null, 2)}\n` : result.sql);
  return 0;
}

async function dryRun(cmd: DryRunCommand): Promise<ExitCode> {
  // loaded on demand: `lint` does not pay for the database driver
  const { formatDryRunText, runDryRunCommand } = await import('./dry-run');
  const progress = process.stderr.isTTY ? (m: string) => void process.stderr.write(`lockstep: ${visible(m)}\n`) : undefined;
  const outcome = await runDryRunCommand(cmd, process.cwd(), process.env, progress);
  process.stdout.write(cmd.format === 'json' ? `${JSON.stringify(outcome.report, null, 2)}\n` : formatDryRunText(outcome));
  return 0;
}

async function plan(cmd: PlanCommand): Promise<ExitCode> {
  // the Go grammar loads asynchronously: only for a .go model, before the plan reads it
  const outcome = runPlan(cmd, process.cwd(), await loadPlanParsers(cmd));
  process.stdout.write(cmd.format === 'json' ? planJson(outcome.plan) : planText(outcome));
  return 0;
}

async function lsp(): Promise<undefined> {
  // loaded on demand so `lint` does not pay for the server's start-up
  const { startServer } = await import('../lsp/server');
  startServer();
  return undefined; // the connection keeps the process alive until the client disconnects
}

/** a reader that stops early (`lockstep lint | head`) is not an error */
function quietOnClosedStdout(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

async function main(argv: readonly string[]): Promise<ExitCode | undefined> {
  const cmd = parseCommandLine(argv);
  if (cmd.command !== 'lsp') quietOnClosedStdout();
  switch (cmd.command) {
    case 'help':
      process.stdout.write(cmd.topic === 'lint' ? LINT_HELP : cmd.topic === 'explain' ? EXPLAIN_HELP : cmd.topic === 'schema' ? SCHEMA_HELP : cmd.topic === 'dry-run' ? DRY_RUN_HELP : cmd.topic === 'plan' ? PLAN_HELP : cmd.topic === 'lsp' ? LSP_HELP : MAIN_HELP);
      return 0;
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'lint':
      return lint(cmd);
    case 'explain':
      return explain(cmd);
    case 'schema':
      return schema(cmd);
    case 'dry-run':
      return dryRun(cmd);
    case 'plan':
      return plan(cmd);
    case 'lsp':
      return lsp();
  }
}

if (process.env.LOCKSTEP_REPORT_RSS === '1') {
  // for bench/run.ts when /usr/bin/time is missing: peak resident set size (kB) and CPU time
  process.on('exit', () => {
    const usage = process.resourceUsage();
    process.stderr.write(`lockstep: max-rss-kb ${usage.maxRSS} cpu-ms ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`lockstep: ${visible(err.message)}\n`);
    } else {
      const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
      process.stderr.write(`lockstep: internal error: ${visible(detail)}\nPlease report this with the command and the file that caused it.\n`);
    }
    process.exitCode = 2;
  },
);
