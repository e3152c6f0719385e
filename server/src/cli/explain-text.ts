// Text rendering of `lockstep explain`.
import type { Severity } from '../engine';
import type { ExplainResult } from './explain';
import type { JsonFinding } from './reporters/json';
import { visible } from './visible';

const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 34, hint: 2 };

export function formatExplainText(result: ExplainResult, color: boolean): string {
  const paint = (code: number, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [`Target: ${visible(result.target)}`];
  if (result.statements.length === 0) out.push('', 'No statements.');
  for (const s of result.statements) {
    out.push('', paint(1, `${s.range.start.line + 1}:${s.range.start.character + 1}  ${oneLine(s.sql)}`));
    if (!s.analyzed) out.push('  not analyzed: no parser understood this statement');
    if (s.prediction) {
      out.push(`  algorithm  ${s.prediction.algorithm}`);
      out.push(`  lock       ${s.prediction.lock}`);
      out.push(`  rebuild    ${s.prediction.rebuild ? 'yes' : 'no'}`);
      out.push(`  why        ${visible(s.prediction.reason)}`);
    } else if (s.analyzed) {
      out.push(`  no prediction (${visible(s.kind)} is not an online-DDL statement)`);
    }
    out.push(...findingLines(s.findings, paint));
  }
  if (result.findings.length > 0) out.push('', ...findingLines(result.findings, paint));
  return `${out.join('\n')}\n`;
}

function findingLines(findings: JsonFinding[], paint: (code: number, s: string) => string): string[] {
  const out: string[] = [];
  for (const f of findings) {
    out.push(`  ${paint(SEVERITY_COLOR[f.severity], f.severity)} ${f.rule}: ${visible(f.message)}`);
    if (f.help) out.push(`    help: ${visible(f.help)}`);
  }
  return out;
}

function oneLine(sql: string, max = 100): string {
  const flat = visible(sql.replace(/\s+/g, ' ').trim());
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
