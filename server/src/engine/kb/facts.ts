// The online-DDL knowledge base as data: operation class × flavor/version range → what the server
// does. MariaDB rows are measured on 10.11.19 unless the source says otherwise; MySQL rows come from
// the manual's online-DDL tables. The first matching row wins, so narrower version ranges go first.
import type { Algorithm, Flavor, LockLevel, Target } from '../types';
import { atLeast } from '../targets';

export type OpClass =
  // columns
  | 'add-column' | 'add-column-positioned' | 'add-column-moves-virtual' | 'add-column-rebuild'
  | 'add-column-auto-increment' | 'add-column-expression-default' | 'add-column-uuid-default'
  | 'add-column-stored' | 'add-column-virtual' | 'add-column-virtual-partitioned'
  | 'drop-column' | 'drop-column-rebuild' | 'drop-column-stored' | 'drop-column-virtual'
  | 'reorder-column' | 'reorder-column-rebuild' | 'reorder-generated-column' | 'reorder-moves-virtual'
  | 'rename-column' | 'rename-column-fk'
  | 'set-default' | 'modify-attributes' | 'modify-unknown'
  | 'make-nullable' | 'make-nullable-redundant' | 'make-not-null' | 'make-not-null-nonstrict' | 'make-auto-increment' | 'drop-auto-increment'
  | 'change-type' | 'varchar-extend' | 'varchar-extend-from-small' | 'varchar-extend-cross' | 'varchar-extend-redundant' | 'varchar-shrink'
  | 'charset-widen' | 'charset-change' | 'collation-change' | 'collation-change-indexed' | 'enum-collation-change'
  | 'enum-append' | 'enum-change' | 'virtual-expression-change'
  // indexes and keys
  | 'add-index' | 'add-fulltext-first' | 'add-fulltext-first-doc-id' | 'add-fulltext-next' | 'add-spatial'
  | 'drop-index' | 'rename-index' | 'index-visibility' | 'change-index-type'
  | 'add-primary-key' | 'drop-primary-key' | 'drop-add-primary-key' | 'clustered-same-columns' | 'add-primary-key-on-clustered'
  | 'add-foreign-key-checked' | 'add-foreign-key-indexed' | 'add-foreign-key-unindexed' | 'drop-foreign-key'
  | 'add-check' | 'drop-check'
  // table
  | 'rename-table' | 'rename-table-statement' | 'truncate'
  | 'auto-increment-value' | 'table-comment' | 'stats-options' | 'table-default-charset' | 'table-default-charset-same'
  | 'convert-charset' | 'convert-charset-same' | 'convert-charset-noop'
  | 'row-format' | 'key-block-size' | 'page-compressed' | 'page-compression-level' | 'table-option-meta' | 'table-option-other' | 'engine-change'
  | 'table-encryption' | 'table-encrypted'
  | 'tablespace-rename' | 'tablespace-encryption' | 'tablespace-other'
  | 'force' | 'force-fulltext' | 'force-multi-fulltext' | 'optimize' | 'optimize-fulltext' | 'optimize-multi-fulltext'
  | 'add-system-versioning' | 'drop-system-versioning' | 'toggle-keys'
  | 'order-by' | 'discard-tablespace' | 'import-tablespace'
  // partitioning
  | 'partition-by' | 'remove-partitioning'
  | 'partition-add-range' | 'partition-add-hash' | 'partition-drop' | 'partition-truncate' | 'partition-coalesce'
  | 'partition-reorganize' | 'partition-rebuild' | 'partition-exchange' | 'partition-optimize'
  | 'partition-admin' | 'partition-discard-import'
  | 'unknown';

export interface Fact {
  algorithm: Algorithm;
  lock: LockLevel;
  rebuild: boolean;
  /** doc URL, or "measured MariaDB 10.11.19" */
  source: string;
  /** the server's refusal when a better ALGORITHM is requested (errno + text); default: 1845 generic */
  refusal?: string;
  /** the server's refusal when a weaker LOCK is requested */
  lockRefusal?: string;
  /** re-creates a secondary index (so instant column changes next to it become a rebuild) */
  buildsIndex?: boolean;
  /** instant add/drop/reorder of columns: done in place (with a rebuild) when the statement also needs non-instant work */
  inplaceRebuild?: boolean;
  /** requested algorithms the server accepts although it does something weaker (MariaDB PARTITION BY with INSTANT) */
  acceptsAnyway?: Algorithm[];
  /** ALGORITHM=COPY is refused (FK column renames) */
  copyRefusal?: string;
  /** the statement accepts no ALGORITHM/LOCK clause; the value is the error the server gives for one */
  noClause?: string;
  /** `SET alter_algorithm` other than DEFAULT is refused with this error (MariaDB partition maintenance) */
  alterAlgorithmRefusal?: string;
  /** the statement ignores `alter_algorithm` completely */
  ignoresAlterAlgorithm?: boolean;
  /** partition maintenance: re-creates the named partitions, or every partition, not the table */
  rewritesPartitions?: 'named' | 'all';
}

