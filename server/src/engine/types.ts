// The engine's data model. Plain data only: no LSP types, no I/O.
// Every Span is a pair of UTF-16 offsets into the ORIGINAL file text (end exclusive), also for
// statements found inside routine bodies or PREPARE'd string literals: the parse layer maps them.

export interface Span {
  start: number;
  end: number;
}

export type Flavor = 'mysql' | 'mariadb';

export interface Target {
  flavor: Flavor;
  /** [major, minor, patch] */
  version: [number, number, number];
  /** the canonical label, e.g. `mariadb-10.11`, `mysql-8.0.35` */
  label: string;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

// ---------------------------------------------------------------------------------------------
// Column / index / FK definitions (shared by operations and the catalog)

export interface DataType {
  /** upper-case base type: INT, BIGINT, VARCHAR, ENUM, DECIMAL, TIMESTAMP, JSON, … (aliases normalised: INTEGER→INT, BOOL→TINYINT, DEC→DECIMAL) */
  name: string;
  /** length / precision: VARCHAR(255) → 255, DECIMAL(12,2) → 12, INT(11) → 11 (display width) */
  length?: number;
  /** DECIMAL scale */
  scale?: number;
  unsigned?: boolean;
  zerofill?: boolean;
  /** ENUM / SET members, unquoted */
  values?: string[];
  charset?: string;
  collation?: string;
  /** the `BINARY` attribute of a character type: the charset's `_bin` collation */
  binary?: boolean;
  /** MySQL spatial `SRID n` */
  srid?: number;
  /** the type as written in the source, e.g. `varchar(255)` */
  text: string;
}

export type DefaultValue =
  | { kind: 'literal'; text: string } // 0, 'x', b'1', TRUE …
  | { kind: 'null' }
  | { kind: 'current-timestamp'; text: string } // CURRENT_TIMESTAMP[(n)], NOW(), LOCALTIMESTAMP …
  | { kind: 'expression'; text: string; volatile: boolean }; // DEFAULT (expr); volatile = UUID(), RAND(), SYSDATE() …

export interface ColumnDef {
  name: string;
  type: DataType;
  /** true = NULL written, false = NOT NULL written, undefined = not written (nullable unless PRIMARY KEY) */
  nullable?: boolean;
  default?: DefaultValue;
  autoIncrement?: boolean;
  primaryKey?: boolean;
  unique?: boolean;
  generated?: { expression: string; stored: boolean };
  /** inline `REFERENCES p(id)` in a column definition: silently ignored by MySQL */
  references?: { table: string; columns: string[]; span: Span };
  comment?: string;
  invisible?: boolean;
  onUpdate?: string;
  span?: Span;
}

export type IndexKind = 'primary' | 'unique' | 'index' | 'fulltext' | 'spatial';

export interface IndexColumn {
  name: string;
  /** prefix length: `b(10)` */
  length?: number;
  /** functional key part `((expr))` */
  expression?: string;
}

export interface IndexDef {
  name?: string;
  kind: IndexKind;
  columns: IndexColumn[];
  /** MariaDB IGNORED / MySQL INVISIBLE */
  hidden?: boolean;
  /** created implicitly for a foreign key: the server drops it when another index covers it */
  generated?: true;
  span?: Span;
}

export type ReferentialAction = 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'NO ACTION' | 'SET DEFAULT';

export interface ForeignKeyDef {
  name?: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
  span?: Span;
}

export interface CheckDef {
  name?: string;
  expression: string;
  span?: Span;
}

/** ENGINE, ROW_FORMAT, AUTO_INCREMENT, DEFAULT CHARSET, COLLATE, COMMENT, KEY_BLOCK_SIZE, STATS_*, PAGE_COMPRESSED, … keys upper-case with spaces/“DEFAULT ” removed: ENGINE, ROW_FORMAT, CHARSET, COLLATE */
export type TableOptions = Record<string, string>;

export type ColumnPosition = { first: true } | { after: string };

/** what a PARTITION BY clause (or an ADD PARTITION list) says: method, partitions in order */
export interface PartitioningDef {
  /** RANGE and LIST include their COLUMNS forms, HASH and KEY their LINEAR forms */
  method: 'RANGE' | 'LIST' | 'HASH' | 'KEY' | 'SYSTEM_TIME' | 'OTHER';
  /** RANGE COLUMNS / LIST COLUMNS */
  columns?: boolean;
  /** partition names as written (empty when only `PARTITIONS n` is given) */
  names: string[];
  count: number;
  /** the last partition catches everything: VALUES LESS THAN MAXVALUE (RANGE) or DEFAULT (LIST) */
  catchAll: boolean;
}

// ---------------------------------------------------------------------------------------------
// The intermediate form: schema-change operations. SQL and (later) ORM diffs both produce these;
// rules, predictions, fixes and the dry-run consume them. `span` is the clause's range.

interface OpBase {
  /** the table the operation changes (unqualified, as written, without backticks) */
  table: string;
  /** schema qualifier when written (`db.t`) */
  schema?: string;
  span: Span;
}

export type Operation =
  | (OpBase & { kind: 'create-table'; columns: ColumnDef[]; indexes: IndexDef[]; foreignKeys: ForeignKeyDef[]; checks: CheckDef[]; options: TableOptions; ifNotExists: boolean; temporary: boolean; likeTable?: string; asSelect: boolean; partitioned: boolean; partitioning?: PartitioningDef })
  | (OpBase & { kind: 'drop-table'; ifExists: boolean; temporary: boolean })
  | (OpBase & { kind: 'rename-table'; newName: string })
  | (OpBase & { kind: 'truncate-table' })
  | (OpBase & { kind: 'add-column'; column: ColumnDef; position?: ColumnPosition; ifNotExists?: boolean })
  | (OpBase & { kind: 'drop-column'; column: string; ifExists?: boolean })
  | (OpBase & { kind: 'rename-column'; column: string; newName: string })
  /** MODIFY c <def> or CHANGE old new <def>; newName set only when CHANGE renames */
  | (OpBase & { kind: 'modify-column'; column: string; newName?: string; def: ColumnDef; position?: ColumnPosition; via: 'modify' | 'change' })
  | (OpBase & { kind: 'set-default'; column: string; default: DefaultValue })
  | (OpBase & { kind: 'drop-default'; column: string })
  | (OpBase & { kind: 'add-index'; index: IndexDef; ifNotExists?: boolean; /** CREATE INDEX vs ALTER … ADD */ via: 'create-index' | 'alter' })
  | (OpBase & { kind: 'drop-index'; name: string; ifExists?: boolean; via: 'drop-index' | 'alter' })
  | (OpBase & { kind: 'rename-index'; name: string; newName: string })
  | (OpBase & { kind: 'index-visibility'; name: string; hidden: boolean })
  | (OpBase & { kind: 'drop-primary-key' })
  | (OpBase & { kind: 'add-foreign-key'; fk: ForeignKeyDef })
  | (OpBase & { kind: 'drop-foreign-key'; name: string })
  | (OpBase & { kind: 'add-check'; check: CheckDef })
  | (OpBase & { kind: 'drop-constraint'; name: string })
  | (OpBase & { kind: 'convert-charset'; charset: string; collation?: string })
  | (OpBase & { kind: 'table-options'; options: TableOptions })
  | (OpBase & { kind: 'force' })
  | (OpBase & { kind: 'optimize-table' })
  | (OpBase & { kind: 'partition'; action: 'partition-by' | 'remove-partitioning' | 'add' | 'drop' | 'truncate' | 'coalesce' | 'reorganize' | 'rebuild' | 'exchange' | 'optimize' | 'analyze' | 'check' | 'repair' | 'discard' | 'import'; names?: string[]; /** PARTITION BY: the new scheme; ADD/REORGANIZE … INTO: the partitions written; COALESCE: count = partitions removed */ partitions?: PartitioningDef })
  | (OpBase & { kind: 'system-versioning'; add: boolean })
  | (OpBase & { kind: 'enable-keys' | 'disable-keys' })
  /** ALTER [UNDO] TABLESPACE ts …: `table` holds the tablespace name */
  | (OpBase & { kind: 'alter-tablespace'; action: 'rename' | 'encryption' | 'other' })
  /** an ALTER clause the engine recognised as a clause but could not interpret */
  | (OpBase & { kind: 'unknown-clause'; text: string });

export type OperationKind = Operation['kind'];

/** Statement-level ALTER options that are not schema changes */
export interface DdlOptions {
  algorithm?: 'DEFAULT' | 'INSTANT' | 'NOCOPY' | 'INPLACE' | 'COPY';
  lock?: 'DEFAULT' | 'NONE' | 'SHARED' | 'EXCLUSIVE';
  /** MariaDB `WAIT n` / `NOWAIT` */
  wait?: { nowait: true } | { seconds: number };
  /** MariaDB `ALTER ONLINE TABLE` (= LOCK=NONE) */
  online?: boolean;
  /** spans of the ALGORITHM= / LOCK= clauses, for fixes */
  algorithmSpan?: Span;
  lockSpan?: Span;
}

export type StatementKind =
  | 'alter-table'
  | 'create-table'
  | 'create-index'
  | 'drop-index'
  | 'drop-table'
  | 'rename-table'
  | 'truncate'
  | 'create-database'
  | 'drop-database'
  | 'create-view'
  | 'drop-view'
  | 'create-routine' // PROCEDURE / FUNCTION / TRIGGER / EVENT (body statements are extracted separately)
  | 'drop-routine'
  | 'optimize-table'
  | 'alter-tablespace' // MySQL general / undo tablespaces
  | 'set'
  | 'use'
  | 'insert'
  | 'update'
  | 'delete'
  | 'select'
  | 'prepare' // PREPARE / EXECUTE / DEALLOCATE
  | 'transaction' // BEGIN / START TRANSACTION / COMMIT / ROLLBACK
  | 'call'
  | 'lock-tables'
  | 'other';

export interface VariableAssignment {
  name: string; // lower-case, without @@ / SESSION prefix
  scope: 'session' | 'global' | 'user';
  /** the value as written (number as string, identifiers upper-cased) */
  value: string;
}

export interface DmlInfo {
  verb: 'insert' | 'update' | 'delete' | 'replace';
  tables: string[];
  hasWhere: boolean;
  whereText?: string;
  hasLimit: boolean;
}

export interface Statement {
  /** position in the file's statement list (embedded statements follow their container) */
  index: number;
  /** range of the statement in the original file, without its delimiter */
  span: Span;
  kind: StatementKind;
  /** the SQL that was analyzed (executable comments unwrapped, string escapes decoded for PREPARE'd strings) */
  sql: string;
  /** false only when no parser understood it */
  analyzed: boolean;
  parsedBy: 'node-sql-parser' | 'recognizer' | 'none';
  origin: 'top-level' | 'routine-body' | 'prepared-string';
  /** index of the containing routine / SET statement for embedded statements */
  parentIndex?: number;
  /** the tables this statement touches, lower-cased, unqualified */
  tables: string[];
  operations: Operation[];
  ddlOptions: DdlOptions;
  /** SET statements */
  assignments?: VariableAssignment[];
  /** INSERT / UPDATE / DELETE */
  dml?: DmlInfo;
  /** why it was not analyzed, or what was only partly understood */
  problems: string[];
}

// ---------------------------------------------------------------------------------------------
// Predictions (knowledge base)

export type Algorithm = 'INSTANT' | 'NOCOPY' | 'INPLACE' | 'COPY';
export type LockLevel = 'NONE' | 'SHARED' | 'EXCLUSIVE';

export interface Prediction {
  /** the least-locking algorithm the server accepts for the statement as written (what it picks with no ALGORITHM clause) */
  algorithm: Algorithm;
  /** the weakest LOCK level the server permits */
  lock: LockLevel;
  rebuild: boolean;
  /** one line: why */
  reason: string;
  /** partition maintenance that re-creates partitions without rebuilding the table: the named ones, or all of them (HASH/KEY ADD, COALESCE) */
  rewritesPartitions?: string[] | 'all';
  /** when the statement's own ALGORITHM/LOCK clause cannot be honoured: the error the server will raise */
  rejected?: string;
}

// ---------------------------------------------------------------------------------------------
// Findings and fixes

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** the preferred fix for the finding (shown first, applied by "fix all") */
  preferred?: boolean;
}

