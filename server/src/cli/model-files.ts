// `lockstep lint --git-base <rev>`: the ORM model files under the linted paths, each checked
// against its own text at the git base. The base comes from --git-base, else from the config's
// `orm.base` when the config names model files (`orm.models`); without either, models are not read.
import { resolve } from 'node:path';
import { analyzeModelChange, discoverModelFiles, type Finding, type ModelParsers, type ReadResult, typeormMigrationSql } from '../engine';
import { type GitBaseCache, textAtGitBase } from '../common/git-base';
import { goParserError, loadGoParser } from '../common/go-parser';
import { NodeHost } from '../common/node-host';
import type { CliConfig } from './config-file';
import type { LintCommand } from './args';

export interface ModelFileResult {
  path: string;
  text: string;
  findings: Finding[];
}

/** the git base models are checked against, or undefined when models are not part of this run */
export function modelGitBase(cmd: LintCommand, config: CliConfig): string | undefined {
  return cmd.gitBase ?? (config.config.orm.models.length > 0 ? config.config.orm.base : undefined);
}

export function modelFilesUnder(host: NodeHost, paths: readonly string[], config: CliConfig): string[] {
  return discoverModelFiles(host, paths, config.root, config.config.orm.models);
}

/**
 * The parsers that load asynchronously (the Go grammar is WebAssembly), loaded before the lint
 * runs and only when a Go model file is part of it.
 */
export async function loadModelParsers(cmd: LintCommand, cwd: string, config: CliConfig): Promise<ModelParsers> {
  if (modelGitBase(cmd, config) === undefined) return {};
  const files = modelFilesUnder(new NodeHost(), cmd.paths.map((p) => resolve(cwd, p)), config);
  if (!files.some((f) => f.endsWith('.go'))) return {};
  return { go: await loadGoParser() };
}

/** one model file's findings, or why it could not be checked */
export function lintModelFile(
  host: NodeHost,
  path: string,
  rel: string,
  base: string,
  config: CliConfig,
  settings: CliConfig['settings'],
  parsers: ModelParsers,
  gitCache: GitBaseCache,
): { ok: true; result: ModelFileResult } | { ok: false; reason: string } {
  const read = host.read(path);
  if (!read.ok) return { ok: false, reason: read.reason };
  if (path.endsWith('.go') && !parsers.go) return { ok: false, reason: `the Go parser could not be loaded (${goParserError() ?? 'not loaded'})` };
  const atBase = textAtGitBase(path, base, gitCache);
  if (!atBase.ok) return { ok: false, reason: atBase.reason };
  const analysis = analyzeModelChange(rel, atBase.text, read.text, { target: config.target, rules: config.rules, settings, parsers });
  return { ok: true, result: { path, text: read.text, findings: analysis?.findings ?? [] } };
}

/**
 * The disk, with TypeORM migration classes (.ts files the config names as migrations) read as the
 * SQL of their `up()` queries, at the same offsets: the project replays and lints that SQL.
 */
export class MigrationSqlHost extends NodeHost {
  override read(path: string): ReadResult {
    const read = super.read(path);
    if (!read.ok || !/\.ts$/i.test(path)) return read;
    const sql = typeormMigrationSql(read.text);
    return sql === undefined ? read : { ok: true, text: sql };
  }
}