interface FactRow {
  flavor: Flavor;
  /** inclusive lower bound */
  since?: [number, number, number];
  /** exclusive upper bound */
  until?: [number, number, number];
  fact: Fact;
}

export const MEASURED = 'measured MariaDB 10.11.19';
const MY_OPS = 'https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html';
const MY_PERF = 'https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-performance.html';
const MY_PART = 'https://dev.mysql.com/doc/refman/8.0/en/online-ddl-partitioning.html';
const MY_ALTER = 'https://dev.mysql.com/doc/refman/8.0/en/alter-table.html';
const MY_IMPORT = 'https://dev.mysql.com/doc/refman/8.0/en/innodb-table-import.html';
const MDB_INSTANT = 'https://mariadb.com/docs/server/server-usage/storage-engines/innodb/innodb-online-ddl/innodb-online-ddl-operations-with-the-instant-alter-algorithm';
const MDB_INPLACE = 'https://mariadb.com/docs/server/server-usage/storage-engines/innodb/innodb-online-ddl/innodb-online-ddl-operations-with-the-inplace-alter-algorithm';
const MDB_PARTITION = 'measured MariaDB 10.11.19 (rebuild, clause refusal); DML concurrency not measured';
const NOT_DOCUMENTED = 'not in the MySQL online-DDL tables; conservative';
const NO_TABLESPACE_CLAUSE = '1064 ALTER TABLESPACE takes no ALGORITHM/LOCK';
const UNKNOWN_OPTION = 'table option not in the knowledge base; assuming the worst';

export const REFUSE = {
  generic: (better: string) => `1845 ALGORITHM=%A is not supported for this operation. Try ALGORITHM=${better}`,
  addIndex: '1846 ALGORITHM=%A is not supported. Reason: ADD INDEX. Try ALGORITHM=NOCOPY',
  dropIndex: '1846 ALGORITHM=%A is not supported. Reason: DROP INDEX. Try ALGORITHM=NOCOPY',
  columnType: '1846 ALGORITHM=%A is not supported. Reason: Cannot change column type. Try ALGORITHM=COPY',
  tableOptions: '1846 ALGORITHM=%A is not supported. Reason: Changing table options requires the table to be rebuilt. Try ALGORITHM=INPLACE',
  dropPrimary: '1846 ALGORITHM=%A is not supported. Reason: Dropping a primary key is not allowed without also adding a new primary key. Try ALGORITHM=COPY',
  foreignKeyChecks: '1846 ALGORITHM=%A is not supported. Reason: Adding foreign keys needs foreign_key_checks=OFF. Try ALGORITHM=COPY',
  virtualCombined: '1846 ALGORITHM=%A is not supported. Reason: INPLACE ADD or DROP of virtual columns cannot be combined with other ALTER TABLE actions. Try ALGORITHM=COPY',
  versioning: '1846 ALGORITHM=%A is not supported. Reason: Not implemented for system-versioned timestamp tables. Try ALGORITHM=COPY',
  fkRename: '1846 ALGORITHM=COPY is not supported. Reason: Columns participating in a foreign key are renamed. Try ALGORITHM=INPLACE',
  partition: '1846 ALGORITHM=COPY/INPLACE is not supported. Reason: Partition specific operations do not yet support LOCK/ALGORITHM. Try ALGORITHM=DEFAULT',
  partitionSyntax: '1064 You have an error in your SQL syntax: partition clauses take no ALGORITHM/LOCK in MariaDB',
  dropIndexSyntax: '1064 You have an error in your SQL syntax: MariaDB DROP INDEX takes no ALGORITHM/LOCK',
  tablespaceSyntax: '1064 You have an error in your SQL syntax: DISCARD/IMPORT TABLESPACE takes no ALGORITHM/LOCK in MariaDB',
  copyLock: '1846 LOCK=NONE is not supported. Reason: COPY algorithm requires a lock. Try LOCK=SHARED',
  autoIncrementLock: '1846 LOCK=NONE is not supported. Reason: Adding an auto-increment column requires a lock. Try LOCK=SHARED',
  fulltextLock: '1846 LOCK=NONE is not supported. Reason: Fulltext index creation requires a lock. Try LOCK=SHARED',
  spatialLock: '1846 LOCK=NONE is not supported. Reason: Do not support online operation on table with GIS index. Try LOCK=SHARED',
  virtualLock: '1846 LOCK=NONE is not supported. Reason: INPLACE ADD or DROP of virtual columns cannot be combined with other ALTER TABLE actions. Try LOCK=SHARED',
  renameLock: '1845 LOCK=NONE/SHARED is not supported for this operation. Try LOCK=EXCLUSIVE',
  cascadeLock: '1846 LOCK=NONE is not supported: the table has ON ... CASCADE or ON ... SET NULL foreign keys. Try LOCK=SHARED',
} as const;

