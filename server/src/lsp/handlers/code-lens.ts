// "Dry-run on dev database" above each DDL statement. Only for the VS Code extension, which
// implements the client command `lockstep.dryRun` [uri, statementIndex] (connection, panel);
// the index is the statement's own (`Statement.index`), the one `runDryRun` selects by.
import type { CodeLens } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { spanToRange } from '../convert';
import { COMMANDS } from '../protocol';
import { isDdl } from '../statements';

export const DRY_RUN_LENS_TITLE = 'Dry-run on dev database';

export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens(async (params): Promise<CodeLens[]> => {
    if (!ctx.flags.vscodeExtension) return [];
    const current = await ctx.analyses.current(params.textDocument.uri);
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!current || !doc) return [];
    const lenses: CodeLens[] = [];
    const lines = new Set<number>();
    for (const result of current.analysis.statements) {
      // the dry-run runs the file's own statements (not those inside routine bodies or PREPARE'd strings)
      if (!isDdl(result) || result.statement.origin !== 'top-level') continue;
      const start = spanToRange(doc, result.statement.span).start;
      if (lines.has(start.line)) continue; // one lens per line (VS Code shows them side by side otherwise)
      lines.add(start.line);
      const command = { title: DRY_RUN_LENS_TITLE, command: COMMANDS.dryRun, arguments: [doc.uri, result.statement.index] };
      lenses.push({ range: { start, end: start }, command });
    }
    return lenses;
  });
}
