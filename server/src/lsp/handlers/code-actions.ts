// Quick fixes for Lockstep's diagnostics: the rule's fixes (preferred one marked), "Disable <rule>
// for this line / for this file", "Show documentation for <rule>". A published diagnostic carries
// only its rule id; its fixes are those of the finding with the same rule and range in the
// document's analysis (diagnostics.ts). Data with the fixes inlined (`DiagnosticData`, what
// earlier servers published) is still honoured as it is: a client may send back what it received.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { disableFileEdit, disableNextLineEdit, type Finding } from '../../engine';
import type { ServerContext } from '../context';
import { rangeToSpan, toLspEdit } from '../convert';
import { COMMANDS, type DiagnosticData, type DiagnosticFix } from '../protocol';
import type { DocumentAnalysis } from './diagnostics';
import { planActions } from './plan-actions';
import { firstAtOrAfter } from '../sorted-findings';

/** a Lockstep diagnostic's data: the rule, and the docs URL and fixes when the client sent them back */
interface ReceivedData {
  rule: string;
  docsUrl?: string;
  fixes?: DiagnosticFix[];
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    const only = params.context.only;
    if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
    const received = params.context.diagnostics.flatMap((diagnostic) => {
      const data = diagnosticData(diagnostic);
      return data ? [{ diagnostic, data }] : [];
    });
    if (received.length === 0 || !ctx.documents.get(params.textDocument.uri)) return [];
    // the analysis of the document as it is now: the diagnostics' ranges are in this text
    const analysis = received.some((r) => r.data.fixes === undefined || r.data.docsUrl === undefined) ? await ctx.analyses.current(params.textDocument.uri) : undefined;
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const current = analysis && analysis.version === doc.version ? analysis : undefined;
    const docsBase = (current?.settings ?? (await ctx.settings.get(doc.uri))).docsBase;

    const fixes: CodeAction[] = [];
    const disables: CodeAction[] = [];
    const docs: CodeAction[] = [];
    const seen = new Set<string>();
    for (const { diagnostic, data } of received) {
      for (const fix of data.fixes ?? findingFixes(doc, current, diagnostic, data.rule)) {
        fixes.push(quickFix(fix.title, doc, fix.edits, diagnostic, fix.preferred));
      }
      const span = rangeToSpan(doc, diagnostic.range);
      const lineEdits = disableNextLineEdit(doc.getText(), span, data.rule).map((e) => toLspEdit(doc, e));
      if (lineEdits.length > 0) disables.push(quickFix(`Disable ${data.rule} for this line`, doc, lineEdits, diagnostic, false));
      if (seen.has(data.rule)) continue;
      seen.add(data.rule);
      const fileEdits = disableFileEdit(doc.getText(), data.rule).map((e) => toLspEdit(doc, e));
      if (fileEdits.length > 0) disables.push(quickFix(`Disable ${data.rule} for this file`, doc, fileEdits, diagnostic, false));
      const docsUrl = data.docsUrl ?? ctx.analyses.docsUrl(data.rule, docsBase);
      const command = ctx.flags.vscodeExtension ? COMMANDS.showRuleDocs : COMMANDS.serverShowRuleDocs;
      docs.push({
        title: `Show documentation for ${data.rule}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${data.rule}`, command, arguments: [data.rule, docsUrl] },
      });
    }
    fixes.sort((a, b) => Number(b.isPreferred === true) - Number(a.isPreferred === true));
    return [...fixes, ...planActions(ctx, doc, params.context.diagnostics), ...disables, ...docs];
  });
}

/**
 * The fixes of the finding the diagnostic shows: same rule and range in the analysis of the
 * current text (of several, the one with the same message). None when the text was not analyzed.
 */
function findingFixes(doc: TextDocument, analysis: DocumentAnalysis | undefined, diagnostic: Diagnostic, rule: string): DiagnosticFix[] {
  if (!analysis) return [];
  const span = rangeToSpan(doc, diagnostic.range);
  const findings = analysis.analysis.findings;
  const candidates: Finding[] = [];
  // findings are sorted by start offset
  for (let i = firstAtOrAfter(findings, span.start); i < findings.length && findings[i].span.start === span.start; i++) {
    const f = findings[i];
    if (f.rule === rule && f.span.end === span.end) candidates.push(f);
  }
  const finding = candidates.find((f) => (f.help ? `${f.message}\n${f.help}` : f.message) === diagnostic.message) ?? candidates[0];
  return (finding?.fixes ?? []).map((fix) => ({ title: fix.title, preferred: fix.preferred === true, edits: fix.edits.map((e) => toLspEdit(doc, e)) }));
}


function quickFix(title: string, doc: TextDocument, edits: TextEdit[], diagnostic: Diagnostic, preferred: boolean): CodeAction {
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [doc.uri]: edits } } };
  if (preferred) action.isPreferred = true;
  return action;
}

function diagnosticData(diagnostic: Diagnostic): ReceivedData | undefined {
  if (diagnostic.source !== 'lockstep') return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data.rule !== 'string') return undefined;
  return {
    rule: data.rule,
    docsUrl: typeof data.docsUrl === 'string' ? data.docsUrl : undefined,
    fixes: Array.isArray(data.fixes) ? data.fixes : undefined,
  };
}