type Extra = Omit<Fact, 'algorithm' | 'lock' | 'rebuild' | 'source'>;

function fact(algorithm: Algorithm, lock: LockLevel, rebuild: boolean, source: string, extra: Extra = {}): Fact {
  return { algorithm, lock, rebuild, source, ...extra };
}

const V = (a: number, b: number, c: number): [number, number, number] => [a, b, c];
const maria = (f: Fact, since?: [number, number, number], until?: [number, number, number]): FactRow => ({ flavor: 'mariadb', since, until, fact: f });
const mysql = (f: Fact, since?: [number, number, number], until?: [number, number, number]): FactRow => ({ flavor: 'mysql', since, until, fact: f });

// Shorthands for rows shared by many classes
const M_INSTANT = fact('INSTANT', 'NONE', false, MEASURED);
const M_NOCOPY = fact('NOCOPY', 'NONE', false, MEASURED, { refusal: REFUSE.addIndex });
const M_REBUILD = fact('INPLACE', 'NONE', true, MEASURED, { refusal: REFUSE.generic('INPLACE') });
const M_COPY_TYPE = fact('COPY', 'SHARED', true, MEASURED, { refusal: REFUSE.columnType });
const MY_COPY = fact('COPY', 'SHARED', true, MY_OPS);
const MY_INPLACE_META = fact('INPLACE', 'NONE', false, MY_OPS);
const MY_INPLACE_REBUILD = fact('INPLACE', 'NONE', true, MY_OPS, { inplaceRebuild: true });
const MY_INSTANT = fact('INSTANT', 'NONE', false, MY_OPS);
/** rows for an operation that MySQL made INSTANT in 8.0.12 and did in place (metadata only) before */
const mysqlInstantSince12 = (): FactRow[] => [mysql(MY_INSTANT, V(8, 0, 12)), mysql(MY_INPLACE_META)];
const mariaBefore104Rebuild = (f: Fact): FactRow[] => [maria(fact('INPLACE', 'NONE', true, MDB_INPLACE), undefined, V(10, 4, 0)), maria(f)];

