// `lockstep explain "<sql>"`: per statement, the prediction and the findings.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeFile, type Catalog, type Chain, emptyCatalog, type Finding, type Project } from '../engine';
import { NodeHost } from '../common/node-host';
import type { ExplainCommand } from './args';
import { loadConfig, openProject } from './config-file';
import { UsageError } from './errors';
import { relativePath } from './files';
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
  const host = new NodeHost();
  const config = loadConfig(cmd.config, cwd, cwd, cmd.target, host);
  const target = config.target;
  const catalog = schemaFrom(cmd.schema, cwd, openProject(config, host, undefined, []));
  const analysis = analyzeFile('<sql>', sqlText, { target, catalog, rules: config.rules, settings: config.settings });
  const findings = analysis.findings;
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

/**
 * The schema after the --schema paths: a folder contributes the schema after each migration chain
 * in it (the config's globs, conventions and schema sources apply); named files, the schema their
 * chain leaves after the last of them.
 */
function schemaFrom(paths: readonly string[], cwd: string, project: Project): Catalog {
  const catalog = emptyCatalog();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const found = project.discover([abs]);
    if (found.missing.length > 0) throw new UsageError(`schema path not found: ${p}`);
    for (const u of found.unreadable) throw new UsageError(`${relativePath(cwd, u.path)}: ${u.reason}`);
    const lastOf = new Map<string, { chain: Chain; upTo: number }>();
    for (const file of found.files) {
      const read = project.host.read(file);
      if (!read.ok) throw new UsageError(`${relativePath(cwd, file)}: ${read.reason}`);
      const chain = project.chainOf(file, true);
      if (!chain) continue;
      const upTo = project.host.stat(abs) === 'dir' ? chain.ordered.length : chain.ordered.indexOf(file) + 1;
      lastOf.set(chain.key, { chain, upTo: Math.max(upTo, lastOf.get(chain.key)?.upTo ?? 0) });
    }
    for (const { chain, upTo } of lastOf.values()) {
      for (const [key, table] of project.schemaOf(chain, chain.ordered[upTo]).tables) catalog.tables.set(key, table);
    }
  }
  return catalog;
}
