// The one analysis pipeline: text → statements → predictions → rule findings → suppression.
// Pure and synchronous; never throws on bad input (an internal failure becomes a finding).
import { applyStatement, cloneCatalog, emptyCatalog } from './catalog/apply';
import { predict } from './kb/predict';
import { parseFile } from './parse';
import type { ReportInput, RuleContext, RuleSettings } from './rules/rule';
import { rules } from './rules';
import { applyDirectives, findDirectives } from './suppress';
import { nextSession, initialSession } from './session';
import type { Catalog, Finding, Prediction, SeveritySetting, Statement, Target } from './types';

export interface AnalyzeOptions {
  target: Target;
  /** schema before this file (earlier migrations); empty when absent */
  catalog?: Catalog;
  /** per-rule severity overrides */
  rules?: Record<string, SeveritySetting>;
  settings?: Partial<RuleSettings>;
  /** tables created by earlier files of the same release: treated as new */
  newTables?: ReadonlySet<string>;
}

export interface StatementResult {
  statement: Statement;
  prediction: Prediction | null;
}

export interface FileAnalysis {
  path: string;
  statements: StatementResult[];
  findings: Finding[];
  /** the schema after this file */
  catalogAfter: Catalog;
}

export const DEFAULT_SETTINGS: RuleSettings = { tableRows: {}, largeTableRows: 1_000_000 };

export function analyzeFile(path: string, text: string, options: AnalyzeOptions): FileAnalysis {
  const catalog = options.catalog ? cloneCatalog(options.catalog) : emptyCatalog();
  const settings: RuleSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const statements = parseFile(text, { target: options.target });
  const newTables = new Set<string>([...(options.newTables ?? [])].map((t) => t.toLowerCase()));
  const findings: Finding[] = [];
  const results: StatementResult[] = [];
  let session = initialSession();

  for (const statement of statements) {
    let prediction: Prediction | null = null;
    try {
      prediction = predict(statement, catalog, options.target, session);
    } catch (err) {
      findings.push(internalError(statement, 'prediction', err));
    }
    results.push({ statement, prediction });

    if (!statement.analyzed) {
      findings.push({
        rule: 'unparsed-statement',
        severity: 'info',
        message: `Lockstep could not parse this statement, so it was not checked${statement.problems[0] ? `: ${statement.problems[0]}` : '.'}`,
        span: statement.span,
        statementIndex: statement.index,
      });
    }

    for (const rule of rules) {
      const configured = options.rules?.[rule.meta.id];
      const severity = configured ?? rule.meta.defaultSeverity;
      if (severity === 'off') continue;
      const ctx: RuleContext = {
        statement,
        statements,
        catalog,
        isNewTable: (name) => newTables.has(name.toLowerCase()),
        target: options.target,
        prediction,
        session,
        file: { path, text },
        settings,
        report: (f: ReportInput) =>
          findings.push({ ...f, rule: rule.meta.id, severity: configured === undefined || configured === rule.meta.defaultSeverity ? (f.severity ?? severity) : severity, statementIndex: statement.index }),
      };
      try {
        rule.check(ctx);
      } catch (err) {
        findings.push(internalError(statement, rule.meta.id, err));
      }
    }

    for (const op of statement.operations) {
      if (op.kind === 'create-table') newTables.add(op.table.toLowerCase());
      if (op.kind === 'rename-table' && newTables.has(op.table.toLowerCase())) newTables.add(op.newName.toLowerCase());
    }
    try {
      applyStatement(catalog, statement, path);
    } catch (err) {
      findings.push(internalError(statement, 'catalog', err));
    }
    session = nextSession(session, statement);
  }

  const kept = applyDirectives(text, findings, findDirectives(text), new Map(statements.map((s) => [s.index, s.span])));
  kept.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  return { path, statements: results, findings: kept, catalogAfter: catalog };
}

function internalError(statement: Statement, where: string, err: unknown): Finding {
  const detail = err instanceof Error ? err.message : String(err);
  return {
    rule: 'internal-error',
    severity: 'info',
    message: `Lockstep hit an internal error in ${where} while checking this statement (${detail}); please report it.`,
    span: statement.span,
    statementIndex: statement.index,
  };
}
