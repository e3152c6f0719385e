// Operation (+ the catalog's old definitions) → operation classes of the knowledge base.
// One operation can yield several classes (a MODIFY that reorders and changes nullability; a DROP
// COLUMN that also drops its index) or none (the DROP half of a DROP + re-ADD of the same index).
import type { Catalog, ColumnDef, ColumnPosition, IndexDef, Operation, SessionState, Statement, TableDef, Target } from '../types';
import { findColumn, findIndex, findTable, foreignKeysOfColumn, indexesOfColumn, referencingForeignKeys } from '../catalog/lookup';
import { atLeast } from '../targets';
import { convertAspects, modifyAspects, rowFormat } from './column-change';
import type { OpClass } from './facts';

export interface Classified {
  cls: OpClass;
  /** what the clause does, for the reason line */
  detail: string;
  /** builds a secondary index (turns MariaDB's instant column changes into a rebuild) */
  buildsIndex?: boolean;
  /** only adds or drops secondary indexes */
  indexOnly?: boolean;
  /** adds or drops a VIRTUAL column */
  virtualAddDrop?: boolean;
  /** adds an index on a VIRTUAL column added by the same statement */
  coversNewVirtual?: boolean;
}

export interface ClassifyContext {
  catalog: Catalog;
  target: Target;
  session: SessionState;
  statement: Statement;
}

/** FULLTEXT indexes the table keeps while the statement runs (those it drops do not count) */
export function fulltextCount(table: TableDef | undefined, statement?: Statement): number {
  const dropped = new Set((statement?.operations ?? []).flatMap((o) => (o.kind === 'drop-index' ? [o.name.toLowerCase()] : [])));
  return table?.indexes.filter((i) => i.kind === 'fulltext' && !dropped.has((i.name ?? '').toLowerCase())).length ?? 0;
}

function hasUserFtsDocId(table: TableDef | undefined): boolean {
  return !!findColumn(table, 'FTS_DOC_ID');
}

/** instant column add/drop/reorder is impossible: COMPRESSED rows or a hidden FTS_DOC_ID (FULLTEXT) */
function instantColumnsBlocked(table: TableDef | undefined): string | undefined {
  if (rowFormat(table) === 'COMPRESSED') return 'ROW_FORMAT=COMPRESSED';
  // the hidden FTS_DOC_ID stays even when the statement drops the FULLTEXT index
  if (fulltextCount(table) > 0) return 'the table has a FULLTEXT index';
  return undefined;
}

function q(name: string): string {
  return `\`${name}\``;
}

/** index in the column list where a column lands; undefined = at the end (nothing moves) */
function insertionIndex(table: TableDef | undefined, position: ColumnPosition | undefined): number | undefined {
  if (!position || !table) return position ? 0 : undefined;
  const columns = table.columns;
  if ('first' in position) return columns.length === 0 ? undefined : 0;
  const at = columns.findIndex((c) => c.name.toLowerCase() === position.after.toLowerCase());
  if (at < 0 || at === columns.length - 1) return undefined;
  return at + 1;
}

/** MODIFY … FIRST/AFTER x really changes the column's position */
function movesColumn(table: TableDef | undefined, position: ColumnPosition, column: string): boolean {
  if (!table) return true;
  const name = column.toLowerCase();
  const current = table.columns.findIndex((c) => c.name.toLowerCase() === name);
  const others = table.columns.filter((c) => c.name.toLowerCase() !== name);
  const target = 'first' in position ? 0 : others.findIndex((c) => c.name.toLowerCase() === position.after.toLowerCase()) + 1;
  return target > 0 || 'first' in position ? target !== current : true;
}

/** a VIRTUAL column lies between the column's old and new positions */
function movesVirtual(table: TableDef | undefined, position: ColumnPosition, column: string): boolean {
  if (!table) return false;
  const name = column.toLowerCase();
  const current = table.columns.findIndex((c) => c.name.toLowerCase() === name);
  const target = 'first' in position ? 0 : table.columns.findIndex((c) => c.name.toLowerCase() === position.after.toLowerCase()) + 1;
  if (current < 0 || target < 0) return false;
  const [from, to] = current < target ? [current + 1, target] : [target, current];
  return table.columns.slice(from, to).some(isVirtual);
}

