// `lockstep schema [paths…] [--at <file>]`: what Lockstep believes the database looks like — the
// replayed schema of each migration chain under the paths (after the whole chain, or before the
// file given with --at), as CREATE TABLE statements in the target's dialect or as JSON.
import { resolve } from 'node:path';
import { type Catalog, type Chain, type SchemaJson, schemaToJson, schemaToSql } from '../engine';
import { NodeHost } from '../common/node-host';
import type { SchemaCommand } from './args';
import { loadConfig, openProject, searchStart } from './config-file';
import { UsageError } from './errors';
import { relativePath } from './files';

export interface SchemaChainOutput {
  /** the chain's folder (relative to the working directory), or its set's name */
  chain: string;
  convention: string | null;
  /** the migrations replayed, in order */
  files: string[];
  schema: SchemaJson;
}

export interface SchemaOutput {
  target: string;
  chains: SchemaChainOutput[];
}

export function runSchema(cmd: SchemaCommand, cwd: string): { json: SchemaOutput; sql: string } {
  const host = new NodeHost();
  const first = cmd.at ?? cmd.paths[0];
  const config = loadConfig(cmd.config, cwd, searchStart(cwd, first), cmd.target, host);
  const project = openProject(config, host, undefined, []);
  const options = { serverDefaultCharset: config.config.serverDefaultCharset };

  const picked: { chain: Chain; upTo: number; catalog: Catalog }[] = [];
  if (cmd.at !== undefined) {
    const at = resolve(cwd, cmd.at);
    if (host.stat(at) !== 'file') throw new UsageError(`--at: file not found: ${cmd.at}`);
    const chain = project.chainOf(at, true);
    if (!chain) throw new UsageError(`--at: ${cmd.at} is excluded by the config, so it belongs to no migration chain.`);
    const context = project.fileContext(at);
    picked.push({ chain, upTo: context.earlier.length, catalog: context.catalog });
  } else {
    const found = project.discover(cmd.paths.map((p) => resolve(cwd, p)));
    if (found.missing.length > 0) throw new UsageError(`path not found: ${found.missing.map((m) => relativePath(cwd, m)).join(', ')}`);
    const chains = new Map<string, Chain>();
    for (const file of found.files) {
      const chain = project.chainOf(file, true);
      if (chain) chains.set(chain.key, chain);
    }
    if (chains.size === 0) throw new UsageError(`no migration files found in ${cmd.paths.join(', ')}.`);
    for (const chain of [...chains.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) picked.push({ chain, upTo: chain.ordered.length, catalog: project.schemaOf(chain) });
  }

  const outputs = picked.map(({ chain, upTo, catalog }) => {
    const files = chain.ordered.slice(0, upTo);
    const name = chain.dir !== undefined ? relativePath(cwd, chain.dir) : chain.set.name;
    return {
      json: { chain: name, convention: chain.convention ?? null, files: files.map((f) => relativePath(cwd, f)), schema: schemaToJson(catalog, config.target, options) },
      sql: schemaToSql(catalog, config.target, options),
      upTo,
    };
  });
  const sql = outputs
    .map((o) => `-- chain ${o.json.chain}${o.json.convention ? ` (${o.json.convention})` : ''}: ${cmd.at !== undefined ? `before ${cmd.at}, ` : ''}after ${o.upTo} migration${o.upTo === 1 ? '' : 's'}\n${o.sql}`)
    .join('\n');
  return { json: { target: config.target.label, chains: outputs.map((o) => o.json) }, sql };
}
