// Quick fixes from the data each diagnostic carries (stateless): the rule's fixes (preferred one
// marked), "Disable <rule> for this line / for this file", "Show documentation for <rule>".
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { disableFileEdit, disableNextLineEdit } from '../../engine';
import type { ServerContext } from '../context';
import { rangeToSpan, toLspEdit } from '../convert';
import { COMMANDS, type DiagnosticData } from '../protocol';
import { planActions } from './plan-actions';

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction((params): CodeAction[] => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
    const fixes: CodeAction[] = [];
    const disables: CodeAction[] = [];
    const docs: CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      const data = diagnosticData(diagnostic);
      if (!data) continue;
      for (const fix of data.fixes) {
        fixes.push(quickFix(fix.title, doc, fix.edits, diagnostic, fix.preferred));
      }
      const span = rangeToSpan(doc, diagnostic.range);
      const lineEdits = disableNextLineEdit(doc.getText(), span, data.rule).map((e) => toLspEdit(doc, e));
      if (lineEdits.length > 0) disables.push(quickFix(`Disable ${data.rule} for this line`, doc, lineEdits, diagnostic, false));
      if (seen.has(data.rule)) continue;
      seen.add(data.rule);
      const fileEdits = disableFileEdit(doc.getText(), data.rule).map((e) => toLspEdit(doc, e));
      if (fileEdits.length > 0) disables.push(quickFix(`Disable ${data.rule} for this file`, doc, fileEdits, diagnostic, false));
      const command = ctx.flags.vscodeExtension ? COMMANDS.showRuleDocs : COMMANDS.serverShowRuleDocs;
      docs.push({
        title: `Show documentation for ${data.rule}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${data.rule}`, command, arguments: [data.rule, data.docsUrl] },
      });
    }
    fixes.sort((a, b) => Number(b.isPreferred === true) - Number(a.isPreferred === true));
    return [...fixes, ...planActions(ctx, doc, params.context.diagnostics), ...disables, ...docs];
  });
}

function quickFix(title: string, doc: TextDocument, edits: TextEdit[], diagnostic: Diagnostic, preferred: boolean): CodeAction {
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [doc.uri]: edits } } };
  if (preferred) action.isPreferred = true;
  return action;
}

function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== 'lockstep') return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data.rule !== 'string' || typeof data.docsUrl !== 'string' || !Array.isArray(data.fixes)) return undefined;
  return data as DiagnosticData;
}
