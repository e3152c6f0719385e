// Operation (+ the catalog's old definitions) → operation classes of the knowledge base.
// One operation can yield several classes (a MODIFY that reorders and changes nullability; a DROP
// COLUMN that also drops its index) or none (the DROP half of a DROP + re-ADD of the same index).
import type { IndexDef, Operation, Statement, TableDef, Target } from '../types';
import { findIndex, findTable, implicitClusteredIndex, qualifiesAsClustered } from '../catalog/lookup';
import { convertAspects } from './column-change';
import type { OpClass } from './facts';
import { addColumn, dropColumn, modifyColumn, renameColumn } from './classify-columns';
import type { Classified, ClassifyContext } from './table-context';
import { fulltextCount, hasUserFtsDocId, isVirtual, q } from './table-context';

export type { Classified, ClassifyContext } from './table-context';

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

/** the statement drops the table's implicit clustered index (its first UNIQUE NOT NULL index, no PRIMARY KEY) */
function dropsImplicitClustered(statement: Statement, table: TableDef | undefined): boolean {
  const clustered = implicitClusteredIndex(table);
  return !!clustered?.name && statement.operations.some((o) => (o.kind === 'drop-index' || o.kind === 'drop-constraint') && o.name.toLowerCase() === clustered.name!.toLowerCase());
}

/** the statement's first added index that InnoDB would cluster on: a PRIMARY KEY, else a UNIQUE NOT NULL one when nothing else is */
function newClusteredIndex(statement: Statement, table: TableDef | undefined): IndexDef | undefined {
  if (!table || primaryKeyOf(table)) return undefined;
  const added = statement.operations.flatMap((o) => (o.kind === 'add-index' ? [o.index] : []));
  const pk = added.find((i) => i.kind === 'primary');
  if (pk) return pk;
  if (implicitClusteredIndex(table) && !dropsImplicitClustered(statement, table)) return undefined;
  return added.find((i) => qualifiesAsClustered(table, i));
}

/** a new clustered key on the columns the table is already clustered on (no PRIMARY KEY): the rows stay where they are */
function clusteredSameColumns(statement: Statement, table: TableDef | undefined, detail: string): Classified {
  return dropsImplicitClustered(statement, table)
    ? { cls: 'clustered-same-columns', detail: `${detail} (the clustered index keeps its columns)` }
    : { cls: 'add-primary-key-on-clustered', detail: `${detail} (the clustered index keeps its columns)`, buildsIndex: true, indexOnly: true };
}

function primaryKeyOf(table: TableDef): IndexDef | undefined {
  return table.indexes.find((i) => i.kind === 'primary');
}

