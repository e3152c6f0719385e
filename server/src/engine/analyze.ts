// The one analysis pipeline: text → statements → predictions → rule findings → suppression.
// Pure and synchronous; never throws on bad input (an internal failure becomes a finding).
import { applyStatement, emptyCatalog, snapshotCatalog } from './catalog/apply';
import { applySeverityOverrides, checkRule, internalErrorFinding, noteSchemaSources, unparsedStatementFinding } from './findings';
import { predict } from './kb/predict';
import { parseFile } from './parse';
import type { RuleSettings } from './rules/rule';
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
  // table definitions are never changed in place (catalog/apply.ts): a shallow snapshot is enough
  const catalog = options.catalog ? snapshotCatalog(options.catalog) : emptyCatalog();
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
      findings.push(internalErrorFinding(statement, 'prediction', err));
    }
    results.push({ statement, prediction });

    if (!statement.analyzed) findings.push(unparsedStatementFinding(statement));

    for (const rule of rules) {
      checkRule(
        rule,
        statement,
        options.rules,
        (report) => ({
          statement,
          statements,
          catalog,
          isNewTable: (name) => newTables.has(name.toLowerCase()),
          target: options.target,
          prediction,
          session,
          file: { path, text },
          settings,
          report,
        }),
        (f) => findings.push(f),
      );
    }

    noteNewTables(newTables, statement);
    try {
      applyStatement(catalog, statement, path);
    } catch (err) {
      findings.push(internalErrorFinding(statement, 'catalog', err));
    }
    session = nextSession(session, statement);
  }

  const kept = applyDirectives(text, findings, findDirectives(text), new Map(statements.map((s) => [s.index, s.span])));
  kept.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  const final = noteSchemaSources(applySeverityOverrides(kept, options.rules), statements, options.catalog);
  return { path, statements: results, findings: final, catalogAfter: catalog };
}

/** adds the tables the statement creates (or renames a new table to) to `newTables` (lower-cased names) */
export function noteNewTables(newTables: Set<string>, statement: Statement): void {
  for (const op of statement.operations) {
    if (op.kind === 'create-table') newTables.add(op.table.toLowerCase());
    if (op.kind === 'rename-table' && newTables.has(op.table.toLowerCase())) newTables.add(op.newName.toLowerCase());
  }
}