function isVirtual(col: ColumnDef | undefined): boolean {
  return !!col?.generated && !col.generated.stored;
}

function newVirtualColumns(statement: Statement): Set<string> {
  const out = new Set<string>();
  for (const op of statement.operations) if (op.kind === 'add-column' && isVirtual(op.column)) out.add(op.column.name.toLowerCase());
  return out;
}

function sameColumns(a: IndexDef, b: IndexDef): boolean {
  return a.columns.length === b.columns.length && a.columns.every((c, i) => c.name.toLowerCase() === b.columns[i].name.toLowerCase() && c.length === b.columns[i].length);
}

/** DROP INDEX x + ADD INDEX x (same columns) in one statement: a change of index type */
function reAddedIndex(statement: Statement, table: TableDef | undefined, name: string): boolean {
  const old = findIndex(table, name);
  return statement.operations.some(
    (op) => op.kind === 'add-index' && (op.index.name ?? '').toLowerCase() === name.toLowerCase() && (!old || sameColumns(old, op.index)),
  );
}

function usableIndexFor(table: TableDef | undefined, statement: Statement, columns: string[]): boolean {
  const cols = columns.map((c) => c.toLowerCase());
  const covers = (i: IndexDef) => cols.every((c, n) => i.columns[n]?.name.toLowerCase() === c && !i.columns[n]?.expression);
  const added = statement.operations.some((op) => op.kind === 'add-index' && covers(op.index));
  return added || !!table?.indexes.some(covers);
}

