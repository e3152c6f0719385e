// The JSON contract (docs/json-format.md): stable field names, zero-based LSP-style ranges.
import type { Finding, Fix, Prediction, StatementResult } from '../../engine';
import type { LineIndex, Range } from '../positions';
import { summarize, type FileReport, type LintReport, type Summary } from '../report';
import { streamedArray, streamedObject, type Streamed } from './json-stream';

export interface JsonPrediction {
  algorithm: Prediction['algorithm'];
  lock: Prediction['lock'];
  rebuild: boolean;
  reason: string;
}

export interface JsonStatement {
  range: Range;
  kind: string;
  analyzed: boolean;
  tables: string[];
  prediction: JsonPrediction | null;
}

export interface JsonFix {
  title: string;
  preferred?: boolean;
  edits: { range: Range; newText: string }[];
}

export interface JsonFinding {
  rule: string;
  severity: Finding['severity'];
  message: string;
  range: Range;
  help?: string;
  fixes?: JsonFix[];
}

export interface JsonFile {
  path: string;
  statements: JsonStatement[];
  findings: JsonFinding[];
}

export interface JsonReport {
  target: string;
  files: JsonFile[];
  summary: Summary;
}

export function jsonPrediction(prediction: Prediction | null): JsonPrediction | null {
  if (!prediction) return null;
  return { algorithm: prediction.algorithm, lock: prediction.lock, rebuild: prediction.rebuild, reason: prediction.reason };
}

export function jsonStatement(result: StatementResult, lines: LineIndex): JsonStatement {
  const s = result.statement;
  return { range: lines.range(s.span), kind: s.kind, analyzed: s.analyzed, tables: [...s.tables], prediction: jsonPrediction(result.prediction) };
}

function jsonFix(fix: Fix, lines: LineIndex): JsonFix {
  const out: JsonFix = { title: fix.title, edits: fix.edits.map((e) => ({ range: lines.range(e.span), newText: e.newText })) };
  if (fix.preferred) out.preferred = true;
  return out;
}

export function jsonFinding(finding: Finding, lines: LineIndex): JsonFinding {
  const out: JsonFinding = { rule: finding.rule, severity: finding.severity, message: finding.message, range: lines.range(finding.span) };
  if (finding.help) out.help = finding.help;
  if (finding.fixes && finding.fixes.length > 0) out.fixes = finding.fixes.map((f) => jsonFix(f, lines));
  return out;
}

/** one file's JsonFile, its statements and findings converted as they are written */
function jsonFile(file: FileReport): Streamed {
  return streamedObject([
    ['path', file.path],
    ['statements', streamedArray(file.statements, (s) => jsonStatement(s, file.lines))],
    ['findings', streamedArray(file.findings, (f) => jsonFinding(f, file.lines))],
  ]);
}

/** the JsonReport, produced piece by piece (a report can be larger than the longest string) */
export function jsonDocument(report: LintReport): Streamed {
  return streamedObject([
    ['target', report.target.label],
    ['files', streamedArray(report.files, jsonFile)],
    ['summary', summarize(report)],
  ]);
}
