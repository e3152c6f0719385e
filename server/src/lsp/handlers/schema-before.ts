// `lockstep/schemaBefore`: the schema a migration runs against — the project model's replay of the
// migrations before it (open documents as edited), printed as `lockstep schema --at` prints it.
import { relative } from 'node:path';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { schemaToSql } from '../../engine';
import type { ServerContext } from '../context';
import { SchemaBeforeRequest, type SchemaBeforeResult } from '../protocol';
import { pathToUri, uriToPath } from '../uri';

export function registerSchemaBefore(ctx: ServerContext): void {
  ctx.connection.onRequest(SchemaBeforeRequest, async (params): Promise<SchemaBeforeResult> => {
    const path = uriToPath(params.textDocument.uri);
    if (!path) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Schema before: only files on disk belong to a migration chain.');
    const settings = await ctx.settings.get(params.textDocument.uri);
    const project = settings.project;
    const context = project.fileContext(path);
    const name = relative(project.root, path) || path;
    if (!context.isMigration || !context.chain) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, `Schema before: ${name} belongs to no migration chain (see migrations.paths in lockstep.config.json).`);
    }
    const chain = context.chain;
    const count = context.earlier.length;
    const where = chain.dir !== undefined ? relative(project.root, chain.dir) || '.' : chain.set.name;
    const header = `-- before ${name} (chain ${where}${chain.convention ? `, ${chain.convention}` : ''}): after ${count} migration${count === 1 ? '' : 's'}`;
    const sql = schemaToSql(context.catalog, settings.target, { serverDefaultCharset: project.config.serverDefaultCharset });
    return { sql: `${header}\n${sql}`, files: context.earlier.map(pathToUri) };
  });
}
