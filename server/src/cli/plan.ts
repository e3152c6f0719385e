// `lockstep plan <file>`: the unsafe change of one statement rewritten as a safe multi-release
// sequence of migration files, printed (Markdown or the JSON contract) or written with --out.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { planForStatement, planForTableMove, planToMarkdown, type Plan } from '../engine';
import type { PlanCommand } from './args';
import { openFileProject } from './config-file';
import { UsageError } from './errors';
import { relativePath } from './files';

export interface PlanOutcome {
  plan: Plan;
  /** files written with --out (paths relative to the working directory) */
  written: string[];
}

export function runPlan(cmd: PlanCommand, cwd: string): PlanOutcome {
  const { abs, text, project } = openFileProject(cmd.file, cmd.config, cwd);
  if (cmd.moveTable !== undefined && (cmd.statement !== undefined || cmd.rule !== undefined)) throw new UsageError('--move-table plans a whole table: leave out --statement and --rule.');
  const result = cmd.moveTable !== undefined
    ? planForTableMove(project, abs, text, cmd.moveTable.table, cmd.moveTable.to, { batchSize: cmd.batchSize })
    : planForStatement(project, abs, text, { statementIndex: cmd.statement, rule: cmd.rule, triggers: cmd.triggers, batchSize: cmd.batchSize });
  if (!result.ok) throw new UsageError(`plan: ${result.reason}`);
  const written = cmd.out !== undefined ? writeFiles(result.plan, resolve(cwd, cmd.out), cwd) : [];
  return { plan: result.plan, written };
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
  return `${planToMarkdown(outcome.plan)}${written}`;
}
