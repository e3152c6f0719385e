// Statement cases for the online-DDL oracle: each runs against the live server and through the
// engine. `covers` names the online-ddl.md §3.1 group/row or the hazards.md rule id it exercises.
import type { OracleCase } from './oracle-measure';

const ROWS = "INSERT INTO t (id, a, b) VALUES (1, 1, 'x'), (2, NULL, 'y'), (3, 3, 'z')";
/** the everyday table: INT PK, nullable INT, VARCHAR(50) utf8mb4 (200 bytes) */
const T = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL, b VARCHAR(50) NOT NULL DEFAULT \'\', KEY ib (b)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4', ROWS];
const T_NOIDX = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL, b VARCHAR(50) NOT NULL DEFAULT \'\') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4', ROWS];
const T_FULLTEXT = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL, b VARCHAR(50) NOT NULL DEFAULT \'\', body TEXT, FULLTEXT KEY ft (body)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4', ROWS];
const T_SPATIAL = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL, b VARCHAR(50) NOT NULL DEFAULT \'\', g POINT NOT NULL, SPATIAL KEY sg (g)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4', "INSERT INTO t VALUES (1, 1, 'x', POINT(1, 1)), (2, NULL, 'y', POINT(2, 2))"];
const T_COMPRESSED = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL, b VARCHAR(50) NOT NULL DEFAULT \'\') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ROW_FORMAT=COMPRESSED', ROWS];
const T_REDUNDANT = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NOT NULL DEFAULT 0, b VARCHAR(50) NOT NULL DEFAULT \'\') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ROW_FORMAT=REDUNDANT', "INSERT INTO t VALUES (1, 1, 'x'), (2, 2, 'y')"];
const T_LATIN1 = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL, b VARCHAR(200) NOT NULL DEFAULT \'\', s VARCHAR(100) NOT NULL DEFAULT \'\', m VARCHAR(128) NOT NULL DEFAULT \'\') ENGINE=InnoDB DEFAULT CHARSET=latin1', "INSERT INTO t (id, a, b) VALUES (1, 1, 'x'), (2, 2, 'y')"];
const T_MB3 = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL, b VARCHAR(50) NOT NULL DEFAULT \'\', c VARCHAR(20) NOT NULL DEFAULT \'\', KEY ic (c)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3', "INSERT INTO t (id, a, b) VALUES (1, 1, 'x'), (2, 2, 'y')"];
const T_ENUM = ["CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL, b VARCHAR(50) NOT NULL DEFAULT '', st ENUM('a','b','c') NOT NULL DEFAULT 'a', fl SET('x','y') NOT NULL DEFAULT '', e8 SET('1','2','3','4','5','6','7','8') NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4", "INSERT INTO t (id, a, b, st) VALUES (1, 1, 'x', 'a'), (2, 2, 'y', 'b')"];
const T_GEN = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL, b VARCHAR(50) NOT NULL DEFAULT \'\', v INT AS (a + 1) VIRTUAL, s INT AS (a * 2) STORED) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4', "INSERT INTO t (id, a, b) VALUES (1, 1, 'x'), (2, 2, 'y')"];
const T_NOPK = ['CREATE TABLE t (id INT NOT NULL, a INT NULL, b VARCHAR(50) NOT NULL DEFAULT \'\') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4', ROWS];
const PARENT = 'CREATE TABLE p (id INT NOT NULL PRIMARY KEY, code VARCHAR(20) NOT NULL DEFAULT \'\') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4';
const PARENT_ROWS = "INSERT INTO p VALUES (1, 'a'), (2, 'b'), (3, 'c')";
const CHILD = ['CREATE TABLE c (id INT NOT NULL PRIMARY KEY, p_id INT NULL, q_id INT NULL, note VARCHAR(20) NULL, KEY ip (p_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4', 'INSERT INTO c VALUES (1, 1, 1, NULL), (2, 2, 2, NULL)'];
const WITH_FK = [PARENT, PARENT_ROWS, 'CREATE TABLE c (id INT NOT NULL PRIMARY KEY, p_id INT NULL, note VARCHAR(20) NULL, CONSTRAINT fk_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4', 'INSERT INTO c VALUES (1, 1, NULL), (2, 2, NULL)'];
const RANGE = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL) ENGINE=InnoDB PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN (20), PARTITION pmax VALUES LESS THAN MAXVALUE)', 'INSERT INTO t VALUES (1, 1), (15, 2), (25, 3)'];
const RANGE_OPEN = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL) ENGINE=InnoDB PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN (20))', 'INSERT INTO t VALUES (1, 1), (15, 2)'];
const HASH = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT NULL) ENGINE=InnoDB PARTITION BY HASH (id) PARTITIONS 3', 'INSERT INTO t VALUES (1, 1), (2, 2), (3, 3)'];
const FKC_OFF = ['SET SESSION foreign_key_checks = 0'];

