// Format name → reporter; every format is written piece by piece (`writeReport`).
import type { Writable } from 'node:stream';
import type { LintReport } from '../report';
import { githubChunks } from './github';
import { gitlabDocument } from './gitlab';
import { jsonDocument } from './json';
import { documentChunks, writeChunks } from './json-stream';
import { sarifDocument } from './sarif';
import { textChunks } from './text';

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

/** the report piece by piece: no format builds the whole output as one string */
function chunks(format: Format, report: LintReport, options: RenderOptions): Iterable<string> {
  switch (format) {
    case 'text':
      return textChunks(report, options);
    case 'json':
      return documentChunks(jsonDocument(report));
    case 'sarif':
      return documentChunks(sarifDocument(report, { docsBase: options.docsBase }));
    case 'github':
      return githubChunks(report);
    case 'gitlab':
      return documentChunks(gitlabDocument(report));
  }
}

/**
 * Writes the report to `out` (process.stdout) as it is produced, respecting backpressure: a
 * report for a large file can be longer than the longest string the runtime can build.
 */
export function writeReport(format: Format, report: LintReport, options: RenderOptions, out: Writable): Promise<void> {
  return writeChunks(chunks(format, report, options), out);
}
