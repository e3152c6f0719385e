// `lockstep/explain`: the prediction and findings for the statement at a position of an open
// document (or every DDL statement of it), or for standalone SQL.
import { analyzeFile, applySeverityOverrides, type FileAnalysis, type Finding, parseTarget, type StatementResult, type Target } from '../../engine';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { spanToRange, type PositionIndex } from '../convert';
import { ExplainRequest, type ExplainedStatement, type ExplainResult } from '../protocol';
import { refusal } from '../limits';
import { isDdl, statementAt } from '../statements';
import { statementMarkdown } from './hover';

export function registerExplain(ctx: ServerContext): void {
  ctx.connection.onRequest(ExplainRequest, async (params): Promise<ExplainResult> => {
    if (params.textDocument) {
      const open = ctx.documents.get(params.textDocument.uri);
      if (open) refuse(open.getText(), (await ctx.settings.get(open.uri)).maxFileSize, 'this file');
      const current = await ctx.analyses.current(params.textDocument.uri);
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!current || !doc) return { target: '', statements: [] };
      const target = current.settings.target;
      const picked = params.position
        ? [statementAt(current.analysis.statements, doc.offsetAt(params.position))].filter((r): r is StatementResult => r !== undefined)
        : current.analysis.statements.filter(isDdl);
      return { target: target.label, statements: picked.map((r) => explained(r, current.analysis, target, doc)) };
    }
    const settings = await ctx.settings.get(ctx.documents.all()[0]?.uri ?? 'untitled:explain');
    refuse(params.sql ?? '', settings.maxFileSize, 'this SQL');
    const target = (params.target ? parseTarget(params.target) : undefined) ?? settings.target;
    const analyzed = analyzeFile('explain.sql', params.sql ?? '', { target, rules: settings.rules, settings: settings.ruleSettings });
    const analysis = { ...analyzed, findings: applySeverityOverrides(analyzed.findings, settings.rules) };
    return { target: target.label, statements: analysis.statements.map((r) => explained(r, analysis, target)) };
  });
}

/** the same limits as documents (limits.ts): an oversized request fails with the reason */
function refuse(text: string, maxBytes: number, subject: string): void {
  const refused = refusal(text, maxBytes, subject);
  if (refused) throw new ResponseError(LSPErrorCodes.RequestFailed, refused);
}

function explained(result: StatementResult, analysis: FileAnalysis, target: Target, doc?: PositionIndex): ExplainedStatement {
  const findings: Finding[] = analysis.findings.filter((f) => f.statementIndex === result.statement.index);
  return {
    range: doc ? spanToRange(doc, result.statement.span) : undefined,
    kind: result.statement.kind,
    sql: result.statement.sql,
    prediction: result.prediction,
    findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, help: f.help })),
    markdown: statementMarkdown(result, target, findings),
  };
}
