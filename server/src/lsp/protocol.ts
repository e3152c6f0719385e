// What the server and its clients agree on beyond standard LSP: command ids, the data attached to
// each diagnostic (so code actions are stateless), the `lockstep/explain` and `lockstep/projectInfo`
// requests, the `lockstep/projectChanged` notification, the `lockstep/dryRun` and `lockstep/schemaBefore`
// requests, the `lockstep/devDatabase` notification, the `lockstep/plan` request, the settings.
// client/src/protocol.ts mirrors the wire types for the VS Code extension (test/lsp/project-info.test.ts checks they agree).
import { NotificationType, NotificationType0, RequestType, type Position, type Range, type TextEdit, type WorkDoneProgressParams } from 'vscode-languageserver';
import type { DryRunConnection, DryRunReport } from '../dryrun/types';
import type { Prediction, Severity, SeveritySetting } from '../engine';

export const COMMANDS = {
  /** client command (VS Code): dry-runs a statement on the connected dev database; arguments [uri, statementIndex] */
  dryRun: 'lockstep.dryRun',
  /** client command (VS Code): opens the bundled docs page; arguments [ruleId, url] */
  showRuleDocs: 'lockstep.showRuleDocs',
  /** the same, executed by the server (window/showDocument) for clients without the VS Code extension */
  serverShowRuleDocs: 'lockstep.server.showRuleDocs',
  /** client command (VS Code): the migration plan of the statement at a position as a read-only Markdown document; arguments [uri, position] */
  showMigrationPlan: 'lockstep.showMigrationPlan',
  /** the same, executed by the server (a read-only file shown with window/showDocument); arguments [uri, statementIndex, rule] */
  serverShowMigrationPlan: 'lockstep.server.showMigrationPlan',
} as const;

export interface DiagnosticFix {
  title: string;
  preferred: boolean;
  edits: TextEdit[];
}

/** what a published diagnostic carries in `data`: its fixes come from the document's cached analysis */
export interface CompactDiagnosticData {
  rule: string;
}

/** the older form, with the fixes inlined: still honoured when a client sends it back in a code-action request */
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

export interface ProjectInfoParams {
  /** a document URI; absent: the first workspace folder */
  uri?: string;
}

/** a glob relative to a folder, as in LSP's RelativePattern */
export interface DocumentPattern {
  /** file URI of the folder the pattern is relative to */
  baseUri: string;
  /** forward slashes, e.g. `db/migration/*.sql` or `etc/upgrade/*.mysql` */
  pattern: string;
}

export interface ProjectInfo {
  /** the target label in force for the document, e.g. `mariadb-10.11` */
  target: string;
  targetSource: 'config-file' | 'setting' | 'default';
  /** the config file in force, when there is one */
  configUri?: string;
  /** which files are migrations (the config's `migrations.paths`): whatever their extension or language, clients send them */
  documentPatterns: DocumentPattern[];
}

/** what the server uses for a document: the client's status bar and document filter ask, the server decides */
export const ProjectInfoRequest = new RequestType<ProjectInfoParams, ProjectInfo, void>('lockstep/projectInfo');

/** server → client: settings or config files changed; ask `lockstep/projectInfo` again */
export const ProjectChangedNotification = new NotificationType0('lockstep/projectChanged');

export interface DryRunParams extends WorkDoneProgressParams {
  /** an open document */
  textDocument: { uri: string };
  /** only this statement (its index among the file's statements, as in the code lens) … */
  statementIndex?: number;
  /** … or the DDL statement at this position (none there: every DDL statement of the file) */
  position?: Position;
  connection: DryRunConnection;
  mdlPreview?: boolean;
  lockWaitTimeout?: number;
}

/** runs the document's DDL on scratch copies on a dev database; progress as work-done `$/progress` when the client sends a token */
export const DryRunRequest = new RequestType<DryRunParams, DryRunReport, void>('lockstep/dryRun');

export interface DevDatabaseParams {
  /** the dev database the client is connected to (password from its secret storage); null: none any more */
  connection: DryRunConnection | null;
}

/**
 * client → server: the dev database the client is connected to. While one is set, its tables are a
 * `current` schema source (after the config's) and its row counts win over the config's `tables`;
 * a connection failure is one warning (window/showMessage) and keeps the previous state.
 */
export const DevDatabaseNotification = new NotificationType<DevDatabaseParams>('lockstep/devDatabase');

export interface SchemaBeforeParams {
  /** a migration (open or on disk) */
  textDocument: { uri: string };
}

export interface SchemaBeforeResult {
  /** the replayed schema before the migration runs, as CREATE TABLE statements in the target's dialect (as `lockstep schema --at`) */
  sql: string;
  /** the migrations replayed before it, in run order (file URIs) */
  files: string[];
}

/** the schema before a migration; fails (RequestFailed) for a file that belongs to no migration chain */
export const SchemaBeforeRequest = new RequestType<SchemaBeforeParams, SchemaBeforeResult, void>('lockstep/schemaBefore');

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

export interface PlanParams {
  /** an open migration */
  textDocument: { uri: string };
  /** the statement at this position … */
  position?: Position;
  /** … or this one (its index among the file's statements) */
  statementIndex?: number;
  /** the finding to rewrite (default: the statement's first one that has a plan) */
  rule?: string;
}

export interface PlanResult {
  /** the rule the plan rewrites, e.g. `rename-column` */
  rule: string;
  /** one line: what the plan does */
  summary: string;
  /** the plan as Markdown: releases, application steps, verification queries, files */
  markdown: string;
  /** the files the plan adds, relative to the project root, in deployment order */
  files: { path: string; direction: 'up' | 'down' }[];
}

/** the expand/contract plan of a statement; changes nothing. Fails (RequestFailed) with the reason when there is none */
export const PlanRequest = new RequestType<PlanParams, PlanResult, void>('lockstep/plan');
