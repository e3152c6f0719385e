// MySQL-target predictions against the rows of the MySQL manual's online-DDL tables
// (online-ddl.md §1: https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html and
// its 8.4 twin, plus the partitioning page and the Limitations page). No MySQL server is available,
// so the manual is the oracle here. Each case cites the row it checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFile } from '../../server/src/engine/parse/index';
import { applyStatement, emptyCatalog } from '../../server/src/engine/catalog/apply';
import { initialSession, nextSession } from '../../server/src/engine/session';
import { parseTarget } from '../../server/src/engine/targets';
import { predict } from '../../server/src/engine/kb/predict';
import type { Algorithm, LockLevel, Prediction, SessionState } from '../../server/src/engine/types';

interface ManualCase {
  /** the manual row (section of online-ddl.md §1) and what it says */
  row: string;
  target: string;
  setup?: string[];
  session?: string[];
  sql: string;
  expect: { algorithm?: Algorithm; lock?: LockLevel; rebuild?: boolean; rejected?: boolean; rewritesPartitions?: string[] | 'all' | null };
}

const T = ["CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL, b VARCHAR(50) NOT NULL DEFAULT '', s VARCHAR(10) NULL, KEY ib (b)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"];
const LATIN1 = ["CREATE TABLE t (id INT NOT NULL PRIMARY KEY, s VARCHAR(100) NULL) DEFAULT CHARSET=latin1"];
const FT = ["CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL, body TEXT, FULLTEXT KEY ft (body)) DEFAULT CHARSET=utf8mb4"];
const GEN = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL, b INT NULL, v INT AS (a + 1) VIRTUAL, st INT AS (a * 2) STORED)'];
const ENUM = ["CREATE TABLE t (id INT NOT NULL PRIMARY KEY, st ENUM('a','b','c') NOT NULL DEFAULT 'a')"];
const FK = ['CREATE TABLE p (id INT NOT NULL PRIMARY KEY)', 'CREATE TABLE c (id INT NOT NULL PRIMARY KEY, p_id INT NULL, KEY ip (p_id))'];
const FK_CASCADE = ['CREATE TABLE p (id INT NOT NULL PRIMARY KEY)', 'CREATE TABLE c (id INT NOT NULL PRIMARY KEY, p_id INT NULL, note INT NULL, CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE)'];
const RANGE = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN (20))'];
const HASH = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY) PARTITION BY HASH (id) PARTITIONS 4'];
const FKC_OFF = ['SET SESSION foreign_key_checks = 0'];
/** a table after `n` ALTERs that each add a column instantly (one row version each on MySQL 8.0.29+) */
const versions = (n: number, then: string[] = []) => ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY)', ...Array.from({ length: n }, (_, i) => `ALTER TABLE t ADD COLUMN c${i} INT NULL`), ...then];


