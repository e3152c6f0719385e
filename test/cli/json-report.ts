// Types of the JSON contract as the tests read it (docs/json-format.md), and a parser that checks it.
import assert from 'node:assert/strict';

export interface Pos {
  line: number;
  character: number;
}
export interface Range {
  start: Pos;
  end: Pos;
}
export interface JStatement {
  range: Range;
  kind: string;
  analyzed: boolean;
  tables: string[];
  prediction: { algorithm: string; lock: string; rebuild: boolean; reason: string } | null;
}
export interface JFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  range: Range;
  help?: string;
  fixes?: { title: string; preferred?: boolean; edits: { range: Range; newText: string }[] }[];
}
export interface JFile {
  path: string;
  statements: JStatement[];
  findings: JFinding[];
}
export interface JReport {
  target: string;
  files: JFile[];
  summary: { files: number; statements: number; analyzed: number; findings: Record<JFinding['severity'], number> };
}

export function parseReport(stdout: string): JReport {
  const report = JSON.parse(stdout) as JReport;
  assert.deepEqual(Object.keys(report).sort(), ['files', 'summary', 'target']);
  return report;
}

export function fileOf(report: JReport, suffix: string): JFile {
  const file = report.files.find((f) => f.path.endsWith(suffix));
  assert.ok(file, `no file ending ${suffix} in ${report.files.map((f) => f.path).join(', ')}`);
  return file;
}

export function rulesOf(file: JFile): string[] {
  return file.findings.map((f) => f.rule);
}
