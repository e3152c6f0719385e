// `lockstep/dryRun`: runs an open document's DDL on scratch copies on the user's dev database
// (server/src/dryrun) and answers with the report. The text is what the linter analyzes (the up
// sections of a migration). Cancellation aborts the run; errors become a plain message that never
// carries the password (nothing here logs the connection).
import { LSPErrorCodes, ResponseError, type CancellationToken, type WorkDoneProgressReporter } from 'vscode-languageserver';
import type { DryRunReport, DryRunRequest as EngineRequest } from '../../dryrun/types';
import type { ServerContext } from '../context';
import { DryRunRequest, type DryRunParams } from '../protocol';
import { isDdl, statementAt } from '../statements';
import { uriToPath } from '../uri';

export function registerDryRun(ctx: ServerContext): void {
  ctx.connection.onRequest(DryRunRequest, async (params, token) => {
    const progress = ctx.connection.window.attachWorkDoneProgress(params.workDoneToken);
    progress.begin('Lockstep dry-run', undefined, 'connecting…', false);
    try {
      return await dryRun(ctx, params, token, progress);
    } finally {
      progress.done();
    }
  });
}

async function dryRun(ctx: ServerContext, params: DryRunParams, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<DryRunReport> {
  const request = await engineRequest(ctx, params);
  const controller = new AbortController();
  const cancelled = token.onCancellationRequested(() => controller.abort());
  try {
    // loaded on first use: the database driver stays off the server's start-up path
    const { runDryRun } = await import('../../dryrun');
    return await runDryRun(request, { signal: controller.signal, onProgress: (message) => progress.report(message) });
  } catch (error) {
    if (controller.signal.aborted) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The dry-run was cancelled.');
    throw new ResponseError(LSPErrorCodes.RequestFailed, `Dry-run failed: ${safeMessage(error, params.connection.password)}`);
  } finally {
    cancelled.dispose();
  }
}

/** the document's text as the linter sees it, and the statement asked for */
async function engineRequest(ctx: ServerContext, params: DryRunParams): Promise<EngineRequest> {
  const uri = params.textDocument?.uri;
  const doc = typeof uri === 'string' ? ctx.documents.get(uri) : undefined;
  if (!doc) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Dry-run: open the migration in the editor first.');
  if (typeof params.connection?.url !== 'string' || params.connection.url === '') {
    throw new ResponseError(LSPErrorCodes.RequestFailed, 'Dry-run: no database URL (connect to a dev database first).');
  }
  const settings = await ctx.settings.get(doc.uri);
  const path = uriToPath(doc.uri);
  const project = settings.project;
  const context = path && project.isMigration(path) ? project.fileContext(path, false) : undefined;
  const text = doc.getText();
  return {
    connection: params.connection,
    text: context ? project.analyzedText(text, context) : text,
    path: path ? project.rel(path) : doc.uri,
    statementIndex: params.statementIndex ?? (params.position ? await statementIndexAt(ctx, doc.uri, doc.offsetAt(params.position)) : undefined),
    mdlPreview: params.mdlPreview,
    lockWaitTimeout: params.lockWaitTimeout,
  };
}

/** the index (`Statement.index`, as the code lens gives it) of the file's own DDL statement at `offset`; none there: undefined (the whole file) */
async function statementIndexAt(ctx: ServerContext, uri: string, offset: number): Promise<number | undefined> {
  const current = await ctx.analyses.current(uri);
  if (!current) return undefined;
  const topLevel = current.analysis.statements.filter((r) => r.statement.origin === 'top-level');
  const hit = statementAt(topLevel, offset);
  return hit && isDdl(hit) ? hit.statement.index : undefined;
}

/** the error's own message on one line, with the password and any credentials in a URL masked */
export function safeMessage(error: unknown, password: string | undefined): string {
  let message = error instanceof Error ? error.message : String(error);
  if (password) message = message.split(password).join('***');
  message = message.replace(/(\w+:\/\/[^:/@\s]*):[^@\s]*@/g, '$1:***@');
  const line = message.replace(/\s*\n\s*/g, ' ').trim().slice(0, 2000);
  return line === '' ? 'unknown error' : line;
}
