// Format name → reporter.
import type { LintReport } from '../report';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

export interface RenderOptions {
  color: boolean;
  /** a configured docs base URL (config `docsBase` or `--docs-base`) */
  docsBase?: string;
}

export function render(format: Format, report: LintReport, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return formatText(report, options);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, { docsBase: options.docsBase });
    case 'github':
      return formatGithub(report);
    case 'gitlab':
      return formatGitlab(report);
  }
}
