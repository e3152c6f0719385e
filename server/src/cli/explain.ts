// `lockstep explain "<sql>"`: per statement, the prediction and the findings.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeFile, applyStatement, emptyCatalog, parseFile, type Catalog, type Finding, type Target } from '../engine';
import { applySeverityOverrides } from '../engine/config';
import { detectConvention, migrationText, type Convention } from '../engine/workspace';
import type { ExplainCommand } from './args';
import { loadConfig, type CliConfig } from './config-file';
import { UsageError } from './errors';
import { discover, readMigration, relativePath } from './files';
import { resolveTarget } from './lint';
import { migrationSets, orderSet } from './migration-sets';
import { LineIndex } from './positions';
import { jsonFinding, jsonStatement, type JsonFinding, type JsonStatement } from './reporters/json';

export interface ExplainResult {
  target: string;
  statements: (JsonStatement & { sql: string; findings: JsonFinding[] })[];
  /** findings not tied to one statement (e.g. an unused ignore comment) */
  findings: JsonFinding[];
}

export function readSqlArgument(sql: string): string {
  if (sql !== '-') return sql;
  try {
    return readFileSync(0, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read SQL from stdin: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function runExplain(cmd: ExplainCommand, cwd: string, sqlText: string): ExplainResult {
  const config = loadConfig(cmd.config, cwd);
  const target = resolveTarget(cmd.target ?? config.target);
  const catalog = schemaFrom(cmd.schema, cwd, target, config);
  const analysis = analyzeFile('<sql>', sqlText, { target, catalog, rules: config.rules, settings: config.settings });
  const findings = applySeverityOverrides(analysis.findings, config.rules);
  const lines = new LineIndex(sqlText);
  const claimed = new Set<Finding>();
  const statements = analysis.statements.map((result) => {
    const s = result.statement;
    const own = findings.filter((f) => f.statementIndex === s.index);
    own.forEach((f) => claimed.add(f));
    return { ...jsonStatement(result, lines), sql: s.sql, findings: own.map((f) => jsonFinding(f, lines)) };
  });
  const rest = findings.filter((f) => !claimed.has(f)).map((f) => jsonFinding(f, lines));
  return { target: target.label, statements, findings: rest };
}

/** replays the --schema files (directories in their convention order, up sections only) into one catalog */
function schemaFrom(paths: readonly string[], cwd: string, target: Target, config: CliConfig): Catalog {
  const catalog = emptyCatalog();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new UsageError(`schema path not found: ${p}`);
    }
    for (const { file, convention } of isDir ? orderedFilesIn(p, cwd, config) : [{ file: abs, convention: config.convention ?? detectConvention([relativePath(cwd, abs)]) }]) {
      const read = readMigration(file);
      if (!read.ok) throw new UsageError(`${relativePath(cwd, file)}: ${read.reason}`);
      for (const statement of parseFile(migrationText(read.text, convention), { target })) {
        try {
          applyStatement(catalog, statement, relativePath(cwd, file));
        } catch {
          // a statement the catalog cannot apply leaves the schema as it was
        }
      }
    }
  }
  return catalog;
}

/** the migrations under a --schema folder, set by set in run order (the config's globs and convention apply) */
function orderedFilesIn(dir: string, cwd: string, config: CliConfig): { file: string; convention: Convention | undefined }[] {
  const found = discover([dir], cwd, config.root, config.filter);
  return migrationSets(found.files, config.root, config.filter).flatMap((set) => {
    const { ordered, convention } = orderSet(set, config.root, config.convention, textOf);
    return ordered.map((file) => ({ file, convention }));
  });
}

function textOf(abs: string): string | undefined {
  const read = readMigration(abs);
  return read.ok ? read.text : undefined;
}