export interface RelatedInfo {
  message: string;
  /** another file (relative path) or, when absent, this file */
  path?: string;
  span?: Span;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  /** one imperative line: what to do */
  help?: string;
  fixes?: Fix[];
  related?: RelatedInfo[];
  statementIndex?: number;
}

// ---------------------------------------------------------------------------------------------
// Catalog: the schema as the earlier migrations left it

export interface TableDef {
  name: string;
  columns: ColumnDef[];
  indexes: IndexDef[];
  foreignKeys: ForeignKeyDef[];
  checks: CheckDef[];
  options: TableOptions;
  partitioned: boolean;
  /** the partitioning scheme, when the catalog knows it */
  partitioning?: PartitioningDef;
  /** ALTERs since the table was last rebuilt that add or drop columns in place (MySQL 8.0.29+ counts them as row versions, at most 64) */
  rowVersions?: number;
  /** where it was created: relative path and span */
  createdAt?: { path: string; span: Span };
  /**
   * a table no migration creates, known only from what ALTERs of it told us (columns they added or
   * fully redefined, indexes and keys they added): anything it lacks is unknown, not absent
   */
  partial?: true;
  /** set when the definition was taken from a `current` schema source (a dump), not from the migrations */
  fromCurrentSchema?: { path: string };
}

export interface Catalog {
  /** keyed by lower-cased unqualified table name */
  tables: Map<string, TableDef>;
}

/** session state a file's earlier statements set up (SET SESSION …) */
export interface SessionState {
  lockWaitTimeout?: number;
  foreignKeyChecks: boolean;
  sqlModeStrict: boolean;
  alterAlgorithm?: string;
}
