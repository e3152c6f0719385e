// `lockstep lint --git-base <rev>`: the ORM model files under the linted paths, each checked
// against its own text at the git base. The base comes from --git-base, else from the config's
// `orm.base` when the config names model files (`orm.models`); without either, models are not read.
// Each version is read with its own side's companion files (common/model-companions.ts).
import { resolve } from 'node:path';
import { analyzeModelChange, discoverModelFiles, type Finding, type ModelParsers, type ReadResult, typeormMigrationSql } from '../engine';
import { GitBaseReader } from '../common/git-base-reader';
import { goParserError, loadGoParser } from '../common/go-parser';
import { hostSource, modelCompanions, modelKind, parsersWith } from '../common/model-companions';
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

/**
 * What the model files of one run share: the git base's files (each read once) and the project's
 * TypeORM entity files (found once, on the first entity), which every entity is read with.
 */
export class ModelRun {
  readonly atBase: GitBaseReader;
  private entities?: string[];

  constructor(
    private readonly host: NodeHost,
    private readonly config: CliConfig,
    base: string,
  ) {
    this.atBase = new GitBaseReader(base);
  }

  /** the project's model files a TypeORM entity may lean on (other entities, base classes in entity folders) */
  otherModels(path: string): string[] {
    if (modelKind(path) !== 'typeorm') return [];
    this.entities ??= modelFilesUnder(this.host, [this.config.root], this.config).filter((p) => modelKind(p) === 'typeorm');
    return this.entities;
  }
}

/** one model file's findings, or why it could not be checked */
export function lintModelFile(
  host: NodeHost,
  path: string,
  rel: string,
  config: CliConfig,
  settings: CliConfig['settings'],
  parsers: ModelParsers,
  run: ModelRun,
): { ok: true; result: ModelFileResult } | { ok: false; reason: string } {
  const read = host.read(path);
  if (!read.ok) return { ok: false, reason: read.reason };
  if (path.endsWith('.go') && !parsers.go) return { ok: false, reason: `the Go parser could not be loaded (${goParserError() ?? 'not loaded'})` };
  const atBase = run.atBase.read(path);
  if (!atBase.ok) return { ok: false, reason: atBase.reason };
  const analysis = analyzeModelChange(rel, atBase.text, read.text, { target: config.target, rules: config.rules, settings, ...modelParsersFor(host, path, read.text, atBase.text, config, parsers, run) });
  return { ok: true, result: { path, text: read.text, findings: analysis?.findings ?? [] } };
}

/**
 * How both versions of a model file are read: each with its own side's companions (the Go
 * package, the entity's imported files and the project's other entities) and the config's TypeORM
 * naming. `baseText` undefined: the file is new at the base.
 */
export function modelParsersFor(host: NodeHost, path: string, text: string, baseText: string | undefined, config: CliConfig, parsers: ModelParsers, run: ModelRun): { parsers: ModelParsers; baseParsers: ModelParsers } {
  const shared: ModelParsers = { ...parsers, typeorm: { naming: config.config.orm.typeorm.naming } };
  const others = run.otherModels(path);
  const working = modelCompanions(path, text, hostSource(host), others);
  const based = baseText === undefined ? working : modelCompanions(path, baseText, run.atBase, others);
  return { parsers: parsersWith(path, working, shared), baseParsers: parsersWith(path, based, shared) };
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
