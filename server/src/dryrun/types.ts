// The dry-run contract: what `lockstep dry-run --format json`, the `lockstep/dryRun` LSP request and
// the VS Code panel exchange. Plain data (JSON-serialisable); ranges are LSP-style, zero-based.

export interface DryRunConnection {
  /** `mysql://user@host:port/database` (a password in the URL is accepted but never echoed) */
  url: string;
  /** from the client's SecretStorage or LOCKSTEP_DATABASE_PASSWORD; never logged or reported */
  password?: string;
  tls?: { ca?: string; rejectUnauthorized?: boolean };
  /** default 5000 */
  connectTimeoutMs?: number;
  /** per query; default 30000 */
  queryTimeoutMs?: number;
  /** hosts the dry-run may connect to without confirmation (default: localhost, 127.0.0.1, ::1, *.local, *.test) */
  allowHosts?: string[];
  /** the user confirmed a host outside the allow-list */
  confirmedHost?: boolean;
}

export interface DryRunRequest {
  connection: DryRunConnection;
  /** the migration file's text (its up sections, as the linter analyzes it) */
  text: string;
  /** relative path for messages */
  path?: string;
  /** only this statement (its index among the file's statements); absent: every DDL statement of the file */
  statementIndex?: number;
  /** run the opt-in MDL impact preview on the scratch copy */
  mdlPreview?: boolean;
  /** the lock_wait_timeout (s) the migration runs with, for the MDL preview; default: the session's */
  lockWaitTimeout?: number;
  /** rows copied per table into the scratch copy (default 1000, 0 for none) */
  sampleRows?: number;
}

export type Position = { line: number; character: number };
export type Range = { start: Position; end: Position };

export interface Measured {
  /** the best algorithm the server accepted: INSTANT, NOCOPY, INPLACE or COPY; DEFAULT when it takes no choice (MariaDB partition maintenance) */
  algorithm: string;
  /** the weakest lock it accepted: NONE, SHARED or EXCLUSIVE; `not measured` with algorithm DEFAULT */
  lock: string;
  /** the scratch copy got a new InnoDB table id */
  rebuild: boolean;
  /** the server's own messages for the refused tries, e.g. `1846 ALGORITHM=INSTANT is not supported. Reason: …` */
  messages: string[];
}

export interface TableFacts {
  rows: number;
  dataBytes: number;
  indexBytes: number;
  rowFormat: string | null;
  engine: string | null;
  hasFulltext: boolean;
  /** MySQL 8.0.29+: INFORMATION_SCHEMA.INNODB_TABLES.TOTAL_ROW_VERSIONS; null elsewhere */
  totalRowVersions: number | null;
  /** measured copy rate on the sample × size; null when nothing was measured */
  estimatedRebuildSeconds: number | null;
}

export interface Blocker {
  connectionId: number;
  user: string;
  host: string;
  /** seconds the transaction has been open; null for an MDL holder without a transaction */
  transactionAgeSeconds: number | null;
  /** what the session runs or ran last (processlist INFO / performance_schema), may be null */
  lastStatement: string | null;
  /** why it blocks: an open transaction on the table, a long transaction, a metadata lock … */
  reason: string;
  /** the statement the user could run: shown, never executed */
  kill: string;
}

export interface MdlEvent {
  /** ms since the preview started */
  atMs: number;
  /** who: `holder` (open transaction reading the table), `ddl`, `reader`, `writer` */
  actor: 'holder' | 'ddl' | 'reader' | 'writer';
  /** e.g. `started`, `waiting for metadata lock`, `done`, `failed: 1205 Lock wait timeout exceeded` */
  event: string;
}

export interface MdlRun {
  /** the lock_wait_timeout (s) of the DDL session in this run, or `NOWAIT` */
  lockWaitTimeout: number | 'NOWAIT';
  events: MdlEvent[];
  /** how long the reader and the writer waited behind the DDL (ms) */
  readerWaitMs: number;
  writerWaitMs: number;
  ddlOutcome: string;
}

export interface MdlPreview {
  /** with the user's lock_wait_timeout, then with a short one (or NOWAIT on MariaDB) */
  runs: MdlRun[];
}

export interface DryRunStatement {
  /** index among the file's statements */
  index: number;
  range: Range;
  sql: string;
  /** the table it changes (as written), when there is one */
  table: string | null;
  measured: Measured | null;
  /** `rewritesPartitions`: partition maintenance that re-creates these partitions (or all) without rebuilding the table */
  predicted: { algorithm: string; lock: string; rebuild: boolean; rewritesPartitions?: string[] | 'all' } | null;
  /** where measured and predicted differ, in words */
  disagreement: string | null;
  tableFacts: TableFacts | null;
  blockers: Blocker[];
  mdlPreview: MdlPreview | null;
  /** why this statement could not be dry-run (the server refused it on the copy, no privilege, …) */
  error: string | null;
}

export interface DryRunReport {
  server: { flavor: 'mysql' | 'mariadb'; version: string };
  /** `read-only`: no CREATE privilege (or refused by the user): facts and blockers only */
  mode: 'full' | 'read-only';
  /** notes for the user: why read-only, how to enable performance_schema, leftovers cleaned up … */
  notes: string[];
  statements: DryRunStatement[];
  /** the scratch schema this run used (dropped before the report is returned); absent in read-only mode */
  scratchSchema?: string;
}
