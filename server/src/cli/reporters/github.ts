// GitHub Actions workflow commands (`::error file=…,line=…::message`), one per finding, plus a
// plain summary line. Only written when this format is chosen, never mixed into another format.
import type { Severity } from '../../engine';
import { summarize, type LintReport } from '../report';
import { summaryLine } from './text';
import { visible } from '../visible';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** escaping of a command's message */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** escaping of a property value (also `:` and `,`) */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** one workflow command per finding, written as it is made, then the summary line */
export function* githubChunks(report: LintReport): Iterable<string> {
  for (const file of report.files) {
    for (const f of file.findings) {
      const r = file.lines.range(f.span);
      const props = [
        `file=${escapeProperty(visible(file.path))}`,
        `line=${r.start.line + 1}`,
        `col=${r.start.character + 1}`,
        `endLine=${r.end.line + 1}`,
        ...(r.start.line === r.end.line ? [`endColumn=${r.end.character + 1}`] : []),
        `title=${escapeProperty(`lockstep ${f.rule}`)}`,
      ];
      const message = f.help ? `${f.message}\nhelp: ${f.help}` : f.message;
      yield `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(visible(message))}\n`;
    }
  }
  yield `${summaryLine(summarize(report)).text}\n`;
}
