// The shape of one rule: metadata + a pure check over one statement in context.
import type { Catalog, Finding, Fix, Operation, Prediction, SessionState, Severity, Span, Statement, Target } from '../types';

export type HazardClass = 'BC' | 'LK' | 'RB' | 'DL' | 'FL';

export interface RuleMeta {
  /** stable kebab-case id from the hazard catalog: diagnostic code, docs file name, ignore token */
  id: string;
  defaultSeverity: Severity | 'off';
  classes: HazardClass[];
  /** one sentence: what the rule finds */
  description: string;
  /** true when the rule offers a single-edit fix */
  fixable: boolean;
}

export interface ReportInput {
  message: string;
  /** a finding-specific severity (e.g. `info` when the old definition is unknown); the user's
   * configured severity for the rule wins when it differs from the rule's default */
  severity?: Severity;
  span: Span;
  help?: string;
  fixes?: Fix[];
  related?: Finding['related'];
}

export interface RuleContext {
  /** the statement under check */
  statement: Statement;
  /** every statement of the file, in order (embedded ones included), for rules that look around */
  statements: readonly Statement[];
  /** the schema before this statement runs (earlier files + earlier statements of this file) */
  catalog: Catalog;
  /** tables created earlier in this file (or release): no compatibility/locking findings on them */
  isNewTable(name: string): boolean;
  target: Target;
  /** prediction for this statement (null for non-DDL) */
  prediction: Prediction | null;
  /** session settings in force before this statement (SET SESSION … earlier in the file) */
  session: SessionState;
  /** the whole original file text, relative path */
  file: { path: string; text: string };
  /** configured thresholds and per-rule options */
  settings: RuleSettings;
  report(finding: ReportInput): void;
}

export interface RuleSettings {
  /** known table sizes (rows), from config or a connected database */
  tableRows: Record<string, number>;
  /** rows above which a rebuild is a `large-table-rewrite` */
  largeTableRows: number;
  /** the server's character_set_server, for tables without their own charset (default utf8mb4) */
  serverDefaultCharset?: string;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
  /**
   * For a rule that reads `ctx.statements`: what its findings on this statement depend on beyond
   * the statement's own text, its session, the catalog tables it read and its `isNewTable`
   * answers — as a string, with positions elsewhere in the file relative to the statement's start
   * and line numbers absolute. Equal strings promise equal findings (moved with the statement), so
   * the incremental analyzer re-runs the rule only when the string changes. It runs for every
   * statement `check` read the file for, in file order, after the rules of the earlier statements;
   * it must be cheaper than `check` (a per-file index shared through the statement list) and never
   * report.
   */
  dependency?(ctx: RuleContext): string;
}

/** operations of the statement that touch an existing (not newly created) table */
export function existingTableOps(ctx: RuleContext): Operation[] {
  return ctx.statement.operations.filter((op) => op.kind !== 'create-table' && !ctx.isNewTable(op.table));
}
