// SARIF 2.1.0 for code-scanning uploads: one run, every known rule with its description, and a
// docs URL only when a docs base is configured (the shipped pages are a local path, meaningless to a CI server).
import type { Finding, Fix, Severity } from '../../engine';
import { rules } from '../../engine';
import { fingerprints } from '../fingerprint';
import type { LineIndex } from '../positions';
import type { FileReport, LintReport } from '../report';
import { ruleDocsUrl, ruleInfo } from '../../common/rule-docs';
import { TOOL_NAME, VERSION } from '../version';
import { streamedArray, streamedObject, type Streamed } from './json-stream';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function region(lines: LineIndex, span: { start: number; end: number }): SarifRegion {
  const r = lines.range(span);
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function artifactUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export interface SarifOptions {
  /** a configured docs base URL; without it the rules carry no helpUri */
  docsBase?: string;
}

/** one finding as a SARIF result */
function sarifResult(f: Finding, file: FileReport, uri: string, prints: Map<Finding, string>, ruleIndex: ReadonlyMap<string, number>): object {
  const text = f.help ? `${f.message}\nHelp: ${f.help}` : f.message;
  const result: Record<string, unknown> = {
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule),
    level: LEVEL[f.severity],
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: region(file.lines, f.span) } }],
    partialFingerprints: { 'lockstep/v1': prints.get(f) },
  };
  if (f.fixes && f.fixes.length > 0) result.fixes = f.fixes.map((fix) => sarifFix(fix, uri, file.lines));
  return result;
}

/** every finding of every file with what its result needs (fingerprints are computed per file, as it is reached) */
function* findingsOf(report: LintReport): Iterable<{ f: Finding; file: FileReport; uri: string; prints: Map<Finding, string> }> {
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const uri = artifactUri(file.path);
    const prints = fingerprints(file);
    for (const f of file.findings) yield { f, file, uri, prints };
  }
}

/** the SARIF log, produced piece by piece (a report can be larger than the longest string) */
export function sarifDocument(report: LintReport, options: SarifOptions = {}): Streamed {
  const ids = new Set<string>(rules.map((r) => r.meta.id));
  for (const file of report.files) for (const f of file.findings) ids.add(f.rule);
  const ruleIds = [...ids].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));

  const run = streamedObject([
    [
      'tool',
      {
        driver: {
          name: TOOL_NAME,
          version: VERSION,
          semanticVersion: VERSION,
          rules: ruleIds.map((id) => {
            const info = ruleInfo(id);
            const level = info.defaultSeverity === 'off' ? 'none' : LEVEL[info.defaultSeverity];
            const rule: Record<string, unknown> = { id, name: id, shortDescription: { text: info.description } };
            if (options.docsBase) rule.helpUri = ruleDocsUrl(id, options.docsBase);
            else rule.help = { text: `${info.description} Documentation: docs/rules/${id}.md in the Lockstep package.` };
            rule.defaultConfiguration = { level, enabled: info.defaultSeverity !== 'off' };
            return rule;
          }),
        },
      },
    ],
    ['columnKind', 'utf16CodeUnits'],
    ['properties', { target: report.target.label }],
    ['results', streamedArray(findingsOf(report), (r) => sarifResult(r.f, r.file, r.uri, r.prints, ruleIndex))],
  ]);
  return streamedObject([
    ['$schema', 'https://json.schemastore.org/sarif-2.1.0.json'],
    ['version', '2.1.0'],
    ['runs', streamedArray([run], (r) => r)],
  ]);
}

function sarifFix(fix: Fix, uri: string, lines: LineIndex): object {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
        replacements: fix.edits.map((e) => ({ deletedRegion: region(lines, e.span), insertedContent: { text: e.newText } })),
      },
    ],
  };
}
