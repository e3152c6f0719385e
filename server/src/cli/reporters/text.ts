// Human output: findings grouped by file as `path:line:col severity rule message`, a help line,
// and a summary. Colour only when the caller says so (TTY, no NO_COLOR, no --no-color).
import type { Severity } from '../../engine';
import { summarize, type LintReport, type Summary } from '../report';
import { visible } from '../visible';

export interface TextOptions {
  color: boolean;
}

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'blue' | 'cyan' | 'green';
const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
  cyan: [36, 39],
  green: [32, 39],
};

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'dim' };

/** the text output piece by piece: one finding (and its help line) at a time, then the summary */
export function* textChunks(report: LintReport, options: TextOptions): Iterable<string> {
  const paint = (style: Style, s: string): string => (options.color ? `\u001b[${CODES[style][0]}m${s}\u001b[${CODES[style][1]}m` : s);
  let blocks = 0;
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    // files are separated by an empty line
    let separator = blocks++ === 0 ? '' : '\n\n';
    for (const f of file.findings) {
      const { line, character } = file.lines.position(f.span.start);
      const where = paint('bold', `${visible(file.path)}:${line + 1}:${character + 1}`);
      const help = f.help ? `\n  ${paint('cyan', 'help:')} ${visible(f.help)}` : '';
      yield `${separator}${where} ${paint(SEVERITY_STYLE[f.severity], f.severity)} ${paint('dim', f.rule)} ${visible(f.message)}${help}`;
      separator = '\n';
    }
  }
  const summary = summaryLine(summarize(report));
  yield `${blocks > 0 ? '\n\n' : ''}${paint(summary.clean ? 'green' : 'bold', summary.text)}\n`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summaryLine(s: Summary): { text: string; clean: boolean } {
  const scope = `${plural(s.files, 'file')}, ${plural(s.statements, 'statement')} (${s.analyzed} analyzed)`;
  const parts: string[] = [];
  if (s.findings.error) parts.push(plural(s.findings.error, 'error'));
  if (s.findings.warning) parts.push(plural(s.findings.warning, 'warning'));
  if (s.findings.info) parts.push(`${s.findings.info} info`);
  if (s.findings.hint) parts.push(plural(s.findings.hint, 'hint'));
  if (parts.length === 0) return { text: `No findings in ${scope}.`, clean: true };
  return { text: `${parts.join(', ')} in ${scope}.`, clean: false };
}