function addColumn(op: Extract<Operation, { kind: 'add-column' }>, table: TableDef | undefined, ctx: ClassifyContext): Classified[] {
  const col = op.column;
  const name = `ADD COLUMN ${q(col.name)}`;
  const out: Classified[] = [];
  const at = insertionIndex(table, op.position);
  const virtualAfter = at !== undefined && !!table?.columns.slice(at).some(isVirtual);
  const blocked = instantColumnsBlocked(table);
  if (col.generated?.stored) out.push({ cls: 'add-column-stored', detail: `${name} (STORED generated)` });
  else if (col.generated) {
    if (table?.partitioned) out.push({ cls: 'add-column-virtual-partitioned', detail: `${name} (VIRTUAL) on a partitioned table`, virtualAddDrop: true });
    else if (virtualAfter) out.push({ cls: 'add-column-moves-virtual', detail: `${name} (VIRTUAL) before another VIRTUAL column` });
    else out.push({ cls: 'add-column-virtual', detail: `${name} (VIRTUAL)`, virtualAddDrop: true });
  } else if (col.autoIncrement) out.push({ cls: 'add-column-auto-increment', detail: `${name} AUTO_INCREMENT` });
  else if (col.default?.kind === 'expression' && /\b(uuid|uuid_short|sys_guid)\s*\(/i.test(col.default.text)) {
    out.push({ cls: 'add-column-uuid-default', detail: `${name} DEFAULT (${col.default.text})` });
  } else if (blocked) out.push({ cls: 'add-column-rebuild', detail: `${name} (not instant: ${blocked})` });
  else if (col.default?.kind === 'expression') out.push({ cls: 'add-column-expression-default', detail: `${name} DEFAULT (${col.default.text})` });
  else if (virtualAfter) out.push({ cls: 'add-column-moves-virtual', detail: `${name} before a VIRTUAL column` });
  else if (at !== undefined) out.push({ cls: 'add-column-positioned', detail: `${name} ${op.position && 'first' in op.position ? 'FIRST' : 'AFTER …'}` });
  else out.push({ cls: 'add-column', detail: name });
  if (col.primaryKey) out.push({ cls: 'add-primary-key', detail: `${name} PRIMARY KEY`, buildsIndex: true });
  else if (col.unique) out.push({ cls: 'add-index', detail: `${name} UNIQUE`, buildsIndex: true, indexOnly: true });
  // MariaDB 10.5+ honours an inline REFERENCES (MDEV-20480): a foreign key and its index are added (measured)
  if (col.references && ctx.target.flavor === 'mariadb' && atLeast(ctx.target, 10, 5, 0)) {
    const label = `${name} REFERENCES ${col.references.table} (inline foreign key)`;
    out.push(ctx.session.foreignKeyChecks
      ? { cls: 'add-foreign-key-checked', detail: `${label} with foreign_key_checks=1` }
      : { cls: 'add-foreign-key-unindexed', detail: `${label} with foreign_key_checks=0, creates its index`, buildsIndex: true });
  }
  return out;
}

function dropColumn(op: Extract<Operation, { kind: 'drop-column' }>, table: TableDef | undefined): Classified[] {
  const name = `DROP COLUMN ${q(op.column)}`;
  const col = findColumn(table, op.column);
  const out: Classified[] = [];
  const blocked = instantColumnsBlocked(table);
  if (col?.generated && !col.generated.stored) out.push({ cls: 'drop-column-virtual', detail: `${name} (VIRTUAL)`, virtualAddDrop: true });
  else if (col?.generated) out.push({ cls: 'drop-column-stored', detail: `${name} (STORED generated)` });
  else if (blocked) out.push({ cls: 'drop-column-rebuild', detail: `${name} (not instant: ${blocked})` });
  else out.push({ cls: 'drop-column', detail: name });
  for (const idx of indexesOfColumn(table, op.column)) {
    const label = `index ${q(idx.name ?? op.column)}`;
    if (idx.kind === 'primary') out.push({ cls: 'drop-primary-key', detail: `${name} drops the PRIMARY KEY column` });
    else if (idx.columns.length > 1) out.push({ cls: 'add-index', detail: `${name} re-creates ${label} without it`, buildsIndex: true, indexOnly: true });
    else out.push({ cls: 'drop-index', detail: `${name} drops ${label} with it`, indexOnly: true });
  }
  return out;
}

function renameColumn(ctx: ClassifyContext, table: TableDef | undefined, tableName: string, column: string, newName: string): Classified {
  const detail = `rename column ${q(column)} → ${q(newName)}`;
  const inFk = foreignKeysOfColumn(table, column).length > 0 || referencingForeignKeys(ctx.catalog, tableName, column).length > 0;
  return inFk ? { cls: 'rename-column-fk', detail: `${detail} (used by a foreign key)` } : { cls: 'rename-column', detail };
}

function modifyColumn(op: Extract<Operation, { kind: 'modify-column' }>, table: TableDef | undefined, ctx: ClassifyContext): Classified[] {
  const verb = op.via === 'change' ? `CHANGE ${q(op.column)}` : `MODIFY ${q(op.column)}`;
  const old = findColumn(table, op.column);
  if (!old) {
    const why = table ? `column ${q(op.column)} not in the catalog` : `table ${q(op.table)} not in the catalog`;
    return [{ cls: 'modify-unknown', detail: `${verb}: ${why}, old definition unknown (assuming a type change)` }];
  }
  const out: Classified[] = modifyAspects(table, old, op.def, ctx.session.sqlModeStrict).map((a) => ({ cls: a.cls, detail: `${verb}: ${a.detail}` }));
  if (op.newName && op.newName.toLowerCase() !== op.column.toLowerCase()) out.push(renameColumn(ctx, table, op.table, op.column, op.newName));
  const moves = op.position !== undefined && movesColumn(table, op.position, op.column);
  if (moves) {
    const generated = old.generated || op.def.generated;
    const blocked = instantColumnsBlocked(table);
    if (generated) out.push({ cls: 'reorder-generated-column', detail: `${verb}: reorders a generated column` });
    else if (movesVirtual(table, op.position!, op.column)) out.push({ cls: 'reorder-moves-virtual', detail: `${verb}: reorders columns past a VIRTUAL column` });
    else if (blocked) out.push({ cls: 'reorder-column-rebuild', detail: `${verb}: reorders columns (not instant: ${blocked})` });
    else out.push({ cls: 'reorder-column', detail: `${verb}: reorders columns` });
  }
  if (out.length === 0) out.push({ cls: 'modify-attributes', detail: `${verb}: attributes only (default, comment, visibility, display width)` });
  return out;
}

function addIndex(op: Extract<Operation, { kind: 'add-index' }>, table: TableDef | undefined, ctx: ClassifyContext): Classified[] {
  const idx = op.index;
  const label = `${op.via === 'create-index' ? 'CREATE' : 'ADD'} ${idx.kind === 'index' ? '' : `${idx.kind.toUpperCase()} `}INDEX${idx.name ? ` ${q(idx.name)}` : ''}`;
  if (idx.kind === 'primary') {
    const dropsOld = ctx.statement.operations.some((o) => o.kind === 'drop-primary-key' || (o.kind === 'drop-index' && o.name.toUpperCase() === 'PRIMARY'));
    return [dropsOld ? { cls: 'drop-add-primary-key', detail: 'DROP PRIMARY KEY + ADD PRIMARY KEY' } : { cls: 'add-primary-key', detail: 'ADD PRIMARY KEY', buildsIndex: true }];
  }
  if (idx.kind === 'fulltext') {
    const earlier = ctx.statement.operations.slice(0, ctx.statement.operations.indexOf(op)).filter((o) => o.kind === 'add-index' && o.index.kind === 'fulltext').length;
    if (fulltextCount(table) + earlier > 0) return [{ cls: 'add-fulltext-next', detail: `${label} (not the first FULLTEXT)`, buildsIndex: true }];
    if (hasUserFtsDocId(table)) return [{ cls: 'add-fulltext-first-doc-id', detail: `${label} (first FULLTEXT, FTS_DOC_ID exists)`, buildsIndex: true }];
    return [{ cls: 'add-fulltext-first', detail: `${label} (first FULLTEXT: adds FTS_DOC_ID)`, buildsIndex: true }];
  }
  if (idx.kind === 'spatial') return [{ cls: 'add-spatial', detail: label, buildsIndex: true }];
  if (idx.name && ctx.statement.operations.some((o) => o.kind === 'drop-index' && o.name.toLowerCase() === idx.name!.toLowerCase())) {
    const old = findIndex(table, idx.name);
    if (!old || sameColumns(old, idx)) return [{ cls: 'change-index-type', detail: `DROP + ADD INDEX ${q(idx.name)} (same columns)`, indexOnly: true }];
  }
  const newVirtual = newVirtualColumns(ctx.statement);
  const coversNewVirtual = idx.columns.some((c) => newVirtual.has(c.name.toLowerCase()));
  return [{ cls: 'add-index', detail: label, buildsIndex: true, indexOnly: true, coversNewVirtual }];
}

function dropIndex(name: string, table: TableDef | undefined, ctx: ClassifyContext): Classified[] {
  if (name.toUpperCase() === 'PRIMARY') return dropPrimaryKey(ctx);
  if (reAddedIndex(ctx.statement, table, name)) return [];
  return [{ cls: 'drop-index', detail: `DROP INDEX ${q(name)}`, indexOnly: true }];
}

function dropPrimaryKey(ctx: ClassifyContext): Classified[] {
  const readds = ctx.statement.operations.some((o) => o.kind === 'add-index' && o.index.kind === 'primary');
  return readds ? [] : [{ cls: 'drop-primary-key', detail: 'DROP PRIMARY KEY (without adding a new one)' }];
}

function tableOption(key: string, value: string, table: TableDef | undefined, target: Target): Classified {
  const label = `${key}=${value}`;
  switch (key) {
    case 'AUTO_INCREMENT': return { cls: 'auto-increment-value', detail: label };
    case 'COMMENT': return { cls: 'table-comment', detail: 'table COMMENT' };
    case 'ROW_FORMAT': return { cls: 'row-format', detail: label };
    case 'KEY_BLOCK_SIZE': return { cls: 'key-block-size', detail: label };
    case 'PAGE_COMPRESSED': return { cls: 'page-compressed', detail: label };
    case 'PAGE_COMPRESSION_LEVEL': return { cls: 'page-compression-level', detail: label };
    case 'CHARSET':
    case 'COLLATE': {
      const same = target.flavor === 'mysql' && table?.options[key]?.toLowerCase() === value.toLowerCase();
      return { cls: same ? 'table-default-charset-same' : 'table-default-charset', detail: `table default ${key === 'CHARSET' ? 'CHARACTER SET' : 'COLLATE'} ${value} (existing columns unchanged)` };
    }
    case 'ENGINE': {
      const current = (table?.options.ENGINE ?? 'InnoDB').toLowerCase();
      if (value.toLowerCase() === 'innodb' && current === 'innodb') return rebuildClass('force', 'ENGINE=InnoDB (null rebuild)', table);
      return { cls: 'engine-change', detail: `ENGINE=${value}` };
    }
    case 'CHECKSUM':
    case 'MAX_ROWS':
    case 'MIN_ROWS':
    case 'AVG_ROW_LENGTH':
    case 'PACK_KEYS':
    case 'DELAY_KEY_WRITE':
      return { cls: 'table-option-meta', detail: `${label} (not used by InnoDB)` };
    default:
      if (key.startsWith('STATS_')) return { cls: 'stats-options', detail: label };
      return { cls: 'table-option-other', detail: label };
  }
}

function rebuildClass(kind: 'force' | 'optimize', label: string, table: TableDef | undefined, statement?: Statement): Classified {
  const ft = fulltextCount(table, statement);
  if (ft > 1) return { cls: kind === 'force' ? 'force-multi-fulltext' : 'optimize-multi-fulltext', detail: `${label} with ${ft} FULLTEXT indexes` };
  if (ft === 1) return { cls: kind === 'force' ? 'force-fulltext' : 'optimize-fulltext', detail: `${label} with a FULLTEXT index` };
  return { cls: kind, detail: label };
}

function convertCharset(op: Extract<Operation, { kind: 'convert-charset' }>, table: TableDef | undefined, target: Target): Classified[] {
  const label = `CONVERT TO CHARACTER SET ${op.charset}${op.collation ? ` COLLATE ${op.collation}` : ''}`;
  if (!table) return [{ cls: 'convert-charset', detail: `${label} (table not in the catalog)` }];
  if (target.flavor === 'mysql') {
    const same = (table.options.CHARSET ?? '').toLowerCase() === op.charset.toLowerCase();
    return [{ cls: same ? 'convert-charset-same' : 'convert-charset', detail: same ? `${label} (same encoding)` : label }];
  }
  const aspects = convertAspects(table, op.charset, op.collation);
  if (aspects.length === 0) return [{ cls: 'convert-charset-noop', detail: `${label} (no column changes)` }];
  return aspects.map((a) => ({ cls: a.cls, detail: `${label}: ${a.detail}` }));
}

const PARTITION_CLASSES: Record<string, OpClass> = {
  'partition-by': 'partition-by', 'remove-partitioning': 'remove-partitioning', drop: 'partition-drop', truncate: 'partition-truncate',
  coalesce: 'partition-coalesce', reorganize: 'partition-reorganize', rebuild: 'partition-rebuild', exchange: 'partition-exchange',
  optimize: 'partition-optimize', analyze: 'partition-admin', check: 'partition-admin', repair: 'partition-admin',
  discard: 'partition-discard-import', import: 'partition-discard-import',
};

function partition(op: Extract<Operation, { kind: 'partition' }>, sql: string): Classified {
  const label = op.action === 'partition-by' ? 'PARTITION BY' : op.action === 'remove-partitioning' ? 'REMOVE PARTITIONING' : `${op.action.toUpperCase()} PARTITION`;
  if (op.action === 'add') {
    // RANGE/LIST partitions are added with VALUES LESS THAN / VALUES IN; HASH/KEY ones re-create every partition
    return /\bVALUES\s+(LESS|IN)\b/i.test(sql) ? { cls: 'partition-add-range', detail: `${label} (RANGE/LIST)` } : { cls: 'partition-add-hash', detail: `${label} (HASH/KEY: partitions re-created)` };
  }
  return { cls: PARTITION_CLASSES[op.action] ?? 'unknown', detail: label };
}

export function classifyOperation(op: Operation, ctx: ClassifyContext): Classified[] {
  const table = findTable(ctx.catalog, op.table);
  switch (op.kind) {
    case 'create-table':
    case 'drop-table':
      return [];
    case 'add-column': return addColumn(op, table, ctx);
    case 'drop-column': return dropColumn(op, table);
    case 'rename-column': return [renameColumn(ctx, table, op.table, op.column, op.newName)];
    case 'modify-column': return modifyColumn(op, table, ctx);
    case 'set-default': return [{ cls: 'set-default', detail: `ALTER COLUMN ${q(op.column)} SET DEFAULT` }];
    case 'drop-default': return [{ cls: 'set-default', detail: `ALTER COLUMN ${q(op.column)} DROP DEFAULT` }];
    case 'add-index': return addIndex(op, table, ctx);
    case 'drop-index': return dropIndex(op.name, table, ctx);
    case 'rename-index': return [{ cls: 'rename-index', detail: `RENAME INDEX ${q(op.name)}` }];
    case 'index-visibility': return [{ cls: 'index-visibility', detail: `ALTER INDEX ${q(op.name)} ${op.hidden ? 'IGNORED/INVISIBLE' : 'NOT IGNORED/VISIBLE'}` }];
    case 'drop-primary-key': return dropPrimaryKey(ctx);
    case 'add-foreign-key': {
      const label = `ADD FOREIGN KEY (${op.fk.columns.join(', ')})`;
      if (ctx.session.foreignKeyChecks) return [{ cls: 'add-foreign-key-checked', detail: `${label} with foreign_key_checks=1` }];
      if (usableIndexFor(table, ctx.statement, op.fk.columns)) return [{ cls: 'add-foreign-key-indexed', detail: `${label} with foreign_key_checks=0, index exists` }];
      const note = table ? '' : ', table not in the catalog';
      return [{ cls: 'add-foreign-key-unindexed', detail: `${label} with foreign_key_checks=0, creates its index${note}`, buildsIndex: true }];
    }
    case 'drop-foreign-key': return [{ cls: 'drop-foreign-key', detail: `DROP FOREIGN KEY ${q(op.name)}` }];
    case 'add-check': return [{ cls: 'add-check', detail: 'ADD CHECK constraint (validates every row)' }];
    case 'drop-constraint': {
      const n = op.name.toLowerCase();
      if (table?.foreignKeys.some((fk) => (fk.name ?? '').toLowerCase() === n)) return [{ cls: 'drop-foreign-key', detail: `DROP CONSTRAINT ${q(op.name)} (foreign key)` }];
      if (findIndex(table, op.name)) return dropIndex(op.name, table, ctx);
      return [{ cls: 'drop-check', detail: `DROP CONSTRAINT ${q(op.name)}` }];
    }
    case 'convert-charset': return convertCharset(op, table, ctx.target);
    case 'table-options': return Object.entries(op.options).map(([k, v]) => tableOption(k.toUpperCase(), v, table, ctx.target));
    case 'force': return [rebuildClass('force', 'FORCE (table rebuild)', table)];
    case 'optimize-table': return [rebuildClass('optimize', 'OPTIMIZE TABLE (recreate + analyze)', table)];
    case 'partition': return [partition(op, ctx.statement.sql)];
    case 'system-versioning': return [op.add ? { cls: 'add-system-versioning', detail: 'ADD SYSTEM VERSIONING' } : { cls: 'drop-system-versioning', detail: 'DROP SYSTEM VERSIONING' }];
    case 'enable-keys':
    case 'disable-keys': return [{ cls: 'toggle-keys', detail: op.kind === 'enable-keys' ? 'ENABLE KEYS' : 'DISABLE KEYS' }];
    case 'rename-table':
      return [ctx.statement.kind === 'rename-table' ? { cls: 'rename-table-statement', detail: `RENAME TABLE ${q(op.table)} TO ${q(op.newName)}` } : { cls: 'rename-table', detail: `RENAME TO ${q(op.newName)}` }];
    case 'truncate-table': return [{ cls: 'truncate', detail: `TRUNCATE TABLE ${q(op.table)} (drops and re-creates it; data discarded, not copied)` }];
    case 'unknown-clause': return [{ cls: 'unknown', detail: `unrecognised clause \`${op.text.slice(0, 40)}\`` }];
  }
}
