// "Dry-run" above each DDL statement; the client runs it (lockstep.dryRun with the uri and range).
import type { CodeLens } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { spanToRange } from '../convert';
import { COMMANDS } from '../protocol';
import { isDdl } from '../statements';

export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens(async (params): Promise<CodeLens[]> => {
    const current = await ctx.analyses.current(params.textDocument.uri);
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!current || !doc) return [];
    const lenses: CodeLens[] = [];
    const lines = new Set<number>();
    for (const result of current.analysis.statements) {
      if (!isDdl(result)) continue;
      const range = spanToRange(doc, result.statement.span);
      if (lines.has(range.start.line)) continue;
      lines.add(range.start.line);
      lenses.push({
        range: { start: range.start, end: range.start },
        command: { title: 'Dry-run', command: COMMANDS.dryRun, arguments: [doc.uri, range] },
      });
    }
    return lenses;
  });
}
