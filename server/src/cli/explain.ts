// `lockstep explain "<sql>"`: per statement, the prediction and the findings.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeFile, applyStatement, emptyCatalog, parseFile, type Catalog, type Finding, type Target } from '../engine';
import type { ExplainCommand } from './args';
import { loadConfig } from './config-file';
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
  const catalog = schemaFrom(cmd.schema, cwd, target);
  const analysis = analyzeFile('<sql>', sqlText, { target, catalog, rules: config.rules, settings: config.settings });
  const lines = new LineIndex(sqlText);
  const claimed = new Set<Finding>();
  const statements = analysis.statements.map((result) => {
    const s = result.statement;
    const own = analysis.findings.filter((f) => f.statementIndex === s.index);
    own.forEach((f) => claimed.add(f));
    return { ...jsonStatement(result, lines), sql: s.sql, findings: own.map((f) => jsonFinding(f, lines)) };
  });
  const rest = analysis.findings.filter((f) => !claimed.has(f)).map((f) => jsonFinding(f, lines));
  return { target: target.label, statements, findings: rest };
}

/** replays the --schema files (directories in their convention order) into one catalog */
function schemaFrom(paths: readonly string[], cwd: string, target: Target): Catalog {
  const catalog = emptyCatalog();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new UsageError(`schema path not found: ${p}`);
    }
    const files = isDir ? orderedFilesIn(p, cwd) : [abs];
    for (const file of files) {
      const read = readMigration(file);
      if (!read.ok) throw new UsageError(`${relativePath(cwd, file)}: ${read.reason}`);
      for (const statement of parseFile(read.text, { target })) {
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

function orderedFilesIn(dir: string, cwd: string): string[] {
  const filter = { included: () => true, excluded: () => false };
  const found = discover([dir], cwd, cwd, filter);
  return migrationSets(found.files, cwd, filter).flatMap((set) => orderSet(set, cwd).ordered);
}
