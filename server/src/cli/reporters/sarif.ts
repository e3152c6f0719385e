// SARIF 2.1.0 for code-scanning uploads: one run, every known rule with its description, and a
// docs URL only when a docs base is configured (the shipped pages are a local path, meaningless to a CI server).
import type { Fix, Severity } from '../../engine';
import { rules } from '../../engine';
import { fingerprints } from '../fingerprint';
import type { LineIndex } from '../positions';
import type { LintReport } from '../report';
import { ruleDocsUrl, ruleInfo } from '../../common/rule-docs';
import { TOOL_NAME, VERSION } from '../version';

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

export function toSarif(report: LintReport, options: SarifOptions = {}): object {
  const ids = new Set<string>(rules.map((r) => r.meta.id));
  for (const file of report.files) for (const f of file.findings) ids.add(f.rule);
  const ruleIds = [...ids].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));

  const results: object[] = [];
  for (const file of report.files) {
    const uri = artifactUri(file.path);
    const prints = fingerprints(file);
    for (const f of file.findings) {
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
      results.push(result);
    }
  }

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
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
        columnKind: 'utf16CodeUnits',
        properties: { target: report.target.label },
        results,
      },
    ],
  };
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

export function formatSarif(report: LintReport, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}
