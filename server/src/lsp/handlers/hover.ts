// Hover on a DDL statement: the predicted algorithm, lock and rebuild for the target, and what
// that means for the application's traffic while the statement runs.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { Finding, Prediction, StatementResult, Target } from '../../engine';
import type { ServerContext } from '../context';
import { spanToRange } from '../convert';
import { codeSpan, escapeMarkdown } from '../markdown';
import { isDdl, statementAt } from '../statements';

/** the prediction hover of the DDL statement under the cursor (null elsewhere); handlers/navigation-hover.ts registers it */
export async function predictionHover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const current = await ctx.analyses.current(params.textDocument.uri);
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!current || !doc || current.version !== doc.version) return null;
  const result = statementAt(current.analysis.statements, doc.offsetAt(params.position));
  if (!result || !isDdl(result)) return null;
  const findings = current.analysis.findings.filter((f) => f.statementIndex === result.statement.index);
  return {
    contents: { kind: MarkupKind.Markdown, value: statementMarkdown(result, current.settings.target, findings) },
    range: spanToRange(doc, result.statement.span),
  };
}

const MYSQL_DEFAULT_WAIT = '31536000 s (one year)';
const MARIADB_DEFAULT_WAIT = '86400 s (one day)';

export function statementMarkdown(result: StatementResult, target: Target, findings: readonly Finding[]): string {
  const { statement, prediction } = result;
  const tables = statement.tables.length > 0 ? statement.tables.map(codeSpan).join(', ') : 'the table';
  const lines = [`**Lockstep** · ${describeKind(statement.kind)} ${tables} on \`${target.label}\``, ''];
  if (!prediction) {
    lines.push(statement.analyzed ? 'No online-DDL prediction for this statement.' : 'Lockstep could not parse this statement, so it predicts nothing for it.');
  } else {
    lines.push('| algorithm | lock | table rebuild |', '|---|---|---|', `| ${prediction.algorithm} | ${prediction.lock} | ${prediction.rebuild ? 'yes' : 'no'} |`, '');
    lines.push(`Why: ${escapeMarkdown(prediction.reason)}`);
    if (prediction.rejected) lines.push('', `⚠ As written, the server refuses it: ${escapeMarkdown(prediction.rejected)}`);
    lines.push('', '**What it means for traffic**', '', ...trafficNotes(prediction, tables, target).map((n) => `- ${n}`));
  }
  if (findings.length > 0) {
    lines.push('', '**Findings**', '', ...findings.map((f) => `- \`${f.rule}\` (${f.severity}): ${escapeMarkdown(f.message)}`));
  }
  return lines.join('\n');
}

function trafficNotes(p: Prediction, tables: string, target: Target): string[] {
  const wait = target.flavor === 'mariadb' ? MARIADB_DEFAULT_WAIT : MYSQL_DEFAULT_WAIT;
  const notes = [
    `Metadata lock: takes an exclusive metadata lock on ${tables} at the start and the end. While it waits for open transactions on the table, every later query on it queues behind the DDL, for up to \`lock_wait_timeout\` (default ${wait}; set it low with \`SET SESSION lock_wait_timeout = 5\`).`,
  ];
  if (p.algorithm === 'INSTANT') notes.push('INSTANT: only metadata changes; no rows are copied, so the table is not blocked beyond the metadata lock.');
  else if (p.algorithm === 'COPY') notes.push('COPY: the table is copied row by row; writes are blocked for the whole copy (reads continue unless the lock is EXCLUSIVE), and replicas lag by the copy time.');
  else notes.push(`${p.algorithm}: the change runs inside the storage engine${p.rebuild ? ', rebuilding the table (time proportional to its size, replica lag)' : ' without rebuilding the table'}.`);
  if (p.lock === 'NONE' && p.algorithm !== 'INSTANT') notes.push('LOCK=NONE: reads and writes continue while it runs.');
  if (p.lock === 'SHARED') notes.push('LOCK=SHARED: reads continue, writes are blocked until it finishes.');
  if (p.lock === 'EXCLUSIVE') notes.push('LOCK=EXCLUSIVE: reads and writes are blocked until it finishes.');
  return notes;
}

function describeKind(kind: string): string {
  return kind.replace(/-/g, ' ').toUpperCase();
}