const CASES: ManualCase[] = [
  // §1.1 index operations
  { row: '1.1 Create/add secondary index: In place, no rebuild, DML', target: 'mysql-8.0.20', setup: T, sql: 'ALTER TABLE t ADD INDEX ia (a)', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: false } },
  { row: '1.1 Create/add secondary index (CREATE INDEX)', target: 'mysql-8.4', setup: T, sql: 'CREATE INDEX ia ON t (a)', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: false } },
  { row: '1.1 Create index: not instant', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t ADD INDEX ia (a), ALGORITHM=INSTANT', expect: { rejected: true } },
  { row: '1.1 Drop index: In place, metadata only', target: 'mysql-8.4', setup: T, sql: 'DROP INDEX ib ON t', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: false } },
  { row: '1.1 Rename index: In place, metadata only', target: 'mysql-5.7', setup: T, sql: 'ALTER TABLE t RENAME INDEX ib TO ib2', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: false } },
  { row: '1.1 Add FULLTEXT index: the first one rebuilds, no concurrent DML', target: 'mysql-8.0.29', setup: ['CREATE TABLE t (id INT PRIMARY KEY, body TEXT)'], sql: 'ALTER TABLE t ADD FULLTEXT INDEX ft (body)', expect: { algorithm: 'INPLACE', lock: 'SHARED', rebuild: true } },
  { row: '1.1 Add FULLTEXT index: later ones do not rebuild', target: 'mysql-8.0.29', setup: FT, sql: 'ALTER TABLE t ADD FULLTEXT INDEX ft2 (body)', expect: { algorithm: 'INPLACE', lock: 'SHARED', rebuild: false } },
  { row: '1.1 Add SPATIAL index: In place, no concurrent DML (LOCK=SHARED)', target: 'mysql-8.0.20', setup: ['CREATE TABLE t (id INT PRIMARY KEY, g POINT NOT NULL SRID 0)'], sql: 'ALTER TABLE t ADD SPATIAL INDEX sg (g)', expect: { algorithm: 'INPLACE', lock: 'SHARED', rebuild: false } },
  { row: '1.1 Change index type: Instant (8.0.12+)', target: 'mysql-8.0.20', setup: T, sql: 'ALTER TABLE t DROP INDEX ib, ADD INDEX ib (b) USING BTREE', expect: { algorithm: 'INSTANT', rebuild: false } },
  { row: '1.1 Change index type: in place before INSTANT existed (8.0.11)', target: 'mysql-8.0.11', setup: T, sql: 'ALTER TABLE t DROP INDEX ib, ADD INDEX ib (b) USING BTREE', expect: { algorithm: 'INPLACE', rebuild: false } },

  // §1.2 primary keys
  { row: '1.2 Add primary key: In place, rebuilds, DML', target: 'mysql-8.0.20', setup: ['CREATE TABLE t (id INT NOT NULL, a INT NULL)'], sql: 'ALTER TABLE t ADD PRIMARY KEY (id)', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: true } },
  { row: '1.2 Drop primary key: only ALGORITHM=COPY', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t DROP PRIMARY KEY', expect: { algorithm: 'COPY', lock: 'SHARED', rebuild: true } },
  { row: '1.2 Drop primary key: INPLACE refused', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t DROP PRIMARY KEY, ALGORITHM=INPLACE', expect: { rejected: true } },
  { row: '1.2 Drop PK and add another in one statement: In place, rebuilds, DML', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, b)', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: true } },

  // §1.3 columns
  { row: '1.3 Add column: INSTANT by default since 8.0.12', target: 'mysql-8.0.20', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL', expect: { algorithm: 'INSTANT', lock: 'NONE', rebuild: false } },
  { row: '1.3 Add column: INPLACE add rebuilds (before 8.0.12)', target: 'mysql-8.0.11', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: true } },
  { row: '1.3 Add column: in place, rebuilds (5.7)', target: 'mysql-5.7', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: true } },
  { row: '1.3 Add column: INSTANT only as the last column before 8.0.29', target: 'mysql-8.0.28', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL AFTER id', expect: { algorithm: 'INPLACE', rebuild: true } },
  { row: '1.3 Add column: INSTANT at any position since 8.0.29', target: 'mysql-8.0.29', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL FIRST', expect: { algorithm: 'INSTANT', rebuild: false } },
  { row: '1.3 Add column: at most 64 row versions; the 63rd and 64th instant ALTERs are still instant', target: 'mysql-8.0.29', setup: versions(63), sql: 'ALTER TABLE t ADD COLUMN x INT NULL', expect: { algorithm: 'INSTANT', rebuild: false } },
  { row: '1.3 Add column: after 64 row versions ADD COLUMN is done in place with a rebuild', target: 'mysql-8.0.29', setup: versions(64), sql: 'ALTER TABLE t ADD COLUMN x INT NULL', expect: { algorithm: 'INPLACE', rebuild: true } },
  { row: '1.3 Add column: after 64 row versions ALGORITHM=INSTANT is refused (ERROR 4092)', target: 'mysql-8.4', setup: versions(64), sql: 'ALTER TABLE t DROP COLUMN c0, ALGORITHM=INSTANT', expect: { rejected: true } },
  { row: '1.3 Add column: a rebuild resets the row versions', target: 'mysql-8.4', setup: versions(64, ['ALTER TABLE t FORCE']), sql: 'ALTER TABLE t ADD COLUMN x INT NULL', expect: { algorithm: 'INSTANT', rebuild: false } },
  { row: '1.3 Add column: the row-version limit does not exist before 8.0.29', target: 'mysql-8.0.28', setup: versions(70), sql: 'ALTER TABLE t ADD COLUMN x INT NULL', expect: { algorithm: 'INSTANT', rebuild: false } },
  { row: '1.3 Add column: INSTANT at any position (8.4)', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL AFTER a', expect: { algorithm: 'INSTANT', rebuild: false } },
  { row: '1.3 Add column: not INSTANT on a table with a FULLTEXT index', target: 'mysql-8.4', setup: FT, sql: 'ALTER TABLE t ADD COLUMN c INT NULL', expect: { algorithm: 'INPLACE', rebuild: true } },
  { row: '1.3 Add column: not INSTANT with ROW_FORMAT=COMPRESSED', target: 'mysql-8.0.29', setup: ['CREATE TABLE t (id INT PRIMARY KEY) ROW_FORMAT=COMPRESSED'], sql: 'ALTER TABLE t ADD COLUMN c INT NULL', expect: { algorithm: 'INPLACE', rebuild: true } },
  { row: '1.3 Add column: cannot be combined with non-INSTANT actions', target: 'mysql-8.0.29', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL, ADD INDEX ic (c)', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: true } },
  { row: '1.3 Add column: ALGORITHM=INSTANT with a non-instant action is refused', target: 'mysql-8.0.29', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL, ADD INDEX ic (c), ALGORITHM=INSTANT', expect: { rejected: true } },
  { row: '1.3 Add column: AUTO_INCREMENT column needs at least INPLACE, LOCK=SHARED', target: 'mysql-8.0.29', setup: ['CREATE TABLE t (id INT NOT NULL, a INT NULL)'], sql: 'ALTER TABLE t ADD COLUMN seq INT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY (seq)', expect: { algorithm: 'INPLACE', lock: 'SHARED', rebuild: true } },
  { row: '1.3 Drop column: INPLACE, rebuilds, before 8.0.29', target: 'mysql-8.0.28', setup: T, sql: 'ALTER TABLE t DROP COLUMN a', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: true } },
  { row: '1.3 Drop column: INSTANT since 8.0.29', target: 'mysql-8.0.29', setup: T, sql: 'ALTER TABLE t DROP COLUMN a', expect: { algorithm: 'INSTANT', rebuild: false } },
  { row: '1.3 Drop column: INSTANT (8.4)', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t DROP COLUMN s', expect: { algorithm: 'INSTANT', rebuild: false } },
  { row: '1.3 Rename column: in place, metadata only, before 8.0.28', target: 'mysql-8.0.20', setup: T, sql: 'ALTER TABLE t RENAME COLUMN a TO a2', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: false } },
  { row: '1.3 Rename column: INSTANT since 8.0.28', target: 'mysql-8.0.28', setup: T, sql: 'ALTER TABLE t CHANGE a a2 INT NULL', expect: { algorithm: 'INSTANT', rebuild: false } },
  { row: '1.3 Rename column referenced from another table: INPLACE only', target: 'mysql-8.0.29', setup: [...FK.slice(0, 1), 'CREATE TABLE c (id INT PRIMARY KEY, p_id INT NULL, CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id))'], sql: 'ALTER TABLE p RENAME COLUMN id TO pid', expect: { algorithm: 'INPLACE', rebuild: false } },
  { row: '1.3 Rename column referenced from another table: INSTANT fails', target: 'mysql-8.0.29', setup: [...FK.slice(0, 1), 'CREATE TABLE c (id INT PRIMARY KEY, p_id INT NULL, CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id))'], sql: 'ALTER TABLE p RENAME COLUMN id TO pid, ALGORITHM=INSTANT', expect: { rejected: true } },
  { row: '1.3 Rename column referenced from another table: COPY fails', target: 'mysql-8.0.29', setup: [...FK.slice(0, 1), 'CREATE TABLE c (id INT PRIMARY KEY, p_id INT NULL, CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id))'], sql: 'ALTER TABLE p RENAME COLUMN id TO pid, ALGORITHM=COPY', expect: { rejected: true } },
  { row: '1.3 Reorder columns: In place, rebuilds', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t MODIFY a INT NULL AFTER s', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: true } },
  { row: '1.3 Set column default: Instant', target: 'mysql-8.0.20', setup: T, sql: 'ALTER TABLE t ALTER COLUMN a SET DEFAULT 5', expect: { algorithm: 'INSTANT', rebuild: false } },
  { row: '1.3 Set column default: in place, metadata only (5.7)', target: 'mysql-5.7', setup: T, sql: 'ALTER TABLE t ALTER COLUMN a SET DEFAULT 5', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: false } },
  { row: '1.3 Drop column default: Instant', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t ALTER COLUMN b DROP DEFAULT', expect: { algorithm: 'INSTANT', rebuild: false } },
  { row: '1.3 Change column data type: COPY only', target: 'mysql-8.0.29', setup: T, sql: 'ALTER TABLE t MODIFY a BIGINT NULL', expect: { algorithm: 'COPY', lock: 'SHARED', rebuild: true } },
  { row: '1.3 Change column data type: INPLACE refused', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t MODIFY a BIGINT NULL, ALGORITHM=INPLACE, LOCK=NONE', expect: { rejected: true } },
  { row: '1.3 Extend VARCHAR size: in place within the same length-byte class', target: 'mysql-8.0.20', setup: T, sql: 'ALTER TABLE t MODIFY s VARCHAR(60) NULL', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: false } },
  { row: '1.3 Extend VARCHAR size: crossing 255 bytes (utf8mb4 50→100 chars) is COPY', target: 'mysql-8.4', setup: T, sql: "ALTER TABLE t MODIFY b VARCHAR(100) NOT NULL DEFAULT ''", expect: { algorithm: 'COPY', rebuild: true } },
  { row: '1.3 Extend VARCHAR size: latin1 100→300 crosses 255 bytes (COPY on MySQL)', target: 'mysql-8.0.29', setup: LATIN1, sql: 'ALTER TABLE t MODIFY s VARCHAR(300) NULL', expect: { algorithm: 'COPY', rebuild: true } },
  { row: '1.3 Extend VARCHAR size: shrinking is COPY', target: 'mysql-5.7', setup: T, sql: 'ALTER TABLE t MODIFY s VARCHAR(5) NULL', expect: { algorithm: 'COPY', rebuild: true } },
  { row: '1.3 Change AUTO_INCREMENT value: in place, no rebuild', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t AUTO_INCREMENT = 100', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: false } },
  { row: '1.3 Make column NULL: in place, rebuilds', target: 'mysql-8.0.20', setup: T, sql: "ALTER TABLE t MODIFY b VARCHAR(50) NULL DEFAULT ''", expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: true } },
  { row: '1.3 Make column NOT NULL: in place, rebuilds (strict sql_mode)', target: 'mysql-8.0.20', setup: T, sql: 'ALTER TABLE t MODIFY a INT NOT NULL', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: true } },
  { row: '1.3 Modify ENUM: appending members is Instant', target: 'mysql-8.0.20', setup: ENUM, sql: "ALTER TABLE t MODIFY st ENUM('a','b','c','d') NOT NULL DEFAULT 'a'", expect: { algorithm: 'INSTANT', rebuild: false } },
  { row: '1.3 Modify ENUM: appending members, in place metadata only (5.7)', target: 'mysql-5.7', setup: ENUM, sql: "ALTER TABLE t MODIFY st ENUM('a','b','c','d') NOT NULL DEFAULT 'a'", expect: { algorithm: 'INPLACE', rebuild: false } },
  { row: '1.3 Modify ENUM: inserting in the middle is COPY', target: 'mysql-8.4', setup: ENUM, sql: "ALTER TABLE t MODIFY st ENUM('a','x','b','c') NOT NULL DEFAULT 'a'", expect: { algorithm: 'COPY', rebuild: true } },

  // §1.4 generated columns
  { row: '1.4 Add STORED column: COPY', target: 'mysql-8.4', setup: GEN, sql: 'ALTER TABLE t ADD COLUMN s2 INT AS (a * 3) STORED', expect: { algorithm: 'COPY', rebuild: true } },
  { row: '1.4 Drop STORED column: in place, rebuilds', target: 'mysql-8.4', setup: GEN, sql: 'ALTER TABLE t DROP COLUMN st', expect: { algorithm: 'INPLACE', rebuild: true } },
  { row: '1.4 Add VIRTUAL column: Instant', target: 'mysql-8.0.20', setup: GEN, sql: 'ALTER TABLE t ADD COLUMN v2 INT AS (a + 2) VIRTUAL', expect: { algorithm: 'INSTANT', rebuild: false } },
  { row: '1.4 Add VIRTUAL column: not in place for partitioned tables', target: 'mysql-8.4', setup: RANGE, sql: 'ALTER TABLE t ADD COLUMN v2 INT AS (id + 2) VIRTUAL', expect: { algorithm: 'COPY' } },
  { row: '1.4 Drop VIRTUAL column: Instant', target: 'mysql-8.4', setup: GEN, sql: 'ALTER TABLE t DROP COLUMN v', expect: { algorithm: 'INSTANT', rebuild: false } },
  { row: '1.4 Reorder VIRTUAL column: COPY', target: 'mysql-8.4', setup: GEN, sql: 'ALTER TABLE t MODIFY v INT AS (a + 1) VIRTUAL FIRST', expect: { algorithm: 'COPY', rebuild: true } },

  // §1.5 foreign keys
  { row: '1.5 Add FK: COPY only unless foreign_key_checks=0', target: 'mysql-8.0.20', setup: FK, sql: 'ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id)', expect: { algorithm: 'COPY', rebuild: true } },
  { row: '1.5 Add FK: INPLACE refused with foreign_key_checks=1', target: 'mysql-8.4', setup: FK, sql: 'ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id), ALGORITHM=INPLACE', expect: { rejected: true } },
  { row: '1.5 Add FK: INPLACE, metadata only, with foreign_key_checks=0', target: 'mysql-8.4', setup: FK, session: FKC_OFF, sql: 'ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id)', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: false } },
  { row: '1.5 Drop FK: in place, metadata only', target: 'mysql-8.0.29', setup: FK_CASCADE, sql: 'ALTER TABLE c DROP FOREIGN KEY fk', expect: { algorithm: 'INPLACE', rebuild: false } },
  { row: '1.5 / Limitations: LOCK=NONE not permitted with ON … CASCADE constraints', target: 'mysql-8.4', setup: FK_CASCADE, sql: 'ALTER TABLE c ADD INDEX inote (note), LOCK=NONE', expect: { lock: 'SHARED', rejected: true } },

  // §1.6 table operations
  { row: '1.7 Enable/disable file-per-table encryption (ENCRYPTION=): not in place, rebuilds, no concurrent DML', target: 'mysql-8.0.20', setup: T, sql: "ALTER TABLE t ENCRYPTION = 'Y'", expect: { algorithm: 'COPY', lock: 'SHARED', rebuild: true } },
  { row: '1.7 Rename general tablespace: in place, no rebuild, DML permitted', target: 'mysql-8.4', sql: 'ALTER TABLESPACE ts1 RENAME TO ts2', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: false } },
  { row: '1.7 Enable/disable general-tablespace encryption: in place, no rebuild, DML permitted', target: 'mysql-8.0.20', sql: "ALTER TABLESPACE ts1 ENCRYPTION = 'Y'", expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: false } },
  { row: '1.7 file-per-table encryption: INPLACE refused', target: 'mysql-8.4', setup: T, sql: "ALTER TABLE t ENCRYPTION = 'N', ALGORITHM=INPLACE", expect: { rejected: true } },
  { row: '1.6 a table option in no row of the tables: the conservative answer', target: 'mysql-8.4', setup: T, sql: "ALTER TABLE t SECONDARY_ENGINE = 'rapid'", expect: { algorithm: 'COPY', lock: 'SHARED', rebuild: true } },
  { row: '1.3 Change column data type: the BINARY attribute is a _bin collation', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t MODIFY s VARCHAR(10) BINARY NULL', expect: { algorithm: 'COPY', lock: 'SHARED', rebuild: true } },
  { row: '1.3 Change column data type: a spatial SRID is part of the type', target: 'mysql-8.4', setup: ['CREATE TABLE t (id INT PRIMARY KEY, g POINT NOT NULL)'], sql: 'ALTER TABLE t MODIFY g POINT NOT NULL SRID 4326', expect: { algorithm: 'COPY', rebuild: true } },
  { row: '1.3 Change column data type: removing AUTO_INCREMENT', target: 'mysql-8.0.20', setup: ['CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY)'], sql: 'ALTER TABLE t MODIFY id INT NOT NULL', expect: { algorithm: 'COPY', rebuild: true } },
  { row: '1.3 Change column data type: ZEROFILL implies UNSIGNED', target: 'mysql-8.0.20', setup: T, sql: 'ALTER TABLE t MODIFY a INT ZEROFILL NULL', expect: { algorithm: 'COPY', rebuild: true } },
  { row: '1.6 ROW_FORMAT: in place, rebuilds', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t ROW_FORMAT = COMPACT', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: true } },
  { row: '1.6 KEY_BLOCK_SIZE: in place, rebuilds', target: 'mysql-8.0.20', setup: T, sql: 'ALTER TABLE t KEY_BLOCK_SIZE = 8', expect: { algorithm: 'INPLACE', rebuild: true } },
  { row: '1.6 Persistent statistics options: in place, metadata only', target: 'mysql-8.0.20', setup: T, sql: 'ALTER TABLE t STATS_PERSISTENT = 0', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: false } },
  { row: '1.6 Specify a character set: rebuilds if the encoding differs', target: 'mysql-8.0.20', setup: T, sql: 'ALTER TABLE t CHARACTER SET = latin1', expect: { algorithm: 'INPLACE', rebuild: true } },
  { row: '1.6 Convert a character set (no character column to convert): in place, rebuilds, no concurrent DML', target: 'mysql-8.4', setup: ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, n INT NULL) DEFAULT CHARSET=latin1'], sql: 'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4', expect: { algorithm: 'INPLACE', lock: 'SHARED', rebuild: true } },
  { row: '1.3 Change column data type: CONVERT TO changes each character column\'s type, COPY like the per-column MODIFY', target: 'mysql-8.4', setup: LATIN1, sql: 'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4', expect: { algorithm: 'COPY', lock: 'SHARED', rebuild: true } },
  { row: '1.3 Change column data type: the same change written per column', target: 'mysql-8.4', setup: LATIN1, sql: 'ALTER TABLE t MODIFY s VARCHAR(100) CHARACTER SET utf8mb4 NULL', expect: { algorithm: 'COPY', lock: 'SHARED', rebuild: true } },
  { row: '1.6 OPTIMIZE TABLE: in place, rebuilds', target: 'mysql-8.0.20', setup: T, sql: 'OPTIMIZE TABLE t', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: true } },
  { row: '1.6 OPTIMIZE TABLE: not in place with FULLTEXT indexes', target: 'mysql-8.0.20', setup: FT, sql: 'OPTIMIZE TABLE t', expect: { algorithm: 'COPY', rebuild: true } },
  { row: '1.6 ALTER TABLE … FORCE: in place, rebuilds', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t FORCE', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: true } },
  { row: '1.6 Null rebuild ENGINE=InnoDB: in place, rebuilds', target: 'mysql-5.7', setup: T, sql: 'ALTER TABLE t ENGINE = InnoDB', expect: { algorithm: 'INPLACE', lock: 'NONE', rebuild: true } },
  { row: '1.6 Rename table: Instant, DML permitted', target: 'mysql-8.0.20', setup: T, sql: 'ALTER TABLE t RENAME TO t2', expect: { algorithm: 'INSTANT', lock: 'NONE', rebuild: false } },
  { row: '1.6 Rename table: in place, metadata only (5.7)', target: 'mysql-5.7', setup: T, sql: 'ALTER TABLE t RENAME TO t2', expect: { algorithm: 'INPLACE', rebuild: false } },

  // §1.8 partitioning
  { row: '1.8 PARTITION BY: ALGORITHM=COPY, LOCK at least SHARED', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t PARTITION BY HASH (id) PARTITIONS 2', expect: { algorithm: 'COPY', lock: 'SHARED', rebuild: true } },
  { row: '1.8 ADD PARTITION RANGE/LIST: INPLACE with LOCK up to NONE', target: 'mysql-8.0.20', setup: RANGE, sql: 'ALTER TABLE t ADD PARTITION (PARTITION p2 VALUES LESS THAN (30))', expect: { algorithm: 'INPLACE', lock: 'NONE' } },
  { row: '1.8 ADD PARTITION HASH/KEY: INPLACE, LOCK at least SHARED', target: 'mysql-8.4', setup: HASH, sql: 'ALTER TABLE t ADD PARTITION PARTITIONS 2', expect: { algorithm: 'INPLACE', lock: 'SHARED' } },
  { row: '1.8 DROP PARTITION: INPLACE, LOCK up to NONE', target: 'mysql-8.4', setup: RANGE, sql: 'ALTER TABLE t DROP PARTITION p0', expect: { algorithm: 'INPLACE', lock: 'NONE' } },
  { row: '1.8 COALESCE PARTITION: INPLACE, LOCK at least SHARED', target: 'mysql-8.0.29', setup: HASH, sql: 'ALTER TABLE t COALESCE PARTITION 2', expect: { algorithm: 'INPLACE', lock: 'SHARED' } },
  { row: '1.8 REORGANIZE PARTITION: INPLACE, LOCK at least SHARED', target: 'mysql-8.0.29', setup: RANGE, sql: 'ALTER TABLE t REORGANIZE PARTITION p1 INTO (PARTITION p1a VALUES LESS THAN (15), PARTITION p1b VALUES LESS THAN (20))', expect: { algorithm: 'INPLACE', lock: 'SHARED' } },
  { row: '1.8 ADD PARTITION RANGE/LIST: no partition re-created', target: 'mysql-8.4', setup: RANGE, sql: 'ALTER TABLE t ADD PARTITION (PARTITION p2 VALUES LESS THAN (30))', expect: { rebuild: false, rewritesPartitions: null } },
  { row: '1.8 ADD PARTITION HASH/KEY: rows move between all partitions, the table is not rebuilt', target: 'mysql-8.4', setup: HASH, sql: 'ALTER TABLE t ADD PARTITION PARTITIONS 2', expect: { rebuild: false, rewritesPartitions: 'all' } },
  { row: '1.8 COALESCE PARTITION: every partition re-created, not the table', target: 'mysql-8.4', setup: HASH, sql: 'ALTER TABLE t COALESCE PARTITION 2', expect: { rebuild: false, rewritesPartitions: 'all' } },
  { row: '1.8 REORGANIZE PARTITION: only the named partitions', target: 'mysql-8.4', setup: RANGE, sql: 'ALTER TABLE t REORGANIZE PARTITION p1 INTO (PARTITION p1a VALUES LESS THAN (15), PARTITION p1b VALUES LESS THAN (20))', expect: { rebuild: false, rewritesPartitions: ['p1'] } },
  { row: '1.8 REBUILD PARTITION: only the named partitions', target: 'mysql-8.0.29', setup: RANGE, sql: 'ALTER TABLE t REBUILD PARTITION p0, p1', expect: { algorithm: 'INPLACE', lock: 'SHARED', rebuild: false, rewritesPartitions: ['p0', 'p1'] } },
  { row: '1.8 TRUNCATE PARTITION: only the named partition, no data copy', target: 'mysql-8.4', setup: RANGE, sql: 'ALTER TABLE t TRUNCATE PARTITION p0', expect: { rebuild: false, rewritesPartitions: ['p0'] } },
  { row: '1.8 EXCHANGE PARTITION: nothing re-created', target: 'mysql-8.4', setup: [...RANGE, 'CREATE TABLE x (id INT NOT NULL PRIMARY KEY)'], sql: 'ALTER TABLE t EXCHANGE PARTITION p0 WITH TABLE x', expect: { rebuild: false, rewritesPartitions: null } },
  { row: '1.8 OPTIMIZE PARTITION: rebuilds the whole table', target: 'mysql-8.4', setup: RANGE, sql: 'ALTER TABLE t OPTIMIZE PARTITION p0', expect: { rebuild: true, rewritesPartitions: null } },
  { row: '1.8 REMOVE PARTITIONING: ALGORITHM=COPY', target: 'mysql-8.4', setup: RANGE, sql: 'ALTER TABLE t REMOVE PARTITIONING', expect: { algorithm: 'COPY', lock: 'SHARED', rebuild: true } },

  // ALTER TABLE page (ORDER BY copies the table in that order) and "Importing InnoDB Tables" (DISCARD/IMPORT TABLESPACE)
  { row: 'alter-table.html ORDER BY: the new table is created with the rows in that order (a copy)', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t ORDER BY a', expect: { algorithm: 'COPY', lock: 'SHARED', rebuild: true } },
  { row: 'alter-table.html ORDER BY: a copy, so ALGORITHM=INPLACE is refused', target: 'mysql-8.0.35', setup: T, sql: 'ALTER TABLE t ALGORITHM=INPLACE, ORDER BY a', expect: { rejected: true } },
  { row: 'innodb-table-import.html DISCARD TABLESPACE: deletes the data file, no copy, exclusive lock', target: 'mysql-8.0.35', setup: T, sql: 'ALTER TABLE t DISCARD TABLESPACE', expect: { algorithm: 'INSTANT', lock: 'EXCLUSIVE', rebuild: false } },
  { row: 'innodb-table-import.html IMPORT TABLESPACE: reads the copied-in file, exclusive lock, no rebuild', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t IMPORT TABLESPACE', expect: { algorithm: 'INPLACE', lock: 'EXCLUSIVE', rebuild: false } },

  // §1.9 ALGORITHM / LOCK semantics, and syntax MySQL does not have
  { row: '1.9 the requested ALGORITHM must be honoured (no silent fallback)', target: 'mysql-8.0.20', setup: T, sql: 'ALTER TABLE t MODIFY a INT NOT NULL, ALGORITHM=INSTANT', expect: { rejected: true } },
  { row: '1.9 ALGORITHM=INPLACE on an instant-capable ADD COLUMN is accepted (runs in place)', target: 'mysql-8.0.29', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL, ALGORITHM=INPLACE, LOCK=NONE', expect: { algorithm: 'INSTANT', rejected: false } },
  { row: 'hazards.md locking-algorithm: ALGORITHM=INSTANT with LOCK=NONE is error 1221 on MySQL', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL, ALGORITHM=INSTANT, LOCK=NONE', expect: { rejected: true } },
  { row: '1.9 LOCK=NONE cannot be honoured by ALGORITHM=COPY (COPY permits no concurrent DML)', target: 'mysql-8.0.29', setup: T, sql: 'ALTER TABLE t FORCE, ALGORITHM=COPY, LOCK=NONE', expect: { algorithm: 'INPLACE', rejected: true } },
  { row: '1.9 LOCK=SHARED is honoured by ALGORITHM=COPY', target: 'mysql-8.0.29', setup: T, sql: 'ALTER TABLE t FORCE, ALGORITHM=COPY, LOCK=SHARED', expect: { rejected: false } },
  { row: '§4.2 ALGORITHM=NOCOPY is not MySQL syntax', target: 'mysql-8.4', setup: T, sql: 'ALTER TABLE t ADD INDEX ia (a), ALGORITHM=NOCOPY', expect: { rejected: true } },
];

function predictFor(c: ManualCase): Prediction | null {
  const target = parseTarget(c.target)!;
  const text = [...(c.setup ?? []), ...(c.session ?? []), c.sql].map((s) => `${s};`).join('\n');
  const statements = parseFile(text, { target });
  const catalog = emptyCatalog();
  let session: SessionState = initialSession();
  for (const st of statements.slice(0, -1)) {
    applyStatement(catalog, st, 'setup.sql');
    session = nextSession(session, st);
  }
  return predict(statements[statements.length - 1], catalog, target, session);
}

for (const c of CASES) {
  test(`${c.target}: ${c.row}`, () => {
    const p = predictFor(c);
    assert.ok(p, `no prediction for ${c.sql}`);
    const got = {
      ...(c.expect.algorithm !== undefined ? { algorithm: p.algorithm } : {}),
      ...(c.expect.lock !== undefined ? { lock: p.lock } : {}),
      ...(c.expect.rebuild !== undefined ? { rebuild: p.rebuild } : {}),
      ...(c.expect.rejected !== undefined ? { rejected: p.rejected !== undefined } : {}),
      ...(c.expect.rewritesPartitions !== undefined ? { rewritesPartitions: p.rewritesPartitions ?? null } : {}),
    };
    assert.deepEqual(got, c.expect, `${c.sql}\n→ ${p.reason}${p.rejected ? `\n  rejected: ${p.rejected}` : ''}`);
  });
}