export const FACTS: Record<OpClass, FactRow[]> = {
  'add-column': [
    maria(fact('INPLACE', 'NONE', true, MDB_INSTANT), undefined, V(10, 3, 2)),
    maria({ ...M_INSTANT, inplaceRebuild: true }),
    mysql({ ...MY_INSTANT, inplaceRebuild: true }, V(8, 0, 12)),
    mysql(MY_INPLACE_REBUILD),
  ],
  'add-column-positioned': [
    maria(fact('INPLACE', 'NONE', true, MDB_INSTANT), undefined, V(10, 4, 0)),
    maria({ ...M_INSTANT, inplaceRebuild: true }),
    mysql({ ...MY_INSTANT, inplaceRebuild: true }, V(8, 0, 29)),
    mysql(MY_INPLACE_REBUILD),
  ],
  'add-column-moves-virtual': [maria(fact('COPY', 'SHARED', true, MEASURED)), mysql(MY_INPLACE_REBUILD)],
  'add-column-rebuild': [maria(M_REBUILD), mysql(MY_INPLACE_REBUILD)],
  'add-column-auto-increment': [
    maria(fact('INPLACE', 'SHARED', true, MEASURED, { lockRefusal: REFUSE.autoIncrementLock })),
    mysql(fact('INPLACE', 'SHARED', true, MY_OPS)),
  ],
  'add-column-expression-default': [
    maria({ ...M_INSTANT, inplaceRebuild: true }, V(10, 4, 0)),
    maria(fact('INPLACE', 'NONE', true, MDB_INSTANT)),
    mysql(fact('COPY', 'SHARED', true, 'hazards.md volatile-default: MySQL expression defaults are not instant; conservative')),
  ],
  'add-column-uuid-default': [maria(fact('COPY', 'SHARED', true, MEASURED)), mysql(fact('COPY', 'SHARED', true, 'hazards.md volatile-default; conservative'))],
  'add-column-stored': [maria(fact('COPY', 'SHARED', true, MEASURED)), mysql(MY_COPY)],
  'add-column-virtual': [maria(M_INSTANT), ...mysqlInstantSince12()],
  'add-column-virtual-partitioned': [maria(fact('COPY', 'SHARED', true, MEASURED)), mysql(fact('COPY', 'SHARED', true, `${MY_OPS} (not in place for partitioned tables)`))],
  'drop-column': [
    ...mariaBefore104Rebuild({ ...M_INSTANT, inplaceRebuild: true }),
    mysql({ ...MY_INSTANT, inplaceRebuild: true }, V(8, 0, 29)),
    mysql(MY_INPLACE_REBUILD),
  ],
  'drop-column-rebuild': [maria(M_REBUILD), mysql(MY_INPLACE_REBUILD)],
  'drop-column-stored': [...mariaBefore104Rebuild(M_INSTANT), mysql(fact('INPLACE', 'NONE', true, MY_OPS))],
  'drop-column-virtual': [maria(M_INSTANT), ...mysqlInstantSince12()],
  'reorder-column': [...mariaBefore104Rebuild({ ...M_INSTANT, inplaceRebuild: true }), mysql(fact('INPLACE', 'NONE', true, MY_OPS))],
  'reorder-column-rebuild': [maria(M_REBUILD), mysql(fact('INPLACE', 'NONE', true, MY_OPS))],
  'reorder-generated-column': [maria(fact('COPY', 'SHARED', true, MEASURED)), mysql(MY_COPY)],
  'reorder-moves-virtual': [maria(fact('COPY', 'SHARED', true, MEASURED)), mysql(fact('INPLACE', 'NONE', true, MY_OPS))],
  'rename-column': [maria(M_INSTANT), mysql(MY_INSTANT, V(8, 0, 28)), mysql(MY_INPLACE_META)],
  'rename-column-fk': [
    maria(fact('INSTANT', 'NONE', false, MEASURED, { copyRefusal: REFUSE.fkRename })),
    mysql(fact('INPLACE', 'NONE', false, MY_OPS, { copyRefusal: '1846 ALGORITHM=COPY is not supported: the column is referenced by a foreign key. Try ALGORITHM=INPLACE', refusal: REFUSE.generic('INPLACE') })),
  ],
  'set-default': [maria(M_INSTANT), ...mysqlInstantSince12()],
  'modify-attributes': [maria(M_INSTANT), ...mysqlInstantSince12()],
  'modify-unknown': [maria(fact('COPY', 'SHARED', true, 'old definition unknown; conservative')), mysql(fact('COPY', 'SHARED', true, 'old definition unknown; conservative'))],
  'make-nullable': [maria(M_REBUILD), mysql(fact('INPLACE', 'NONE', true, MY_OPS))],
  'make-nullable-redundant': [maria(M_INSTANT, V(10, 4, 3)), maria(M_REBUILD), mysql(fact('INPLACE', 'NONE', true, MY_OPS))],
  'make-not-null': [maria(M_REBUILD), mysql(fact('INPLACE', 'NONE', true, MY_OPS))],
  // the MariaDB docs ask for strict mode, but 10.11 converts in place without it (measured)
  'make-not-null-nonstrict': [maria(M_REBUILD), mysql(fact('COPY', 'SHARED', true, MY_OPS))],
  'make-auto-increment': [maria(M_COPY_TYPE), mysql(MY_COPY)],
  // MariaDB accepts ALGORITHM=INSTANT for it (measured); MySQL: the manual's "Change column data type" row (COPY)
  'drop-auto-increment': [maria(M_INSTANT), mysql(fact('COPY', 'SHARED', true, `${MY_OPS} (change column data type)`))],
  'change-type': [maria(M_COPY_TYPE), mysql(MY_COPY)],
  'varchar-extend': [maria(M_INSTANT, V(10, 4, 3)), maria(fact('INPLACE', 'NONE', false, MDB_INPLACE)), mysql(MY_INPLACE_META)],
  'varchar-extend-from-small': [maria(M_INSTANT, V(10, 4, 3)), maria(M_COPY_TYPE), mysql(MY_COPY)],
  'varchar-extend-cross': [maria(M_COPY_TYPE), mysql(MY_COPY)],
  'varchar-extend-redundant': [maria(M_INSTANT, V(10, 4, 3)), maria(M_COPY_TYPE), mysql(MY_COPY)],
  'varchar-shrink': [maria(M_COPY_TYPE), mysql(MY_COPY)],
  'charset-widen': [maria(M_INSTANT, V(10, 4, 3)), maria(M_COPY_TYPE), mysql(fact('COPY', 'SHARED', true, `${MY_OPS} (change column data type)`))],
  'charset-change': [maria(M_COPY_TYPE), mysql(fact('COPY', 'SHARED', true, `${MY_OPS} (change column data type)`))],
  'collation-change': [maria(M_INSTANT), mysql(fact('COPY', 'SHARED', true, `${MY_OPS} (change column data type)`))],
  'collation-change-indexed': [maria({ ...M_NOCOPY, buildsIndex: true }), mysql(fact('COPY', 'SHARED', true, `${MY_OPS} (change column data type)`))],
  'enum-collation-change': [maria(M_COPY_TYPE), mysql(MY_COPY)],
  'enum-append': [maria(M_INSTANT), ...mysqlInstantSince12()],
  'enum-change': [maria(M_COPY_TYPE), mysql(MY_COPY)],
  'virtual-expression-change': [maria(M_INSTANT), mysql(fact('COPY', 'SHARED', true, NOT_DOCUMENTED))],

  'add-index': [maria(M_NOCOPY), mysql(MY_INPLACE_META)],
  'add-fulltext-first': [
    maria(fact('INPLACE', 'SHARED', true, MEASURED, { refusal: REFUSE.generic('INPLACE'), lockRefusal: REFUSE.fulltextLock })),
    mysql(fact('INPLACE', 'SHARED', true, MY_OPS)),
  ],
  'add-fulltext-first-doc-id': [
    maria(fact('NOCOPY', 'SHARED', false, MEASURED, { refusal: REFUSE.addIndex, lockRefusal: REFUSE.fulltextLock })),
    mysql(fact('INPLACE', 'SHARED', false, MY_OPS)),
  ],
  'add-fulltext-next': [
    maria(fact('NOCOPY', 'SHARED', false, MEASURED, { refusal: REFUSE.addIndex, lockRefusal: REFUSE.fulltextLock })),
    mysql(fact('INPLACE', 'SHARED', false, MY_OPS)),
  ],
  'add-spatial': [
    maria(fact('NOCOPY', 'SHARED', false, MEASURED, { refusal: REFUSE.addIndex, lockRefusal: REFUSE.spatialLock })),
    mysql(fact('INPLACE', 'SHARED', false, MY_OPS)),
  ],
  'drop-index': [maria({ ...M_NOCOPY, refusal: REFUSE.dropIndex }), mysql(MY_INPLACE_META)],
  'rename-index': [maria(M_INSTANT), mysql(MY_INPLACE_META)],
  'index-visibility': [maria(M_INSTANT), mysql(fact('INPLACE', 'NONE', false, NOT_DOCUMENTED))],
  'change-index-type': [maria(M_NOCOPY), ...mysqlInstantSince12()],
  'add-primary-key': [maria(M_REBUILD), mysql(fact('INPLACE', 'NONE', true, MY_OPS))],
  'drop-primary-key': [maria(fact('COPY', 'SHARED', true, MEASURED, { refusal: REFUSE.dropPrimary })), mysql(MY_COPY)],
  'drop-add-primary-key': [maria(M_REBUILD), mysql(fact('INPLACE', 'NONE', true, MY_OPS))],
  // no PRIMARY KEY, clustered on its first UNIQUE NOT NULL index: a new key on the same columns moves no row
  // (measured MariaDB 10.11.19); MySQL: not documented, the manual's primary-key rows (rebuild) apply
  'clustered-same-columns': [maria(M_INSTANT), mysql(fact('INPLACE', 'NONE', true, `${MY_OPS} (drop PK and add another)`))],
  'add-primary-key-on-clustered': [maria(M_NOCOPY), mysql(fact('INPLACE', 'NONE', true, `${MY_OPS} (add primary key)`))],
  'add-foreign-key-checked': [maria(fact('COPY', 'SHARED', true, MEASURED, { refusal: REFUSE.foreignKeyChecks })), mysql(MY_COPY)],
  'add-foreign-key-indexed': [maria(M_INSTANT), mysql(MY_INPLACE_META)],
  'add-foreign-key-unindexed': [maria(M_NOCOPY), mysql(MY_INPLACE_META)],
  'drop-foreign-key': [maria(M_INSTANT), mysql(MY_INPLACE_META)],
  'add-check': [maria(fact('COPY', 'SHARED', true, MEASURED)), mysql(fact('COPY', 'SHARED', true, NOT_DOCUMENTED))],
  'drop-check': [maria(M_INSTANT), mysql(fact('INPLACE', 'NONE', false, NOT_DOCUMENTED))],

  'rename-table': [maria(fact('INSTANT', 'EXCLUSIVE', false, MEASURED, { lockRefusal: REFUSE.renameLock })), ...mysqlInstantSince12()],
  'rename-table-statement': [
    maria(fact('INSTANT', 'EXCLUSIVE', false, MEASURED, { ignoresAlterAlgorithm: true })),
    mysql(fact('INSTANT', 'NONE', false, MY_OPS, { noClause: '1064 RENAME TABLE takes no ALGORITHM/LOCK' }), V(8, 0, 12)),
    mysql(fact('INPLACE', 'NONE', false, MY_OPS, { noClause: '1064 RENAME TABLE takes no ALGORITHM/LOCK' })),
  ],
  truncate: [
    maria(fact('INSTANT', 'EXCLUSIVE', true, MEASURED, { ignoresAlterAlgorithm: true })),
    mysql(fact('INSTANT', 'EXCLUSIVE', true, 'https://dev.mysql.com/doc/refman/8.0/en/truncate-table.html (drop and re-create)')),
  ],
  'auto-increment-value': [maria(M_INSTANT), mysql(MY_INPLACE_META)],
  'table-comment': [maria(M_INSTANT), mysql(fact('INPLACE', 'NONE', false, NOT_DOCUMENTED))],
  'stats-options': [maria(M_INSTANT), mysql(MY_INPLACE_META)],
  'table-default-charset': [maria(M_INSTANT), mysql(fact('INPLACE', 'NONE', true, MY_OPS))],
  'table-default-charset-same': [maria(M_INSTANT), mysql(MY_INPLACE_META)],
  'convert-charset': [maria(M_COPY_TYPE), mysql(fact('INPLACE', 'SHARED', true, MY_OPS))],
  'convert-charset-same': [maria(M_INSTANT), mysql(fact('INPLACE', 'SHARED', false, MY_OPS))],
  'convert-charset-noop': [maria(M_INSTANT), mysql(fact('INPLACE', 'SHARED', false, MY_OPS))],
  'row-format': [maria({ ...M_REBUILD, refusal: REFUSE.tableOptions }), mysql(fact('INPLACE', 'NONE', true, MY_OPS))],
  'key-block-size': [maria({ ...M_REBUILD, refusal: REFUSE.tableOptions }), mysql(fact('INPLACE', 'NONE', true, MY_OPS))],
  'page-compressed': [maria({ ...M_REBUILD, refusal: REFUSE.tableOptions }), mysql(fact('INPLACE', 'NONE', true, NOT_DOCUMENTED))],
  'page-compression-level': [maria(M_INSTANT), mysql(fact('INPLACE', 'NONE', true, NOT_DOCUMENTED))],
  'table-option-meta': [maria(M_INSTANT), mysql(fact('INPLACE', 'NONE', false, NOT_DOCUMENTED))],
  // an option the knowledge base does not know gets the conservative answer, like an unknown clause
  'table-option-other': [maria(fact('COPY', 'SHARED', true, UNKNOWN_OPTION)), mysql(fact('COPY', 'SHARED', true, UNKNOWN_OPTION))],
  // MySQL file-per-table ENCRYPTION='Y'/'N': Tablespace Operations row "In Place: No, Rebuilds: Yes, Concurrent DML: No"; not MariaDB syntax
  'table-encryption': [maria(fact('COPY', 'SHARED', true, `${UNKNOWN_OPTION} (MySQL syntax; MariaDB uses ENCRYPTED=)`)), mysql(fact('COPY', 'SHARED', true, `${MY_OPS} (Tablespace Operations: file-per-table encryption)`))],
  // MariaDB ENCRYPTED=: rebuilds in place (measured); not MySQL syntax
  'table-encrypted': [maria({ ...M_REBUILD, refusal: REFUSE.tableOptions }), mysql(fact('COPY', 'SHARED', true, `${UNKNOWN_OPTION} (MariaDB syntax; MySQL uses ENCRYPTION=)`))],
  // ALTER TABLESPACE (MySQL general tablespaces): the manual's Tablespace Operations rows, INPLACE, no
  // ALGORITHM clause accepted; MariaDB has no ALTER TABLESPACE (classified to nothing: no prediction)
  'tablespace-rename': [maria(fact('INPLACE', 'NONE', false, MY_OPS)), mysql(fact('INPLACE', 'NONE', false, `${MY_OPS} (Tablespace Operations: rename general tablespace)`, { noClause: NO_TABLESPACE_CLAUSE }))],
  'tablespace-encryption': [maria(fact('INPLACE', 'NONE', false, MY_OPS)), mysql(fact('INPLACE', 'NONE', false, `${MY_OPS} (Tablespace Operations: general tablespace encryption)`, { noClause: NO_TABLESPACE_CLAUSE }))],
  'tablespace-other': [maria(fact('INPLACE', 'SHARED', false, NOT_DOCUMENTED)), mysql(fact('INPLACE', 'SHARED', false, `ALTER TABLESPACE clause ${NOT_DOCUMENTED}`, { noClause: NO_TABLESPACE_CLAUSE }))],
  'engine-change': [maria(fact('COPY', 'SHARED', true, MDB_INPLACE)), mysql(MY_COPY)],
  force: [maria(M_REBUILD), mysql(fact('INPLACE', 'NONE', true, MY_OPS))],
  'force-fulltext': [maria(fact('INPLACE', 'SHARED', true, MEASURED)), mysql(fact('COPY', 'SHARED', true, `${MY_OPS} (not in place with FULLTEXT indexes)`))],
  'force-multi-fulltext': [maria(fact('COPY', 'SHARED', true, MEASURED)), mysql(fact('COPY', 'SHARED', true, `${MY_OPS} (not in place with FULLTEXT indexes)`))],
  optimize: [maria(fact('INPLACE', 'NONE', true, MEASURED)), mysql(fact('INPLACE', 'NONE', true, MY_OPS))],
  'optimize-fulltext': [maria(fact('INPLACE', 'SHARED', true, MEASURED)), mysql(fact('COPY', 'SHARED', true, `${MY_OPS} (not in place with FULLTEXT indexes)`))],
  'optimize-multi-fulltext': [maria(fact('COPY', 'SHARED', true, MEASURED)), mysql(fact('COPY', 'SHARED', true, `${MY_OPS} (not in place with FULLTEXT indexes)`))],
  'add-system-versioning': [maria(fact('COPY', 'SHARED', true, MEASURED, { refusal: REFUSE.versioning })), mysql(fact('COPY', 'SHARED', true, 'MariaDB-only syntax'))],
  'drop-system-versioning': [maria(fact('INPLACE', 'SHARED', true, MEASURED)), mysql(fact('COPY', 'SHARED', true, 'MariaDB-only syntax'))],
  'toggle-keys': [maria(fact('INSTANT', 'EXCLUSIVE', false, MEASURED)), mysql(fact('INSTANT', 'EXCLUSIVE', false, 'InnoDB ignores ENABLE/DISABLE KEYS; conservative'))],

  'partition-by': [
    maria(fact('COPY', 'SHARED', true, MEASURED, { acceptsAnyway: ['INSTANT', 'NOCOPY'], refusal: REFUSE.generic('COPY') })),
    mysql(fact('COPY', 'SHARED', true, MY_PART)),
  ],
  'remove-partitioning': [
    maria(fact('COPY', 'SHARED', true, MEASURED, { acceptsAnyway: ['INSTANT', 'NOCOPY'], refusal: REFUSE.generic('COPY') })),
    mysql(fact('COPY', 'SHARED', true, MY_PART)),
  ],
  'partition-add-range': [maria(partitionFact(false)), mysql(fact('INPLACE', 'NONE', false, MY_PART))],
  // HASH/KEY ADD and COALESCE re-create every partition (rows move between them); RANGE/LIST ADD and DROP touch no other partition
  'partition-add-hash': [maria(partitionFact(false, 'all')), mysql(fact('INPLACE', 'SHARED', false, MY_PART, { rewritesPartitions: 'all' }))],
  'partition-drop': [maria(partitionFact(false)), mysql(fact('INPLACE', 'NONE', false, MY_PART))],
  // TRUNCATE / REORGANIZE / REBUILD PARTITION re-create only the partitions they name (measured: the others keep their tablespaces)
  'partition-truncate': [
    maria(fact('INSTANT', 'EXCLUSIVE', false, MDB_PARTITION, { noClause: REFUSE.partitionSyntax, ignoresAlterAlgorithm: true, rewritesPartitions: 'named' })),
    mysql(fact('INPLACE', 'NONE', false, MY_PART, { rewritesPartitions: 'named' })),
  ],
  'partition-coalesce': [maria(partitionFact(false, 'all')), mysql(fact('INPLACE', 'SHARED', false, MY_PART, { rewritesPartitions: 'all' }))],
  'partition-reorganize': [maria(partitionFact(false, 'named')), mysql(fact('INPLACE', 'SHARED', false, MY_PART, { rewritesPartitions: 'named' }))],
  'partition-rebuild': [maria(partitionFact(false, 'named')), mysql(fact('INPLACE', 'SHARED', false, MY_PART, { rewritesPartitions: 'named' }))],
  'partition-exchange': [
    maria(fact('INSTANT', 'EXCLUSIVE', false, MDB_PARTITION, { noClause: REFUSE.partitionSyntax, ignoresAlterAlgorithm: true })),
    mysql(fact('INPLACE', 'NONE', false, MY_PART)),
  ],
  // measured: like OPTIMIZE TABLE it re-creates the whole table, and alter_algorithm=INPLACE is accepted (INSTANT/NOCOPY refused in a result row)
  'partition-optimize': [maria(fact('INPLACE', 'SHARED', true, MDB_PARTITION, { noClause: REFUSE.partitionSyntax })), mysql(fact('COPY', 'SHARED', true, `${MY_PART} (ALGORITHM/LOCK ignored; rebuilds the whole table)`))],
  // measured: ANALYZE PARTITION re-creates nothing and runs under any alter_algorithm
  'partition-admin': [maria(fact('INSTANT', 'SHARED', false, MDB_PARTITION, { noClause: REFUSE.partitionSyntax, ignoresAlterAlgorithm: true })), mysql(fact('INPLACE', 'NONE', false, MY_PART))],
  'partition-discard-import': [maria(partitionFact(false)), mysql(fact('INPLACE', 'EXCLUSIVE', false, `${MY_PART} (only ALGORITHM=DEFAULT, LOCK=DEFAULT)`))],
  // ORDER BY creates the new table with its rows in that order: a table copy. Measured: every
  // ALGORITHM but INPLACE is accepted and still copies (new table id, every row affected), INPLACE is
  // refused, LOCK=NONE too; the clause must come last (a clause after it is read as a sort column)
  'order-by': [
    maria(fact('COPY', 'SHARED', true, MEASURED, { acceptsAnyway: ['INSTANT', 'NOCOPY'], refusal: REFUSE.generic('COPY') })),
    mysql(fact('COPY', 'SHARED', true, `${MY_ALTER} (ORDER BY: "create the new table with the rows in a specific order"; not in the online-DDL tables)`)),
  ],
  // DISCARD TABLESPACE deletes the table's .ibd file, IMPORT TABLESPACE reads a copied-in one and
  // adjusts every page: the table is unusable in between; both hold an exclusive metadata lock.
  // Measured: no ALGORITHM/LOCK clause is accepted (1064) and alter_algorithm is ignored
  'discard-tablespace': [
    maria(fact('INSTANT', 'EXCLUSIVE', false, `${MEASURED} (clause refusal); ${MY_IMPORT}`, { noClause: REFUSE.tablespaceSyntax, ignoresAlterAlgorithm: true })),
    mysql(fact('INSTANT', 'EXCLUSIVE', false, `${MY_IMPORT} (DISCARD TABLESPACE; not in the online-DDL tables)`)),
  ],
  'import-tablespace': [
    maria(fact('INPLACE', 'EXCLUSIVE', false, `${MEASURED} (clause refusal); ${MY_IMPORT}`, { noClause: REFUSE.tablespaceSyntax, ignoresAlterAlgorithm: true })),
    mysql(fact('INPLACE', 'EXCLUSIVE', false, `${MY_IMPORT} (IMPORT TABLESPACE; not in the online-DDL tables)`)),
  ],
  unknown: [maria(fact('COPY', 'SHARED', true, 'unrecognised clause; assuming the worst')), mysql(fact('COPY', 'SHARED', true, 'unrecognised clause; assuming the worst'))],
};

