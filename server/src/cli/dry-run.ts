// `lockstep dry-run --url … <file>`: the file's up sections (as lint reads them) run on scratch
// copies in a development database; prints the DryRunReport as JSON or one text block per statement.
import { DryRunError, runDryRun, type DryRunReport, type DryRunStatement, type MdlRun } from '../dryrun';
import type { DryRunCommand } from './args';
import { openFileProject } from './config-file';
import { UsageError } from './errors';
import { relativePath } from './files';
import { visible } from './visible';

export interface DryRunOutcome {
  report: DryRunReport;
  path: string;
}

export async function runDryRunCommand(cmd: DryRunCommand, cwd: string, env: NodeJS.ProcessEnv, progress?: (m: string) => void): Promise<DryRunOutcome> {
  const url = cmd.url ?? env.LOCKSTEP_DATABASE_URL;
  if (!url) throw new UsageError('dry-run needs a database: --url mysql://user@host[:port]/database (or LOCKSTEP_DATABASE_URL). See `lockstep dry-run --help`.');
  const opened = openFileProject(cmd.file, cmd.config, cwd);
  const { abs, project } = opened;
  const display = relativePath(cwd, abs);
  const text = project.analyzedText(opened.text, project.fileContext(abs));
  const password = env.LOCKSTEP_DATABASE_PASSWORD !== undefined && env.LOCKSTEP_DATABASE_PASSWORD !== '' ? env.LOCKSTEP_DATABASE_PASSWORD : undefined;
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    const report = await runDryRun(
      {
        connection: { url, password, confirmedHost: cmd.yesRemoteHost },
        text,
        path: display,
        statementIndex: cmd.statement,
        mdlPreview: cmd.mdlPreview,
        sampleRows: cmd.sampleRows,
      },
      { signal: controller.signal, onProgress: progress },
    );
    return { report, path: display };
  } catch (err) {
    // every run-level failure is a one-line message and exit code 2
    if (err instanceof DryRunError) throw new UsageError(`dry-run: ${err.message}`);
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
  }
}

function kib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function algorithmText(p: { algorithm: string; lock: string; rebuild: boolean }): string {
  return `${p.algorithm}, LOCK=${p.lock}, ${p.rebuild ? 'rebuilds the table' : 'no rebuild'}`;
}

function runText(run: MdlRun): string[] {
  const label = run.lockWaitTimeout === 'NOWAIT' ? 'NOWAIT' : `lock_wait_timeout=${run.lockWaitTimeout}`;
  const lines = [`  MDL preview (${label}): DDL ${run.ddlOutcome}; the reader waited ${run.readerWaitMs} ms, the writer ${run.writerWaitMs} ms`];
  for (const e of run.events) lines.push(`    +${String(e.atMs).padStart(5)} ms  ${e.actor.padEnd(6)}  ${e.event}`);
  return lines;
}

function statementText(s: DryRunStatement): string[] {
  const lines = [`statement ${s.index} (line ${s.range.start.line + 1}): ${s.sql.replace(/\s+/g, ' ').slice(0, 200)}`];
  if (s.measured) lines.push(`  measured:  ${algorithmText(s.measured)}`);
  if (s.predicted) lines.push(`  predicted: ${algorithmText(s.predicted)}`);
  if (s.disagreement) lines.push(`  disagreement: ${s.disagreement}`);
  for (const m of s.measured?.messages ?? []) lines.push(`  refused: ${m}`);
  const f = s.tableFacts;
  if (f) {
    const parts = [`${f.rows} rows`, `${kib(f.dataBytes)} data`, `${kib(f.indexBytes)} index`, f.rowFormat, f.engine, f.hasFulltext ? 'FULLTEXT' : null, f.totalRowVersions !== null ? `${f.totalRowVersions} row versions` : null];
    const estimate = f.estimatedRebuildSeconds !== null ? `; a COPY rebuild takes about ${f.estimatedRebuildSeconds} s (from the sample's copy rate)` : '';
    lines.push(`  table ${s.table ?? ''}: ${parts.filter((p) => p !== null).join(', ')}${estimate}`);
  }
  if (s.blockers.length === 0) lines.push('  blockers: none');
  for (const b of s.blockers) {
    const age = b.transactionAgeSeconds !== null ? `, transaction open ${b.transactionAgeSeconds} s` : '';
    lines.push(`  blocker: connection ${b.connectionId} ${b.user}@${b.host}${age}: ${b.reason}${b.lastStatement ? ` (last: ${b.lastStatement.replace(/\s+/g, ' ').slice(0, 120)})` : ''}`);
    lines.push(`    to end it: ${b.kill}`);
  }
  for (const run of s.mdlPreview?.runs ?? []) lines.push(...runText(run));
  if (s.error) lines.push(`  error: ${s.error}`);
  return lines;
}

export function formatDryRunText(outcome: DryRunOutcome): string {
  const r = outcome.report;
  const lines = [`dry-run of ${outcome.path} on ${r.server.flavor} ${r.server.version} (${r.mode === 'full' ? 'measured on scratch copies' : 'read-only'})`];
  for (const n of r.notes) lines.push(`note: ${n}`);
  if (r.statements.length === 0) lines.push('no DDL statement to dry-run.');
  for (const s of r.statements) lines.push('', ...statementText(s));
  return `${visible(lines.join('\n'))}\n`;
}
