// Statement classification shared by the locking rules: which statements are DDL that take a
// metadata lock on an existing table, which clauses rebuild a table, and assertion clauses.
import { atLeast } from '../../targets';
import type { Operation, Prediction, Statement, Target } from '../../types';

/** statement kinds that take an exclusive metadata lock on the tables they name */
const MDL_DDL_KINDS: ReadonlySet<Statement['kind']> = new Set([
  'alter-table', 'create-index', 'drop-index', 'drop-table', 'rename-table', 'truncate', 'optimize-table',
]);

export function isMdlDdl(statement: Statement): boolean {
  return statement.analyzed && MDL_DDL_KINDS.has(statement.kind);
}

/** the lower-cased tables a DDL statement locks */
export function ddlTables(statement: Statement): string[] {
  const names = new Set<string>();
  for (const op of statement.operations) if (op.kind !== 'create-table') names.add(op.table.toLowerCase());
  if (names.size === 0) for (const t of statement.tables) names.add(t.toLowerCase());
  return [...names];
}

/** the top-level statement that contains an embedded one (routine body, PREPARE'd string) */
export function topLevelOf(statements: readonly Statement[], statement: Statement): Statement {
  let current = statement;
  for (let guard = 0; current.origin !== 'top-level' && current.parentIndex !== undefined && guard < 16; guard++) {
    const parent = statements.find((s) => s.index === current.parentIndex);
    if (!parent) break;
    current = parent;
  }
  return current;
}

/** table options whose change rebuilds the table (InnoDB): ENGINE, ROW_FORMAT, KEY_BLOCK_SIZE, PAGE_COMPRESSED */
export const REBUILD_OPTIONS: readonly string[] = ['ENGINE', 'ROW_FORMAT', 'KEY_BLOCK_SIZE', 'PAGE_COMPRESSED', 'ENCRYPTION', 'ENCRYPTED'];

/** partition clauses that re-create the table or its partitions */
const REBUILD_PARTITION_ACTIONS: ReadonlySet<string> = new Set(['partition-by', 'remove-partitioning', 'rebuild', 'optimize']);

/** clauses whose only purpose or unavoidable effect is a table rebuild (the explicit-rebuild set) */
export function isExplicitRebuild(op: Operation): boolean {
  switch (op.kind) {
    case 'force':
    case 'optimize-table':
      return true;
    case 'table-options':
      return Object.keys(op.options).some((k) => REBUILD_OPTIONS.includes(k.toUpperCase()));
    case 'partition':
      return REBUILD_PARTITION_ACTIONS.has(op.action);
    default:
      return false;
  }
}

/** partition-maintenance clauses: MariaDB rejects ALGORITHM/LOCK on them; MySQL wants the options before them */
export function isPartitionMaintenance(op: Operation): boolean {
  return op.kind === 'partition' && op.action !== 'partition-by' && op.action !== 'remove-partitioning';
}

/**
 * Whether a statement rewrites the whole table (rebuild or COPY). Uses the prediction when there is
 * one; otherwise a minimal classification by clause kind (explicit rebuilds, COPY-only clauses).
 */
export function rewritesTable(statement: Statement, prediction: Prediction | null, foreignKeyChecks: boolean): boolean {
  if (statement.ddlOptions.algorithm === 'COPY') return true; // the clause forces a copy whatever the change
  // HASH/KEY ADD/COALESCE PARTITION re-create every partition: every row is rewritten
  if (prediction) return prediction.rebuild || prediction.algorithm === 'COPY' || prediction.rewritesPartitions === 'all';
  return statement.operations.some((op) => isExplicitRebuild(op) || isCopyClause(op, foreignKeyChecks));
}

/** clauses that are COPY (or a rebuild) on every supported flavor/version, by kind alone */
function isCopyClause(op: Operation, foreignKeyChecks: boolean): boolean {
  switch (op.kind) {
    case 'drop-primary-key':
    case 'add-check':
    case 'convert-charset':
      return true;
    case 'add-foreign-key':
      return foreignKeyChecks;
    case 'add-index':
      return op.index.kind === 'primary';
    case 'add-column':
      return op.column.autoIncrement === true || op.column.generated?.stored === true;
    case 'system-versioning':
      return op.add;
    default:
      return false;
  }
}

/** CREATE/DROP INDEX write their options space-separated; ALTER TABLE comma-separated */
function optionSeparator(statement: Statement): string {
  return statement.kind === 'alter-table' ? ', ' : ' ';
}

/**
 * The ALGORITHM/LOCK options to assert for a prediction, as written for this statement kind and
 * target; undefined when no assertion makes sense (COPY, or a statement that takes no clause).
 */
export function assertionFor(statement: Statement, target: Target, prediction: Prediction): string | undefined {
  if (prediction.algorithm === 'COPY') return undefined;
  if (target.flavor === 'mariadb' && statement.kind === 'drop-index') return undefined;
  if (statement.kind !== 'alter-table' && statement.kind !== 'create-index' && statement.kind !== 'drop-index') return undefined;
  let algorithm: string = prediction.algorithm;
  // MySQL's CREATE/DROP INDEX accept only DEFAULT/INPLACE/COPY; NOCOPY is MariaDB syntax
  if (target.flavor === 'mysql' && (algorithm === 'NOCOPY' || (algorithm === 'INSTANT' && statement.kind !== 'alter-table'))) algorithm = 'INPLACE';
  if (target.flavor === 'mariadb' && algorithm === 'NOCOPY' && !atLeast(target, 10, 3)) algorithm = 'INPLACE';
  const sep = optionSeparator(statement);
  if (algorithm === 'INSTANT') return 'ALGORITHM=INSTANT';
  return prediction.lock === 'NONE' ? `ALGORITHM=${algorithm}${sep}LOCK=NONE` : `ALGORITHM=${algorithm}`;
}

/** the prediction's reason without its source link, for messages */
export function shortReason(prediction: Prediction): string {
  return prediction.reason.replace(/\s*\(https?:\/\/[^)]*\)/g, '').trim();
}

/** the online schema change tools that support the target, for help texts */
export function toolNames(target: Target): string {
  if (target.flavor === 'mariadb') return 'pt-online-schema-change, gh-ost';
  return target.version[0] < 8 ? 'gh-ost, pt-online-schema-change' : 'gh-ost, pt-online-schema-change, spirit';
}

/** a table name (lower-cased by ddlTables) as the statement writes it, for messages */
export function displayTable(statement: Statement, lower: string): string {
  for (const op of statement.operations) {
    if (op.table.toLowerCase() === lower) return op.table;
    const fks = op.kind === 'create-table' ? op.foreignKeys : op.kind === 'add-foreign-key' ? [op.fk] : [];
    const fk = fks.find((f) => f.refTable.toLowerCase() === lower);
    if (fk) return fk.refTable;
  }
  return lower;
}