export const ORACLE_CASES: OracleCase[] = [
  // ---- INSTANT: adding columns
  { name: 'add column at end', covers: '§3.1 INSTANT add column; not-null-without-default', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL' },
  { name: 'add column FIRST', covers: '§3.1 INSTANT add FIRST; column-reorder', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL FIRST' },
  { name: 'add column AFTER', covers: '§3.1 INSTANT add AFTER; column-reorder', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL AFTER id' },
  { name: 'add NOT NULL without default', covers: 'not-null-without-default', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NOT NULL' },
  { name: 'add NOT NULL with default', covers: '§3.1 INSTANT NOT NULL with default', setup: T, sql: "ALTER TABLE t ADD COLUMN c VARCHAR(10) NOT NULL DEFAULT 'n'" },
  { name: 'add column DEFAULT CURRENT_TIMESTAMP', covers: '§3.1 INSTANT CURRENT_TIMESTAMP default', setup: T, sql: 'ALTER TABLE t ADD COLUMN ts TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP' },
  { name: 'add column DEFAULT (NOW() + INTERVAL)', covers: '§3.1 INSTANT expression default', setup: T, sql: 'ALTER TABLE t ADD COLUMN due DATETIME NULL DEFAULT (NOW() + INTERVAL 1 DAY)' },
  { name: 'add column DEFAULT (RAND())', covers: '§3.1 INSTANT RAND() default; volatile-default', setup: T, sql: 'ALTER TABLE t ADD COLUMN r DOUBLE NULL DEFAULT (RAND())' },
  { name: 'add column DEFAULT (UUID())', covers: '§3.1 COPY UUID() default; volatile-default', setup: T, sql: 'ALTER TABLE t ADD COLUMN u CHAR(36) NULL DEFAULT (UUID())' },
  { name: 'add two columns', covers: '§3.1 INSTANT several columns', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL, ADD COLUMN d INT NULL' },
  { name: 'add and drop column', covers: '§3.1 INSTANT ADD + DROP', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL, DROP COLUMN a' },
  { name: 'add column INSTANT asserted', covers: 'missing-online-assertion', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL', clause: 'ALGORITHM=INSTANT' },
  { name: 'add column INPLACE LOCK=NONE asserted', covers: '§4.1.3 INPLACE means INPLACE or better', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL', clause: 'ALGORITHM=INPLACE, LOCK=NONE' },
  { name: 'add column on COMPRESSED', covers: '§3.1 INPLACE rebuild: ADD COLUMN on COMPRESSED', setup: T_COMPRESSED, sql: 'ALTER TABLE t ADD COLUMN c INT NULL' },
  { name: 'add column on COMPRESSED, INSTANT asserted', covers: '§3.2 1845 INSTANT not supported', setup: T_COMPRESSED, sql: 'ALTER TABLE t ADD COLUMN c INT NULL', clause: 'ALGORITHM=INSTANT' },
  { name: 'add column on FULLTEXT table', covers: '§3.1 INPLACE SHARED: ADD COLUMN with FULLTEXT', setup: T_FULLTEXT, sql: 'ALTER TABLE t ADD COLUMN c INT NULL' },
  { name: 'add column on FULLTEXT table, LOCK=NONE', covers: '§3.2 Fulltext index creation requires a lock', setup: T_FULLTEXT, sql: 'ALTER TABLE t ADD COLUMN c INT NULL', clause: 'LOCK=NONE' },
  { name: 'add AUTO_INCREMENT column', covers: '§3.1 INPLACE SHARED auto-increment; add-auto-increment-column', setup: T_NOPK.slice(0, 1).concat(["INSERT INTO t (id, a) VALUES (1, 1), (2, 2)"]), sql: 'ALTER TABLE t ADD COLUMN seq INT NOT NULL AUTO_INCREMENT UNIQUE' },
  { name: 'add AUTO_INCREMENT column, LOCK=NONE', covers: '§3.2 Adding an auto-increment column requires a lock', setup: T_NOPK.slice(0, 1), sql: 'ALTER TABLE t ADD COLUMN seq INT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY (seq)', clause: 'LOCK=NONE' },
  { name: 'add column on partitioned table', covers: 'add column on partitioned table', setup: RANGE, sql: 'ALTER TABLE t ADD COLUMN c INT NULL' },

  // ---- INSTANT: dropping, reordering, renaming
  { name: 'drop column', covers: '§3.1 INSTANT DROP COLUMN; drop-column', setup: T, sql: 'ALTER TABLE t DROP COLUMN a' },
  { name: 'drop indexed column', covers: '§3.1 NOCOPY drop indexed column; drop-column', setup: T, sql: 'ALTER TABLE t DROP COLUMN b' },
  { name: 'drop indexed column, INSTANT asserted', covers: 'drop-column not instant when indexed', setup: T, sql: 'ALTER TABLE t DROP COLUMN b', clause: 'ALGORITHM=INSTANT' },
  { name: 'drop column on FULLTEXT table', covers: 'drop column with FULLTEXT', setup: T_FULLTEXT, sql: 'ALTER TABLE t DROP COLUMN a' },
  { name: 'drop STORED generated column', covers: '§3.1 INSTANT drop STORED', setup: T_GEN, sql: 'ALTER TABLE t DROP COLUMN s' },
  { name: 'reorder column MODIFY AFTER', covers: '§3.1 INSTANT reorder; column-reorder', setup: T, sql: 'ALTER TABLE t MODIFY a INT NULL AFTER b' },
  { name: 'reorder column MODIFY FIRST', covers: '§3.1 INSTANT reorder; column-reorder', setup: T, sql: 'ALTER TABLE t MODIFY b VARCHAR(50) NOT NULL DEFAULT \'\' FIRST' },
  { name: 'rename column', covers: '§3.1 INSTANT RENAME COLUMN; rename-column', setup: T, sql: 'ALTER TABLE t RENAME COLUMN a TO a2' },
  { name: 'rename indexed column', covers: 'rename-column, indexed', setup: T, sql: 'ALTER TABLE t RENAME COLUMN b TO b2' },
  { name: 'CHANGE same type', covers: '§3.1 INSTANT CHANGE same type; rename-column', setup: T, sql: 'ALTER TABLE t CHANGE a a2 INT NULL' },
  { name: 'CHANGE rename + widen VARCHAR', covers: '§3.1 INSTANT rename + widen', setup: T_NOIDX, sql: "ALTER TABLE t CHANGE b b2 VARCHAR(60) NOT NULL DEFAULT ''" },
  { name: 'CHANGE rename + type change', covers: 'rename-column + change-column-type', setup: T, sql: 'ALTER TABLE t CHANGE a a2 BIGINT NULL' },
  { name: 'rename FK child column', covers: '§3.1 INSTANT rename FK child column', setup: WITH_FK, sql: 'ALTER TABLE c RENAME COLUMN p_id TO parent_id' },
  { name: 'rename FK parent column', covers: '§3.1 INSTANT rename FK parent column', setup: WITH_FK, sql: 'ALTER TABLE p CHANGE id pid INT NOT NULL' },
  { name: 'rename FK parent column, COPY', covers: '§3.2 Columns participating in a foreign key are renamed', setup: WITH_FK, sql: 'ALTER TABLE p CHANGE id pid INT NOT NULL', clause: 'ALGORITHM=COPY' },
  { name: 'rename column on FULLTEXT table', covers: 'rename column with FULLTEXT present', setup: T_FULLTEXT, sql: 'ALTER TABLE t RENAME COLUMN a TO a2' },

  // ---- defaults and attributes
  { name: 'SET DEFAULT', covers: '§3.1 INSTANT SET DEFAULT', setup: T, sql: 'ALTER TABLE t ALTER COLUMN a SET DEFAULT 5' },
  { name: 'DROP DEFAULT', covers: '§3.1 INSTANT DROP DEFAULT; drop-default', setup: T, sql: 'ALTER TABLE t ALTER COLUMN b DROP DEFAULT' },
  { name: 'MODIFY default only', covers: '§3.1 INSTANT MODIFY default only', setup: T, sql: 'ALTER TABLE t MODIFY a INT NULL DEFAULT 7' },
  { name: 'MODIFY comment only', covers: '§3.1 INSTANT MODIFY comment', setup: T, sql: "ALTER TABLE t MODIFY a INT NULL COMMENT 'the a'" },
  { name: 'MODIFY INVISIBLE', covers: '§3.1 INSTANT MODIFY INVISIBLE', setup: T, sql: 'ALTER TABLE t MODIFY a INT NULL INVISIBLE' },
  { name: 'MODIFY INT display width', covers: '§3.1 INSTANT display width', setup: T, sql: 'ALTER TABLE t MODIFY a INT(5) NULL' },
  { name: 'MODIFY nothing', covers: '§3.1 INSTANT MODIFY unchanged', setup: T, sql: 'ALTER TABLE t MODIFY a INT NULL' },
  { name: 'NULL to NOT NULL', covers: '§3.1 INPLACE rebuild NULL->NOT NULL; set-not-null', setup: T_NOIDX.slice(0, 1).concat(["INSERT INTO t VALUES (1, 1, 'x'), (2, 2, 'y')"]), sql: 'ALTER TABLE t MODIFY a INT NOT NULL' },
  { name: 'NULL to NOT NULL INSTANT asserted', covers: 'set-not-null never instant', setup: T_NOIDX.slice(0, 1), sql: 'ALTER TABLE t MODIFY a INT NOT NULL', clause: 'ALGORITHM=INSTANT' },
  { name: 'NOT NULL to NULL', covers: '§3.1 INPLACE rebuild NOT NULL->NULL', setup: T, sql: "ALTER TABLE t MODIFY b VARCHAR(50) NULL DEFAULT ''" },
  { name: 'NOT NULL to NULL REDUNDANT', covers: '§3.1 INSTANT NOT NULL->NULL under REDUNDANT', setup: T_REDUNDANT, sql: 'ALTER TABLE t MODIFY a INT NULL DEFAULT 0' },
  { name: 'CHANGE to NOT NULL', covers: 'set-not-null via CHANGE', setup: T_NOIDX.slice(0, 1), sql: 'ALTER TABLE t CHANGE a a INT NOT NULL DEFAULT 0' },

  // ---- VARCHAR length
  { name: 'VARCHAR grow within 1..255 bytes', covers: '§3.1 INSTANT VARCHAR growth; varchar-length-change', setup: T_LATIN1, sql: "ALTER TABLE t MODIFY b VARCHAR(250) NOT NULL DEFAULT ''" },
  { name: 'VARCHAR latin1 300->400', covers: '§3.1 INSTANT VARCHAR growth within >=256 bytes', setup: ['CREATE TABLE t (id INT PRIMARY KEY, w VARCHAR(300) NULL) DEFAULT CHARSET=latin1', 'INSERT INTO t VALUES (1, NULL)'], sql: 'ALTER TABLE t MODIFY w VARCHAR(400) NULL' },
  { name: 'VARCHAR utf8mb4 100->200', covers: '§3.1 INSTANT VARCHAR growth >=256 bytes', setup: ['CREATE TABLE t (id INT PRIMARY KEY, w VARCHAR(100) NULL) DEFAULT CHARSET=utf8mb4', 'INSERT INTO t VALUES (1, NULL)'], sql: 'ALTER TABLE t MODIFY w VARCHAR(200) NULL' },
  { name: 'VARCHAR latin1 100->300 (<=127 bytes)', covers: '§3.1 INSTANT VARCHAR from <=127 bytes', setup: T_LATIN1, sql: "ALTER TABLE t MODIFY s VARCHAR(300) NOT NULL DEFAULT ''" },
  { name: 'VARCHAR utf8mb4 30->100 (<=127 bytes)', covers: '§3.1 INSTANT VARCHAR from <=127 bytes', setup: ['CREATE TABLE t (id INT PRIMARY KEY, w VARCHAR(30) NULL) DEFAULT CHARSET=utf8mb4', 'INSERT INTO t VALUES (1, NULL)'], sql: 'ALTER TABLE t MODIFY w VARCHAR(100) NULL' },
  { name: 'VARCHAR utf8mb4 50->100 crosses 255', covers: '§3.1 COPY VARCHAR 128-255 -> >=256; varchar-length-change', setup: T_NOIDX, sql: "ALTER TABLE t MODIFY b VARCHAR(100) NOT NULL DEFAULT ''" },
  { name: 'VARCHAR latin1 200->300 crosses 255', covers: '§3.1 COPY VARCHAR latin1 200->300', setup: T_LATIN1, sql: "ALTER TABLE t MODIFY b VARCHAR(300) NOT NULL DEFAULT ''" },
  { name: 'VARCHAR latin1 128->300', covers: '§3.1 COPY VARCHAR latin1 128->300', setup: T_LATIN1, sql: "ALTER TABLE t MODIFY m VARCHAR(300) NOT NULL DEFAULT ''" },
  { name: 'VARCHAR shrink', covers: '§3.1 COPY shrink; varchar-length-change', setup: T_NOIDX, sql: "ALTER TABLE t MODIFY b VARCHAR(40) NOT NULL DEFAULT ''" },
  { name: 'VARCHAR grow under REDUNDANT', covers: '§3.1 INSTANT any growth under REDUNDANT', setup: T_REDUNDANT, sql: "ALTER TABLE t MODIFY b VARCHAR(200) NOT NULL DEFAULT ''" },
  { name: 'VARCHAR grow indexed column', covers: 'varchar-length-change on indexed column', setup: T, sql: "ALTER TABLE t MODIFY b VARCHAR(60) NOT NULL DEFAULT ''" },
  { name: 'VARCHAR crossing 255, LOCK=NONE asserted', covers: '§3.2 1846 Cannot change column type', setup: T_NOIDX, sql: "ALTER TABLE t MODIFY b VARCHAR(100) NOT NULL DEFAULT ''", clause: 'ALGORITHM=INPLACE, LOCK=NONE' },

  // ---- real type changes
  { name: 'INT -> BIGINT', covers: '§3.1 COPY INT->BIGINT; change-column-type', setup: T, sql: 'ALTER TABLE t MODIFY a BIGINT NULL' },
  { name: 'INT -> BIGINT on the PK', covers: '§3.1 COPY PK INT->BIGINT; change-column-type', setup: T, sql: 'ALTER TABLE t MODIFY id BIGINT NOT NULL' },
  { name: 'INT -> BIGINT under REDUNDANT', covers: '§3.1 COPY under REDUNDANT', setup: T_REDUNDANT, sql: 'ALTER TABLE t MODIFY a BIGINT NOT NULL DEFAULT 0' },
  { name: 'TINYINT -> INT', covers: '§3.1 COPY TINYINT->INT', setup: ['CREATE TABLE t (id INT PRIMARY KEY, f TINYINT NULL)', 'INSERT INTO t VALUES (1, 1)'], sql: 'ALTER TABLE t MODIFY f INT NULL' },
  { name: 'BIGINT -> INT', covers: '§3.1 COPY BIGINT->INT', setup: ['CREATE TABLE t (id INT PRIMARY KEY, f BIGINT NULL)', 'INSERT INTO t VALUES (1, 1)'], sql: 'ALTER TABLE t MODIFY f INT NULL' },
  { name: 'signed -> unsigned', covers: '§3.1 COPY signed->unsigned', setup: T, sql: 'ALTER TABLE t MODIFY a INT UNSIGNED NULL' },
  { name: 'INT -> VARCHAR', covers: '§3.1 COPY INT->VARCHAR', setup: T, sql: 'ALTER TABLE t MODIFY a VARCHAR(20) NULL' },
  { name: 'VARCHAR -> TEXT', covers: '§3.1 COPY VARCHAR->TEXT', setup: T_NOIDX, sql: 'ALTER TABLE t MODIFY b TEXT NOT NULL' },
  { name: 'VARCHAR -> CHAR', covers: '§3.1 COPY VARCHAR->CHAR', setup: T_NOIDX, sql: "ALTER TABLE t MODIFY b CHAR(50) NOT NULL DEFAULT ''" },
  { name: 'CHAR(10) -> CHAR(20)', covers: '§3.1 COPY CHAR growth', setup: ['CREATE TABLE t (id INT PRIMARY KEY, f CHAR(10) NULL)', "INSERT INTO t VALUES (1, 'a')"], sql: 'ALTER TABLE t MODIFY f CHAR(20) NULL' },
  { name: 'DECIMAL(10,2) -> (12,2)', covers: '§3.1 COPY DECIMAL precision; change-column-type', setup: ['CREATE TABLE t (id INT PRIMARY KEY, price DECIMAL(10,2) NULL)', 'INSERT INTO t VALUES (1, 1.5)'], sql: 'ALTER TABLE t MODIFY price DECIMAL(12,2) NULL' },
  { name: 'type change, INPLACE asserted', covers: '§3.2 Cannot change column type', setup: T, sql: 'ALTER TABLE t MODIFY a BIGINT NULL', clause: 'ALGORITHM=INPLACE' },
  { name: 'type change, COPY LOCK=NONE asserted', covers: '§3.2 COPY algorithm requires a lock; locking-algorithm', setup: T, sql: 'ALTER TABLE t MODIFY a BIGINT NULL', clause: 'ALGORITHM=COPY, LOCK=NONE' },
  { name: 'TEXT -> MEDIUMTEXT', covers: 'change-column-type TEXT family', setup: ['CREATE TABLE t (id INT PRIMARY KEY, body TEXT NULL)', "INSERT INTO t VALUES (1, 'a')"], sql: 'ALTER TABLE t MODIFY body MEDIUMTEXT NULL' },
  { name: 'DATETIME -> DATETIME(3)', covers: 'change-column-type fractional seconds', setup: ['CREATE TABLE t (id INT PRIMARY KEY, at DATETIME NULL)', 'INSERT INTO t VALUES (1, NOW())'], sql: 'ALTER TABLE t MODIFY at DATETIME(3) NULL' },

  // ---- charset / collation
  { name: 'column utf8mb3 -> utf8mb4', covers: '§3.1 INSTANT utf8mb3->utf8mb4; charset-conversion', setup: T_MB3, sql: "ALTER TABLE t MODIFY b VARCHAR(50) CHARACTER SET utf8mb4 NOT NULL DEFAULT ''" },
  { name: 'indexed column utf8mb3 -> utf8mb4', covers: '§3.1 INSTANT utf8mb3->utf8mb4 indexed', setup: T_MB3, sql: "ALTER TABLE t MODIFY c VARCHAR(20) CHARACTER SET utf8mb4 NOT NULL DEFAULT ''" },
  { name: 'CONVERT TO utf8mb4 from utf8mb3', covers: '§3.1 INSTANT CONVERT utf8mb3->utf8mb4', setup: T_MB3, sql: 'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4' },
  { name: 'CONVERT TO utf8mb4 from latin1', covers: '§3.1 COPY latin1->utf8mb4; charset-conversion', setup: T_LATIN1, sql: 'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4' },
  { name: 'column latin1 -> utf8mb4', covers: '§3.1 COPY latin1->utf8mb4 column', setup: T_LATIN1, sql: "ALTER TABLE t MODIFY s VARCHAR(100) CHARACTER SET utf8mb4 NOT NULL DEFAULT ''" },
  { name: 'collation change unindexed', covers: '§3.1 INSTANT collation unindexed', setup: T_NOIDX, sql: "ALTER TABLE t MODIFY b VARCHAR(50) COLLATE utf8mb4_bin NOT NULL DEFAULT ''" },
  { name: 'collation change indexed', covers: '§3.1 NOCOPY collation indexed', setup: T, sql: "ALTER TABLE t MODIFY b VARCHAR(50) COLLATE utf8mb4_bin NOT NULL DEFAULT ''" },
  { name: 'CONVERT TO same charset', covers: '§3.1 INSTANT CONVERT no-op', setup: T_NOIDX, sql: 'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci' },
  { name: 'CONVERT TO COLLATE with ENUM', covers: '§3.1 COPY CONVERT COLLATE ENUM/SET', setup: T_ENUM, sql: 'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin' },
  { name: 'table DEFAULT CHARSET only', covers: '§3.1 INSTANT DEFAULT CHARACTER SET; charset-conversion', setup: T, sql: 'ALTER TABLE t DEFAULT CHARACTER SET latin1' },

  // ---- ENUM / SET
  { name: 'ENUM append', covers: '§3.1 INSTANT ENUM append; enum-set-change', setup: T_ENUM, sql: "ALTER TABLE t MODIFY st ENUM('a','b','c','d') NOT NULL DEFAULT 'a'" },
  { name: 'SET append', covers: '§3.1 INSTANT SET append', setup: T_ENUM, sql: "ALTER TABLE t MODIFY fl SET('x','y','z') NOT NULL DEFAULT ''" },
  { name: 'ENUM insert in the middle', covers: '§3.1 COPY ENUM middle; enum-set-change', setup: T_ENUM, sql: "ALTER TABLE t MODIFY st ENUM('a','x','b','c') NOT NULL DEFAULT 'a'" },
  { name: 'ENUM remove member', covers: '§3.1 COPY ENUM removal; enum-set-change', setup: T_ENUM, sql: "ALTER TABLE t MODIFY st ENUM('a','b') NOT NULL DEFAULT 'a'" },
  { name: 'ENUM reorder', covers: 'enum-set-change reorder', setup: T_ENUM, sql: "ALTER TABLE t MODIFY st ENUM('b','a','c') NOT NULL DEFAULT 'a'" },
  { name: 'SET past 8 members', covers: '§3.1 COPY SET > 8 members', setup: T_ENUM, sql: "ALTER TABLE t MODIFY e8 SET('1','2','3','4','5','6','7','8','9') NULL" },
  { name: 'ENUM past 255 members', covers: '§3.1 COPY ENUM > 255 members', setup: ["CREATE TABLE t (id INT PRIMARY KEY, st ENUM(" + Array.from({ length: 255 }, (_, i) => `'v${i}'`).join(',') + ') NULL)', "INSERT INTO t VALUES (1, 'v0')"], sql: 'ALTER TABLE t MODIFY st ENUM(' + Array.from({ length: 256 }, (_, i) => `'v${i}'`).join(',') + ') NULL' },

  // ---- generated columns
  { name: 'add VIRTUAL column', covers: '§3.1 INSTANT add virtual', setup: T_GEN, sql: 'ALTER TABLE t ADD COLUMN v2 INT AS (a + 2) VIRTUAL' },
  { name: 'add VIRTUAL column FIRST', covers: '§3.1 INSTANT add virtual FIRST', setup: T_NOIDX, sql: 'ALTER TABLE t ADD COLUMN v2 INT AS (a + 2) VIRTUAL FIRST' },
  { name: 'add VIRTUAL column FIRST before a STORED one', covers: 'virtual add moves a STORED column', setup: T_GEN, sql: 'ALTER TABLE t ADD COLUMN v2 INT AS (a + 2) VIRTUAL FIRST' },
  { name: 'drop VIRTUAL column', covers: '§3.1 INSTANT drop virtual', setup: T_GEN, sql: 'ALTER TABLE t DROP COLUMN v' },
  { name: 'change VIRTUAL expression', covers: '§3.1 INSTANT virtual expression change', setup: T_GEN, sql: 'ALTER TABLE t MODIFY v INT AS (a + 3) VIRTUAL' },
  { name: 'add STORED column', covers: '§3.1 COPY add STORED; add-stored-generated-column', setup: T_GEN, sql: 'ALTER TABLE t ADD COLUMN s2 INT AS (a * 3) STORED' },
  { name: 'reorder STORED column', covers: '§3.1 COPY reorder STORED', setup: T_GEN, sql: 'ALTER TABLE t MODIFY s INT AS (a * 2) STORED FIRST' },
  { name: 'reorder VIRTUAL column', covers: '§3.1 COPY reorder VIRTUAL', setup: T_GEN, sql: 'ALTER TABLE t MODIFY v INT AS (a + 1) VIRTUAL AFTER id' },
  { name: 'index on VIRTUAL column', covers: '§3.1 NOCOPY index on virtual', setup: T_GEN, sql: 'ALTER TABLE t ADD INDEX iv (v)' },
  { name: 'add VIRTUAL + index on it', covers: '§3.1 NOCOPY SHARED virtual + index', setup: T_GEN, sql: 'ALTER TABLE t ADD COLUMN v2 INT AS (a + 2) VIRTUAL, ADD INDEX iv2 (v2)' },
  { name: 'add VIRTUAL + index on it, LOCK=NONE', covers: '§3.2 virtual columns cannot be combined', setup: T_GEN, sql: 'ALTER TABLE t ADD COLUMN v2 INT AS (a + 2) VIRTUAL, ADD INDEX iv2 (v2)', clause: 'LOCK=NONE' },
  { name: 'add VIRTUAL + add regular column', covers: 'virtual column + other actions', setup: T_GEN, sql: 'ALTER TABLE t ADD COLUMN v2 INT AS (a + 2) VIRTUAL, ADD COLUMN c INT NULL' },
  { name: 'add VIRTUAL + NOT NULL', covers: 'virtual column + rebuild action', setup: T_GEN, sql: 'ALTER TABLE t ADD COLUMN v2 INT AS (a + 2) VIRTUAL, MODIFY b VARCHAR(50) NULL' },

  // ---- indexes
  { name: 'ADD INDEX', covers: '§3.1 NOCOPY ADD INDEX; add-index', setup: T, sql: 'ALTER TABLE t ADD INDEX ia (a)' },
  { name: 'CREATE INDEX', covers: '§3.1 NOCOPY CREATE INDEX; add-index', setup: T, sql: 'CREATE INDEX ia ON t (a)' },
  { name: 'CREATE INDEX INSTANT asserted', covers: '§3.2 Reason: ADD INDEX', setup: T, sql: 'CREATE INDEX ia ON t (a)', clause: 'ALGORITHM=INSTANT' },
  { name: 'ADD UNIQUE', covers: '§3.1 NOCOPY ADD UNIQUE; add-unique-index', setup: T, sql: 'ALTER TABLE t ADD UNIQUE KEY ua (id, a)' },
  { name: 'prefix index', covers: '§3.1 NOCOPY prefix index', setup: T, sql: 'ALTER TABLE t ADD INDEX ib5 (b(5))' },
  { name: 'DROP INDEX', covers: '§3.1 NOCOPY DROP INDEX; drop-index', setup: T, sql: 'ALTER TABLE t DROP INDEX ib' },
  { name: 'DROP INDEX statement', covers: 'drop-index via DROP INDEX', mode: 'fixed', setup: T, sql: 'DROP INDEX ib ON t' },
  { name: 'DROP INDEX statement with ALGORITHM', covers: 'MariaDB DROP INDEX takes no ALGORITHM/LOCK (1064)', mode: 'fixed', setup: T, sql: 'DROP INDEX ib ON t', clause: 'ALGORITHM=NOCOPY' },
  { name: 'DROP INDEX INSTANT asserted', covers: '§3.2 Reason: DROP INDEX', setup: T, sql: 'ALTER TABLE t DROP INDEX ib', clause: 'ALGORITHM=INSTANT' },
  { name: 're-add index USING BTREE', covers: '§3.1 NOCOPY drop + re-add USING BTREE', setup: T, sql: 'ALTER TABLE t DROP INDEX ib, ADD INDEX ib (b) USING BTREE' },
  { name: 'RENAME INDEX', covers: '§3.1 INSTANT RENAME INDEX', setup: T, sql: 'ALTER TABLE t RENAME INDEX ib TO ib2' },
  { name: 'ALTER INDEX IGNORED', covers: '§3.1 INSTANT IGNORED; drop-index safe rewrite', setup: T, sql: 'ALTER TABLE t ALTER INDEX ib IGNORED' },
  { name: 'first FULLTEXT', covers: '§3.1 INPLACE SHARED first FULLTEXT; add-index', setup: ['CREATE TABLE t (id INT PRIMARY KEY, body TEXT NULL) DEFAULT CHARSET=utf8mb4', "INSERT INTO t VALUES (1, 'hello world')"], sql: 'ALTER TABLE t ADD FULLTEXT INDEX ft (body)' },
  { name: 'second FULLTEXT', covers: '§3.1 NOCOPY SHARED second FULLTEXT', setup: T_FULLTEXT, sql: 'ALTER TABLE t ADD FULLTEXT INDEX ft2 (b)' },
  { name: 'first FULLTEXT, LOCK=NONE', covers: '§3.2 Fulltext index creation requires a lock', setup: ['CREATE TABLE t (id INT PRIMARY KEY, body TEXT NULL) DEFAULT CHARSET=utf8mb4'], sql: 'CREATE FULLTEXT INDEX ft ON t (body)', clause: 'LOCK=NONE' },
  { name: 'SPATIAL index', covers: '§3.1 NOCOPY SHARED SPATIAL', setup: ['CREATE TABLE t (id INT PRIMARY KEY, g POINT NOT NULL)', 'INSERT INTO t VALUES (1, POINT(1, 1))'], sql: 'ALTER TABLE t ADD SPATIAL INDEX sg (g)' },
  { name: 'SPATIAL index, LOCK=NONE', covers: '§3.2 GIS index', setup: ['CREATE TABLE t (id INT PRIMARY KEY, g POINT NOT NULL)'], sql: 'ALTER TABLE t ADD SPATIAL INDEX sg (g)', clause: 'LOCK=NONE' },
  { name: 'ADD INDEX on FULLTEXT table', covers: 'add-index with FULLTEXT present', setup: T_FULLTEXT, sql: 'ALTER TABLE t ADD INDEX ia (a)' },
  { name: 'ADD INDEX on SPATIAL table', covers: 'add-index with SPATIAL present', setup: T_SPATIAL, sql: 'ALTER TABLE t ADD INDEX ia (a)' },
  { name: 'ADD INDEX on CASCADE child', covers: '§3.1 NOCOPY NONE with CASCADE FK', setup: WITH_FK, sql: 'ALTER TABLE c ADD INDEX inote (note)' },
  { name: 'two indexes at once', covers: 'add-index, several', setup: T, sql: 'ALTER TABLE t ADD INDEX ia (a), ADD INDEX iab (a, b)' },

  // ---- combinations
  { name: 'add column + add index', covers: '§3.1 INPLACE rebuild ADD COLUMN + ADD INDEX; add-index', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL, ADD INDEX ic (c)' },
  { name: 'add column + add index, INSTANT asserted', covers: 'add-index bundled with add column', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL, ADD INDEX ic (c)', clause: 'ALGORITHM=INSTANT' },
  { name: 'add column + drop index', covers: 'combination add column + drop index', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL, DROP INDEX ib' },
  { name: 'drop column + add index', covers: 'combination drop column + add index', setup: T, sql: 'ALTER TABLE t DROP COLUMN a, ADD INDEX ib2 (b, id)' },
  { name: 'rename column + add index', covers: 'combination rename column + add index', setup: T, sql: 'ALTER TABLE t RENAME COLUMN a TO a2, ADD INDEX ia (a2)' },
  { name: 'set default + add index', covers: 'combination set default + add index', setup: T, sql: 'ALTER TABLE t ALTER COLUMN a SET DEFAULT 1, ADD INDEX ia (a)' },
  { name: 'add column + NOT NULL', covers: 'combination add column + rebuild', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL, MODIFY a INT NULL DEFAULT 1, MODIFY b VARCHAR(50) NULL' },
  { name: 'add column + set default', covers: 'combination instant + instant', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL, ALTER COLUMN a SET DEFAULT 3' },
  { name: 'add column + type change', covers: 'combination instant + copy', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL, MODIFY a BIGINT NULL' },
  { name: 'ENUM append + add index', covers: 'combination enum append + add index', setup: T_ENUM, sql: "ALTER TABLE t MODIFY st ENUM('a','b','c','d') NOT NULL DEFAULT 'a', ADD INDEX ia (a)" },
  { name: 'add column + AUTO_INCREMENT=', covers: 'combination instant + table option', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL, AUTO_INCREMENT = 100' },
  { name: 'add column + ROW_FORMAT', covers: 'combination add column + rebuild option', setup: T, sql: 'ALTER TABLE t ADD COLUMN c INT NULL, ROW_FORMAT=COMPACT' },

  // ---- primary keys
  { name: 'ADD PRIMARY KEY', covers: '§3.1 INPLACE rebuild ADD PK; primary-key-change', setup: T_NOPK, sql: 'ALTER TABLE t ADD PRIMARY KEY (id)' },
  { name: 'ADD PRIMARY KEY on nullable column', covers: '§3.1 INPLACE rebuild ADD PK nullable', setup: T_NOPK.slice(0, 1).concat(["INSERT INTO t (id, a) VALUES (1, 1), (2, 2)"]), sql: 'ALTER TABLE t ADD PRIMARY KEY (a)' },
  { name: 'DROP PRIMARY KEY', covers: '§3.1 COPY DROP PK; primary-key-change', setup: T, sql: 'ALTER TABLE t DROP PRIMARY KEY' },
  { name: 'DROP PRIMARY KEY, INPLACE asserted', covers: '§3.2 Dropping a primary key is not allowed', setup: T, sql: 'ALTER TABLE t DROP PRIMARY KEY', clause: 'ALGORITHM=INPLACE' },
  { name: 'DROP + ADD PRIMARY KEY', covers: '§3.1 INPLACE rebuild DROP+ADD PK; primary-key-change', setup: T, sql: 'ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, b)' },

  // ---- foreign keys and constraints
  { name: 'ADD FOREIGN KEY checks on', covers: '§3.1 COPY ADD FK fkc=1; add-foreign-key', setup: [PARENT, PARENT_ROWS, ...CHILD], sql: 'ALTER TABLE c ADD CONSTRAINT fk_p FOREIGN KEY (p_id) REFERENCES p (id)' },
  { name: 'ADD FOREIGN KEY checks on, INPLACE asserted', covers: '§3.2 Adding foreign keys needs foreign_key_checks=OFF', setup: [PARENT, PARENT_ROWS, ...CHILD], sql: 'ALTER TABLE c ADD CONSTRAINT fk_p FOREIGN KEY (p_id) REFERENCES p (id)', clause: 'ALGORITHM=INPLACE' },
  { name: 'ADD FOREIGN KEY checks off, index exists', covers: '§3.1 INSTANT ADD FK fkc=0 with index', setup: [PARENT, PARENT_ROWS, ...CHILD], session: FKC_OFF, sql: 'ALTER TABLE c ADD CONSTRAINT fk_p FOREIGN KEY (p_id) REFERENCES p (id)' },
  { name: 'ADD FOREIGN KEY checks off, no index', covers: '§3.1 NOCOPY ADD FK fkc=0 creating index', setup: [PARENT, PARENT_ROWS, ...CHILD], session: FKC_OFF, sql: 'ALTER TABLE c ADD CONSTRAINT fk_q FOREIGN KEY (q_id) REFERENCES p (id)' },
  { name: 'ADD FOREIGN KEY with composite index prefix', covers: 'existing index usable by a new FK', setup: [PARENT, PARENT_ROWS, 'CREATE TABLE c (id INT PRIMARY KEY, q_id INT NULL, note VARCHAR(20) NULL, KEY iqn (q_id, note))'], session: FKC_OFF, sql: 'ALTER TABLE c ADD FOREIGN KEY (q_id) REFERENCES p (id)' },
  { name: 'DROP FOREIGN KEY', covers: '§3.1 INSTANT DROP FK', setup: WITH_FK, sql: 'ALTER TABLE c DROP FOREIGN KEY fk_p' },
  { name: 'DROP FOREIGN KEY + DROP INDEX', covers: '§3.1 NOCOPY DROP FK + DROP INDEX', setup: WITH_FK, sql: 'ALTER TABLE c DROP FOREIGN KEY fk_p, DROP INDEX fk_p' },
  { name: 'ADD CHECK', covers: '§3.1 COPY ADD CHECK; add-check-constraint', setup: T, sql: 'ALTER TABLE t ADD CONSTRAINT chk_a CHECK (a >= 0)' },
  { name: 'DROP CONSTRAINT (CHECK)', covers: '§3.1 INSTANT DROP CONSTRAINT', setup: ['CREATE TABLE t (id INT PRIMARY KEY, a INT NULL, CONSTRAINT chk_a CHECK (a >= 0))'], sql: 'ALTER TABLE t DROP CONSTRAINT chk_a' },

  // ---- table options and rebuilds
  { name: 'AUTO_INCREMENT=', covers: '§3.1 INSTANT AUTO_INCREMENT=', setup: T, sql: 'ALTER TABLE t AUTO_INCREMENT = 1000' },
  { name: 'table COMMENT', covers: '§3.1 INSTANT COMMENT', setup: T, sql: "ALTER TABLE t COMMENT = 'users'" },
  { name: 'STATS_PERSISTENT', covers: '§3.1 INSTANT STATS_*', setup: T, sql: 'ALTER TABLE t STATS_PERSISTENT = 0' },
  { name: 'ROW_FORMAT=', covers: '§3.1 INPLACE rebuild ROW_FORMAT; table-rebuild', setup: T, sql: 'ALTER TABLE t ROW_FORMAT = COMPACT' },
  { name: 'ROW_FORMAT=, INSTANT asserted', covers: '§3.2 Changing table options requires the table to be rebuilt', setup: T, sql: 'ALTER TABLE t ROW_FORMAT = COMPACT', clause: 'ALGORITHM=INSTANT' },
  { name: 'KEY_BLOCK_SIZE=', covers: '§3.1 INPLACE rebuild KEY_BLOCK_SIZE', setup: T_COMPRESSED, sql: 'ALTER TABLE t KEY_BLOCK_SIZE = 4' },
  { name: 'PAGE_COMPRESSED=1', covers: '§3.1 INPLACE rebuild PAGE_COMPRESSED; §4.1.1', setup: T, sql: 'ALTER TABLE t PAGE_COMPRESSED = 1' },
  { name: 'PAGE_COMPRESSION_LEVEL=', covers: '§3.1 INSTANT PAGE_COMPRESSION_LEVEL', setup: ['CREATE TABLE t (id INT PRIMARY KEY, a INT NULL) PAGE_COMPRESSED=1', 'INSERT INTO t VALUES (1, 1)'], sql: 'ALTER TABLE t PAGE_COMPRESSION_LEVEL = 3' },
  { name: 'FORCE', covers: '§3.1 INPLACE rebuild FORCE; table-rebuild', setup: T, sql: 'ALTER TABLE t FORCE' },
  { name: 'ENGINE=InnoDB', covers: '§3.1 INPLACE rebuild ENGINE=InnoDB; table-rebuild', setup: T, sql: 'ALTER TABLE t ENGINE = InnoDB' },
  { name: 'FORCE on FULLTEXT table', covers: 'table-rebuild with FULLTEXT', setup: T_FULLTEXT, sql: 'ALTER TABLE t FORCE' },
  { name: 'FORCE on SPATIAL table', covers: 'table-rebuild with SPATIAL', setup: T_SPATIAL, sql: 'ALTER TABLE t FORCE' },
  { name: 'FORCE, COPY asserted', covers: 'locking-algorithm ALGORITHM=COPY', setup: T, sql: 'ALTER TABLE t FORCE', clause: 'ALGORITHM=COPY' },
  { name: 'ADD SYSTEM VERSIONING', covers: '§3.1 COPY ADD SYSTEM VERSIONING', setup: T, sql: 'ALTER TABLE t ADD SYSTEM VERSIONING' },
  { name: 'RENAME TO', covers: '§3.1 INSTANT exclusive RENAME TO; rename-table', setup: T, sql: 'ALTER TABLE t RENAME TO t_new' },
  { name: 'RENAME TO, LOCK=NONE', covers: '§3.2 1845 LOCK=NONE/SHARED (RENAME TO)', setup: T, sql: 'ALTER TABLE t RENAME TO t_new', clause: 'LOCK=NONE' },

  // ---- statements without ALGORITHM/LOCK
  { name: 'OPTIMIZE TABLE', covers: '§3.1 INPLACE rebuild OPTIMIZE; table-rebuild', mode: 'fixed', setup: T, sql: 'OPTIMIZE TABLE t' },
  { name: 'RENAME TABLE', covers: 'rename-table; ignores alter_algorithm', mode: 'fixed', setup: T, sql: 'RENAME TABLE t TO t_old' },
  { name: 'TRUNCATE TABLE', covers: 'destructive-statement; TRUNCATE re-creates the table', mode: 'fixed', setup: T, sql: 'TRUNCATE TABLE t' },

  // ---- partitioning
  { name: 'PARTITION BY', covers: '§3.1 COPY PARTITION BY; §4.1.8; table-rebuild', setup: T, sql: 'ALTER TABLE t PARTITION BY HASH (id) PARTITIONS 2' },
  { name: 'PARTITION BY, INSTANT asserted', covers: '§4.1.8 INSTANT accepted and copies', todo: 'parse: ALGORITHM written before PARTITION BY yields no operation', setup: T, sql: 'ALTER TABLE t PARTITION BY HASH (id) PARTITIONS 2', clause: 'ALGORITHM=INSTANT' },
  { name: 'REMOVE PARTITIONING', covers: '§3.1 COPY REMOVE PARTITIONING; table-rebuild', setup: RANGE, sql: 'ALTER TABLE t REMOVE PARTITIONING' },
  { name: 'ADD PARTITION (RANGE)', covers: '§3.1 partition maintenance RANGE ADD', mode: 'fixed', setup: RANGE_OPEN, sql: 'ALTER TABLE t ADD PARTITION (PARTITION p2 VALUES LESS THAN (30))' },
  { name: 'ADD PARTITION with LOCK=NONE', covers: '§3.1 partition clauses reject ALGORITHM/LOCK (1064)', mode: 'fixed', setup: RANGE_OPEN, sql: 'ALTER TABLE t ADD PARTITION (PARTITION p2 VALUES LESS THAN (30))', clause: 'ALGORITHM=INPLACE, LOCK=NONE' },
  { name: 'ADD PARTITION (HASH)', covers: '§3.1 partition maintenance HASH ADD', mode: 'fixed', setup: HASH, sql: 'ALTER TABLE t ADD PARTITION PARTITIONS 1' },
  { name: 'REORGANIZE PARTITION', covers: '§3.1 partition maintenance REORGANIZE', mode: 'fixed', setup: RANGE, sql: 'ALTER TABLE t REORGANIZE PARTITION pmax INTO (PARTITION p2 VALUES LESS THAN (30), PARTITION pmax VALUES LESS THAN MAXVALUE)' },
  { name: 'DROP PARTITION', covers: '§3.1 partition maintenance DROP; destructive-statement', mode: 'fixed', setup: RANGE, sql: 'ALTER TABLE t DROP PARTITION p0' },
  { name: 'COALESCE PARTITION', covers: '§3.1 partition maintenance COALESCE', mode: 'fixed', setup: HASH, sql: 'ALTER TABLE t COALESCE PARTITION 1' },
  { name: 'REBUILD PARTITION', covers: '§3.1 partition maintenance REBUILD', mode: 'fixed', setup: RANGE, sql: 'ALTER TABLE t REBUILD PARTITION p0, p1, pmax' },
  { name: 'TRUNCATE PARTITION', covers: '§3.1 TRUNCATE PARTITION ignores alter_algorithm; destructive-statement', mode: 'fixed', setup: RANGE, sql: 'ALTER TABLE t TRUNCATE PARTITION p1' },
  { name: 'EXCHANGE PARTITION', covers: '§3.1 EXCHANGE PARTITION ignores alter_algorithm', mode: 'fixed', setup: [...RANGE, 'CREATE TABLE x (id INT NOT NULL PRIMARY KEY, a INT NULL) ENGINE=InnoDB'], sql: 'ALTER TABLE t EXCHANGE PARTITION p0 WITH TABLE x' },
];
