// The wire types of the server's own requests the extension uses, mirrored so the client imports no
// server code (test/lsp/project-info.test.ts, test/lsp/dry-run.test.ts and test/lsp/dev-database.test.ts check they match
// server/src/lsp/protocol.ts and server/src/dryrun/types.ts).
import { NotificationType, NotificationType0, RequestType, type Position, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';

export interface ProjectInfoParams {
  /** a document URI (or a workspace folder's); absent: the first workspace folder */
  uri?: string;
}

/** a glob relative to a folder, as in LSP's RelativePattern */
export interface DocumentPattern {
  baseUri: string;
  pattern: string;
}

export interface ProjectInfo {
  /** the target label in force, e.g. `mariadb-10.11` */
  target: string;
  targetSource: 'config-file' | 'setting' | 'default';
  /** the config file in force, when there is one */
  configUri?: string;
  /** the migration files: sent to the server whatever their language */
  documentPatterns: DocumentPattern[];
}

export const ProjectInfoRequest = new RequestType<ProjectInfoParams, ProjectInfo, void>('lockstep/projectInfo');

/** the server's settings changed: ask `lockstep/projectInfo` again */
export const ProjectChangedNotification = new NotificationType0('lockstep/projectChanged');

// ---- the schema before a migration (`lockstep/schemaBefore`) ----

export interface SchemaBeforeParams {
  textDocument: { uri: string };
}

export interface SchemaBeforeResult {
  /** CREATE TABLE statements of the replayed schema before the migration */
  sql: string;
  /** the migrations replayed before it, in run order (file URIs) */
  files: string[];
}

export const SchemaBeforeRequest = new RequestType<SchemaBeforeParams, SchemaBeforeResult, void>('lockstep/schemaBefore');

// ---- the dry-run (server/src/dryrun/types.ts and `lockstep/dryRun` in server/src/lsp/protocol.ts) ----

export interface DryRunConnection {
  /** `mysql://user@host:port/database`, never with the password */
  url: string;
  /** from SecretStorage; never logged or shown */
  password?: string;
  tls?: { ca?: string; rejectUnauthorized?: boolean };
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
  allowHosts?: string[];
  /** the user confirmed a host outside the allow-list */
  confirmedHost?: boolean;
}

export interface DryRunParams extends WorkDoneProgressParams {
  textDocument: { uri: string };
  /** only this statement (the code lens's argument) … */
  statementIndex?: number;
  /** … or the DDL statement at this position (none there: the whole file) */
  position?: Position;
  connection: DryRunConnection;
  mdlPreview?: boolean;
  lockWaitTimeout?: number;
}

export type DryRunRange = { start: Position; end: Position };

export interface Measured {
  algorithm: string;
  lock: string;
  rebuild: boolean;
  messages: string[];
}

export interface TableFacts {
  rows: number;
  dataBytes: number;
  indexBytes: number;
  rowFormat: string | null;
  engine: string | null;
  hasFulltext: boolean;
  totalRowVersions: number | null;
  estimatedRebuildSeconds: number | null;
}

export interface Blocker {
  connectionId: number;
  user: string;
  host: string;
  transactionAgeSeconds: number | null;
  lastStatement: string | null;
  reason: string;
  /** shown to copy, never executed */
  kill: string;
}

export interface MdlEvent {
  atMs: number;
  actor: 'holder' | 'ddl' | 'reader' | 'writer';
  event: string;
}

export interface MdlRun {
  lockWaitTimeout: number | 'NOWAIT';
  events: MdlEvent[];
  readerWaitMs: number;
  writerWaitMs: number;
  ddlOutcome: string;
}

export interface MdlPreview {
  runs: MdlRun[];
}

export interface DryRunStatement {
  index: number;
  range: DryRunRange;
  sql: string;
  table: string | null;
  measured: Measured | null;
  /** `rewritesPartitions`: partition maintenance that re-creates these partitions (or all) without rebuilding the table */
  predicted: { algorithm: string; lock: string; rebuild: boolean; rewritesPartitions?: string[] | 'all' } | null;
  disagreement: string | null;
  tableFacts: TableFacts | null;
  blockers: Blocker[];
  mdlPreview: MdlPreview | null;
  error: string | null;
}

export interface DryRunReport {
  server: { flavor: 'mysql' | 'mariadb'; version: string };
  mode: 'full' | 'read-only';
  notes: string[];
  statements: DryRunStatement[];
}

export const DryRunRequest = new RequestType<DryRunParams, DryRunReport, void>('lockstep/dryRun');

// ---- the dev database as a schema source (`lockstep/devDatabase`) ----

export interface DevDatabaseParams {
  /** the connected dev database (password from SecretStorage); null: disconnected */
  connection: DryRunConnection | null;
}

export const DevDatabaseNotification = new NotificationType<DevDatabaseParams>('lockstep/devDatabase');

// ---- the expand/contract plan of a statement (`lockstep/plan`) ----

export interface PlanParams {
  textDocument: { uri: string };
  /** the statement at this position … */
  position?: Position;
  /** … or this one (its index among the file's statements) */
  statementIndex?: number;
  /** the finding to rewrite (default: the statement's first one that has a plan) */
  rule?: string;
}

export interface PlanResult {
  /** the rule the plan rewrites */
  rule: string;
  summary: string;
  /** releases, application steps, verification queries, files */
  markdown: string;
  /** the files the plan adds, relative to the project root, in deployment order */
  files: { path: string; direction: 'up' | 'down' }[];
}

export const PlanRequest = new RequestType<PlanParams, PlanResult, void>('lockstep/plan');