/** MariaDB partition maintenance: no ALGORITHM/LOCK syntax, alter_algorithm refused; lock not measured (reads assumed allowed) */
function partitionFact(rebuild: boolean, rewritesPartitions?: 'named' | 'all'): Fact {
  return fact('INPLACE', 'SHARED', rebuild, MDB_PARTITION, { noClause: REFUSE.partitionSyntax, alterAlgorithmRefusal: REFUSE.partition, ...(rewritesPartitions ? { rewritesPartitions } : {}) });
}

function inRange(target: Target, row: FactRow): boolean {
  if (row.flavor !== target.flavor) return false;
  if (row.since && !atLeast(target, ...row.since)) return false;
  if (row.until && atLeast(target, ...row.until)) return false;
  return true;
}

/** the fact for a class on a target (never undefined: the last row of each flavor has no range) */
export function lookupFact(cls: OpClass, target: Target): Fact {
  const rows = FACTS[cls];
  const row = rows.find((r) => inRange(target, r)) ?? rows.find((r) => r.flavor === target.flavor) ?? rows[rows.length - 1];
  return row.fact;
}

/** MariaDB 11.2+ runs ALGORITHM=COPY with LOCK=NONE (online schema change) */
export function copyAllowsNoLock(target: Target): boolean {
  return target.flavor === 'mariadb' && atLeast(target, 11, 2, 0);
}

export const ONLINE_COPY_SOURCE = 'https://mariadb.com/docs/server/reference/sql-statements/data-definition/alter/alter-table/online-schema-change';
export const LOCK_SOURCE = MY_PERF;
