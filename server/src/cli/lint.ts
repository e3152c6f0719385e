// `lockstep lint`: discover files, replay each directory's earlier migrations in convention
// order, analyze every linted file against the schema before it, apply the baseline.
import { join, resolve } from 'node:path';
import { analyzeFile, emptyCatalog, parseTarget, KNOWN_TARGETS, DEFAULT_TARGET, type Catalog, type Target } from '../engine';
import { replayMigration } from '../engine/analyze';
import { applySeverityOverrides, failsAt, type FailOn } from '../engine/config';
import { migrationText } from '../engine/workspace';
import type { LintCommand } from './args';
import { applyBaseline, DEFAULT_BASELINE_NAME, readBaseline, writeBaseline } from './baseline-file';
import { loadConfig, searchStart, type CliConfig } from './config-file';
import { UsageError } from './errors';
import { discover, readMigration, relativePath, type ReadResult } from './files';
import { migrationSets, orderSet } from './migration-sets';
import { fileReport, type FileReport, type LintReport } from './report';

export interface LintOutcome {
  report: LintReport;
  config: CliConfig;
  /** files that could not be linted, with why (each makes the exit code 2) */
  skipped: { path: string; reason: string }[];
  /** non-fatal notes for stderr */
  notes: string[];
  failOn: FailOn;
}

export function resolveTarget(label: string | undefined): Target {
  const chosen = label ?? DEFAULT_TARGET;
  const target = parseTarget(chosen);
  if (!target) throw new UsageError(`unknown target "${chosen}": use a flavor and version such as ${KNOWN_TARGETS.join(', ')}.`);
  return target;
}

export function runLint(cmd: LintCommand, cwd: string): LintOutcome {
  const config = loadConfig(cmd.config, cwd, searchStart(cwd, cmd.paths[0]));
  const target = resolveTarget(cmd.target ?? config.target);
  const found = discover(cmd.paths, cwd, config.root, config.filter);
  if (found.missing.length > 0) throw new UsageError(`path not found: ${found.missing.join(', ')}`);
  if (found.files.length === 0 && found.excludedCount === 0 && found.unreadable.length === 0) {
    throw new UsageError(`no migration files (*.sql) found in ${cmd.paths.join(', ')}${config.source ? ` matching the globs of ${relativePath(cwd, config.source)}` : ''}.`);
  }

  const linted = new Set(found.files);
  const skipped: LintOutcome['skipped'] = found.unreadable.map((u) => ({ path: relativePath(cwd, u.path), reason: u.reason }));
  const notes: string[] = [];
  /** in run order: sets by folder, then each set's up migrations, then its down/other files */
  const reports = new Map<string, FileReport>();
  const options = { target, rules: config.rules, settings: config.settings };

  for (const set of migrationSets(found.files, config.root, config.filter)) {
    const reads = new Map<string, ReadResult>(set.members.map((abs) => [abs, readMigration(abs)]));
    const textOf = (abs: string): string | undefined => {
      const r = reads.get(abs);
      return r?.ok ? r.text : undefined;
    };
    const { convention, ordered, unordered } = orderSet(set, config.root, config.convention, textOf);

    const step = (abs: string, catalog: Catalog): Catalog => {
      const read = reads.get(abs) ?? readMigration(abs);
      const display = relativePath(cwd, abs);
      if (!read.ok) {
        if (linted.has(abs)) skipped.push({ path: display, reason: read.reason });
        else notes.push(`${display} was not replayed (${read.reason}); later files are checked without its schema changes.`);
        return catalog;
      }
      if (!linted.has(abs)) return replayMigration(catalog, display, read.text, { target, convention });
      const analysis = analyzeFile(display, migrationText(read.text, convention), { ...options, catalog });
      reports.set(abs, fileReport(display, read.text, analysis.statements, applySeverityOverrides(analysis.findings, config.rules)));
      return analysis.catalogAfter;
    };

    // replay up to the last file that is linted or that a linted down migration follows
    const needed = new Set([...ordered.filter((m) => linted.has(m)), ...unordered.filter((u) => linted.has(u.path) && u.after).map((u) => u.after as string)]);
    const last = Math.max(-1, ...ordered.map((m, i) => (needed.has(m) ? i : -1)));
    const after = new Map<string, Catalog>();
    let catalog = emptyCatalog();
    for (let i = 0; i <= last; i++) {
      catalog = step(ordered[i], catalog);
      if (needed.has(ordered[i])) after.set(ordered[i], catalog);
    }
    for (const u of unordered) {
      if (linted.has(u.path)) step(u.path, (u.after && after.get(u.after)) || emptyCatalog());
    }
  }

  const linkedReports = [...reports].map(([abs, report]) => ({ report, rootPath: relativePath(config.root, abs) }));
  const baselinePath = cmd.baseline !== undefined ? resolve(cwd, cmd.baseline) : config.baseline;
  if (cmd.writeBaseline) {
    const path = baselinePath ?? join(config.root, DEFAULT_BASELINE_NAME);
    const count = writeBaseline(path, linkedReports);
    notes.push(`wrote ${count} finding${count === 1 ? '' : 's'} to the baseline ${relativePath(cwd, path)}; runs with it will hide them.`);
  } else if (baselinePath !== undefined) {
    const hidden = applyBaseline(linkedReports, readBaseline(baselinePath, cwd));
    if (hidden > 0) notes.push(`${hidden} finding${hidden === 1 ? '' : 's'} hidden by the baseline ${relativePath(cwd, baselinePath)}.`);
  }

  const failOn: FailOn = cmd.writeBaseline ? 'never' : (cmd.failOn ?? config.failOn);
  return { report: { target, files: linkedReports.map((f) => f.report) }, config, skipped, notes, failOn };
}

export function exitCodeFor(report: LintReport, failOn: FailOn): 0 | 1 {
  return report.files.some((f) => f.findings.some((x) => failsAt(x.severity, failOn))) ? 1 : 0;
}
