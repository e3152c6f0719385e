// Reading and writing the baseline file; matching is the engine's (engine/config/baseline.ts).
// Baseline entries use paths relative to the config root, so the file works from any directory.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createBaseline, filterByBaseline, parseBaseline, serializeBaseline, statementSpanMap, type Baseline, type BaselineFile } from '../engine';
import { UsageError } from './errors';
import { relativePath } from './files';
import type { FileReport } from './report';

export const DEFAULT_BASELINE_NAME = 'lockstep-baseline.json';

export function readBaseline(path: string, cwd: string): Baseline {
  if (!existsSync(path)) throw new UsageError(`baseline file not found: ${relativePath(cwd, path)} (create it with --write-baseline)`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read baseline file ${relativePath(cwd, path)}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { baseline, errors } = parseBaseline(text);
  if (errors.length > 0) throw new UsageError(`invalid baseline file ${relativePath(cwd, path)}: ${errors.join('; ')}`);
  return baseline;
}

/** `rootPath`: the file's path relative to the config root */
export function baselineFile(file: FileReport, rootPath: string): BaselineFile {
  return { path: rootPath, text: file.text, findings: file.findings, statementSpans: statementSpanMap(file.statements.map((s) => s.statement)) };
}

/** drops the findings the baseline accepts; returns how many were hidden */
export function applyBaseline(files: { report: FileReport; rootPath: string }[], baseline: Baseline): number {
  let hidden = 0;
  for (const { report, rootPath } of files) {
    const { kept, baselined } = filterByBaseline(baselineFile(report, rootPath), baseline);
    report.findings = kept;
    hidden += baselined;
  }
  return hidden;
}

export function writeBaseline(path: string, files: { report: FileReport; rootPath: string }[]): number {
  const baseline = createBaseline(files.map(({ report, rootPath }) => baselineFile(report, rootPath)));
  try {
    writeFileSync(path, serializeBaseline(baseline));
  } catch (err) {
    throw new UsageError(`cannot write baseline file ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return baseline.entries.reduce((n, e) => n + e.count, 0);
}
