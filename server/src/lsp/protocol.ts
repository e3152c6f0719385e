// What the server and its clients agree on beyond standard LSP: command ids, the data attached to
// each diagnostic (so code actions are stateless), the `lockstep/explain` request, the settings.
import { RequestType, type Position, type Range, type TextEdit } from 'vscode-languageserver';
import type { Prediction, Severity, SeveritySetting } from '../engine';

export const COMMANDS = {
  /** client command (VS Code): runs the statement on a dev database; arguments [uri, range] */
  dryRun: 'lockstep.dryRun',
  /** client command (VS Code): opens the bundled docs page; arguments [ruleId, url] */
  showRuleDocs: 'lockstep.showRuleDocs',
  /** the same, executed by the server (window/showDocument) for clients without the VS Code extension */
  serverShowRuleDocs: 'lockstep.server.showRuleDocs',
} as const;

export interface DiagnosticFix {
  title: string;
  preferred: boolean;
  edits: TextEdit[];
}

export interface DiagnosticData {
  rule: string;
  docsUrl: string;
  fixes: DiagnosticFix[];
}

export interface ExplainParams {
  /** explain the statement at `position` of an open document … */
  textDocument?: { uri: string };
  position?: Position;
  /** … or standalone SQL */
  sql?: string;
  /** target label for standalone SQL (default: the workspace's) */
  target?: string;
}

export interface ExplainedStatement {
  range?: Range;
  kind: string;
  sql: string;
  prediction: Prediction | null;
  findings: { rule: string; severity: Severity; message: string; help?: string }[];
  markdown: string;
}

export interface ExplainResult {
  target: string;
  statements: ExplainedStatement[];
}

export const ExplainRequest = new RequestType<ExplainParams, ExplainResult, void>('lockstep/explain');

/** the `lockstep` settings section (workspace/configuration); lockstep.config.json wins over it */
export interface ClientSettings {
  target?: string;
  rules?: Record<string, SeveritySetting>;
  migrations?: { globs?: string[] };
  /** a base URL (http, https or file) of the rule docs; empty or `local`: the docs shipped with the server */
  docsBase?: string;
  /** files larger than this (bytes) are not analyzed */
  maxFileSize?: number;
  trace?: { server?: 'off' | 'messages' | 'verbose' };
}