function addIndex(op: Extract<Operation, { kind: 'add-index' }>, table: TableDef | undefined, ctx: ClassifyContext): Classified[] {
  const idx = op.index;
  const label = `${op.via === 'create-index' ? 'CREATE' : 'ADD'} ${idx.kind === 'index' ? '' : `${idx.kind.toUpperCase()} `}INDEX${idx.name ? ` ${q(idx.name)}` : ''}`;
  const clustered = implicitClusteredIndex(table);
  const keepsClusteredColumns = !!clustered && sameColumns(clustered, idx);
  if (idx.kind === 'primary') {
    if (keepsClusteredColumns) return [clusteredSameColumns(ctx.statement, table, `${label} on the columns of the clustered ${q(clustered!.name ?? '')}`)];
    const dropsOld = ctx.statement.operations.some((o) => o.kind === 'drop-primary-key' || (o.kind === 'drop-index' && o.name.toUpperCase() === 'PRIMARY')) || dropsImplicitClustered(ctx.statement, table);
    return [dropsOld ? { cls: 'drop-add-primary-key', detail: 'DROP PRIMARY KEY + ADD PRIMARY KEY' } : { cls: 'add-primary-key', detail: 'ADD PRIMARY KEY', buildsIndex: true }];
  }
  if (idx.kind === 'unique' && newClusteredIndex(ctx.statement, table) === idx) {
    // measured MariaDB 10.11.19: the same as adding (or replacing) a PRIMARY KEY
    const why = `${table!.name} has no PRIMARY KEY: it becomes the clustered index`;
    if (keepsClusteredColumns) return [clusteredSameColumns(ctx.statement, table, `${label} replaces the clustered index on the same columns`)];
    return [dropsImplicitClustered(ctx.statement, table)
      ? { cls: 'drop-add-primary-key', detail: `${label} replaces the clustered index (${why})` }
      : { cls: 'add-primary-key', detail: `${label} (${why})`, buildsIndex: true }];
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
  const clustered = implicitClusteredIndex(table);
  if (clustered && findIndex(table, name) === clustered) {
    // no PRIMARY KEY: this index is the clustered one, and dropping it is dropping the primary key (measured MariaDB 10.11.19)
    if (newClusteredIndex(ctx.statement, table)) return [];
    return [{ cls: 'drop-primary-key', detail: `DROP INDEX ${q(name)} (the clustered index: ${table!.name} has no PRIMARY KEY)` }];
  }
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
    case 'ENCRYPTION': return { cls: 'table-encryption', detail: `${label} (file-per-table tablespace encryption)` };
    case 'ENCRYPTED': return { cls: 'table-encrypted', detail: label };
    // MariaDB: only the key id is recorded while the table is not encrypted (measured INSTANT)
    case 'ENCRYPTION_KEY_ID': return { cls: 'table-option-meta', detail: `${label} (key id only)` };
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
  // CONVERT TO changes every character column as a MODIFY of each would: the same classes, so the
  // two ways of writing the change get the same answer (MariaDB measured; MySQL: a column's
  // charset change is the manual's "Change column data type" row, COPY)
  const aspects = convertAspects(table, op.charset, op.collation);
  if (aspects.length > 0) return aspects.map((a) => ({ cls: a.cls, detail: `${label}: ${a.detail}` }));
  if (target.flavor === 'mariadb') return [{ cls: 'convert-charset-noop', detail: `${label} (no column changes)` }];
  const same = (table.options.CHARSET ?? '').toLowerCase() === op.charset.toLowerCase();
  return [{ cls: same ? 'convert-charset-same' : 'convert-charset', detail: same ? `${label} (same encoding, no column changes)` : `${label} (no character column changes)` }];
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
  const names = op.names ?? [];
  const partitions = names.some((n) => n.toUpperCase() === 'ALL') ? 'all' as const : names;
  return { cls: PARTITION_CLASSES[op.action] ?? 'unknown', detail: names.length > 0 ? `${label} ${names.join(', ')}` : label, partitions };
}

/**
 * ORDER BY and DISCARD/IMPORT TABLESPACE change nothing the catalog tracks, so the recognizer keeps
 * them as their text; they are known here.
 */
function standaloneClause(text: string): Classified | undefined {
  if (/^ORDER\s+BY\b/i.test(text)) return { cls: 'order-by', detail: `${text.replace(/\s+/g, ' ').slice(0, 60)} (copies the table in that order)` };
  if (/^DISCARD\s+TABLESPACE$/i.test(text)) return { cls: 'discard-tablespace', detail: 'DISCARD TABLESPACE (deletes the table\'s data file: the table is unusable until IMPORT TABLESPACE)' };
  if (/^IMPORT\s+TABLESPACE$/i.test(text)) return { cls: 'import-tablespace', detail: 'IMPORT TABLESPACE (reads the copied-in data file, every page, under an exclusive lock)' };
  return undefined;
}

export function classifyOperation(op: Operation, ctx: ClassifyContext): Classified[] {
  const table = findTable(ctx.catalog, op.table);
  switch (op.kind) {
    case 'create-table':
    case 'drop-table':
      return [];
    case 'add-column': return addColumn(op, table, ctx);
    case 'drop-column': return dropColumn(op, table, ctx);
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
    case 'unknown-clause': return [standaloneClause(op.text) ?? { cls: 'unknown', detail: `unrecognised clause \`${op.text.slice(0, 40)}\`` }];
    case 'alter-tablespace': {
      if (ctx.target.flavor === 'mariadb') return []; // not MariaDB syntax
      const cls: OpClass = op.action === 'rename' ? 'tablespace-rename' : op.action === 'encryption' ? 'tablespace-encryption' : 'tablespace-other';
      const what = op.action === 'rename' ? 'RENAME TO' : op.action === 'encryption' ? 'ENCRYPTION' : 'change';
      return [{ cls, detail: `ALTER TABLESPACE ${q(op.table)} ${what}` }];
    }
  }
}
