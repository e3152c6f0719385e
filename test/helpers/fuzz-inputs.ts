// Mutated real-looking SQL for robustness tests (deterministic with a seeded generator): the
// fuzz test feeds them to the parser, the incremental-equivalence test to both analyzers.
import { prng } from '../../bench/generate';

export const SEEDS: readonly string[] = [
  'ALTER TABLE `orders` ADD COLUMN note VARCHAR(255) NOT NULL DEFAULT \'\' AFTER id, ADD INDEX idx_note (note(10)), ALGORITHM=INPLACE, LOCK=NONE;',
  "CREATE TABLE IF NOT EXISTS t (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, uid CHAR(36) DEFAULT (UUID()), s ENUM('a','b') COMMENT 'x', PRIMARY KEY (id), CONSTRAINT fk FOREIGN KEY (uid) REFERENCES u (id) ON DELETE CASCADE) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;",
  'ALTER TABLE t CHANGE old new INT(11) NOT NULL FIRST, DROP FOREIGN KEY fk, DROP PRIMARY KEY, ADD PRIMARY KEY (a, b), CONVERT TO CHARACTER SET utf8mb4;',
  'ALTER TABLE t ALTER COLUMN c SET DEFAULT 5, RENAME INDEX a TO b, PARTITION BY HASH(id) PARTITIONS 4;',
  'CREATE UNIQUE INDEX ux ON users (email) ALGORITHM=INPLACE LOCK=NONE; DROP INDEX ix ON t; DROP TABLE IF EXISTS a, b; RENAME TABLE a TO b, c TO d;',
  "SET SESSION lock_wait_timeout = 5; SET @@session.sql_mode = 'STRICT_TRANS_TABLES'; UPDATE t SET a = 1 WHERE id < 100 LIMIT 10; DELETE FROM logs;",
  "DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't') THEN\n    ALTER TABLE t ADD c INT;\n  END IF;\nEND$$\nDELIMITER ;\nCALL p();",
  "CREATE PROCEDURE q() BEGIN DECLARE x INT; WHILE x < 3 DO SET x = x + 1; END WHILE; CASE WHEN x THEN SELECT 1; END CASE; END;",
  "SET @s = (SELECT IF(1, 'ALTER TABLE t ADD c2 INT DEFAULT \\'x\\'', 'SELECT 1')); PREPARE stmt FROM @s; EXECUTE stmt; DEALLOCATE PREPARE stmt;",
  "SET @q = CONCAT('ALTER TABLE o ', 'DROP COLUMN x'); PREPARE s FROM @q;",
  '/*!40101 SET NAMES utf8 */;\n/*!50001 CREATE VIEW v AS SELECT 1 */;\n/*M!100100 ALTER TABLE t ADD c INT */;\n/*!40000 ALTER TABLE `t` DISABLE KEYS */;',
  "DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW BEGIN SET NEW.u = NOW(); END */;;\nDELIMITER ;",
  "-- comment\n# hash\nINSERT INTO t (a, b) VALUES ('x;y', \"q\\\"z\"), (`c`, 'it''s'); --no space\nUSE db\nSELECT 1\\G",
  'ALTER ONLINE TABLE t WAIT 5 ADD COLUMN IF NOT EXISTS c INT, DROP INDEX IF EXISTS i, ALTER INDEX j IGNORED;',
  'CREATE TABLE t2 (a INT AS (b + 1) STORED, c INT REFERENCES p(id), d TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)) PARTITION BY RANGE (a) (PARTITION p0 VALUES LESS THAN (10));',
  'BEGIN NOT ATOMIC IF 1 THEN ALTER TABLE t DROP COLUMN c; END IF; END;',
];

export const FRAGMENTS: readonly string[] = ["'", '"', '`', ';', ';;', '$$', '//', '\nDELIMITER $$\n', '\nDELIMITER ;\n', '/*', '*/', '/*!50001 ', '/*M!100100 ', '-- ', '--', '#', '\\', '(', ')', ',', 'BEGIN ', 'END ', 'IF ', 'CASE ', 'END IF;', 'CREATE PROCEDURE p() ', '\\G', '\n', '😀', '\u0000', '\uD800'];

/** the benchmark's seeded PRNG: deterministic inputs */
export const rng = prng;

export function mutate(input: string, random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const at = () => Math.floor(random() * (input.length + 1));
  let s = input;
  const rounds = 1 + Math.floor(random() * 4);
  for (let r = 0; r < rounds; r++) {
    const k = Math.floor(random() * (s.length + 1));
    switch (Math.floor(random() * 7)) {
      case 0:
        s = s.slice(0, k); // truncation
        break;
      case 1:
        s = s.slice(0, k) + pick(FRAGMENTS) + s.slice(k); // stray quote, delimiter, comment opener …
        break;
      case 2: {
        let bytes = '';
        for (let b = 0; b < 1 + random() * 8; b++) bytes += String.fromCharCode(Math.floor(random() * 0x10000));
        s = s.slice(0, k) + bytes + s.slice(k); // random UTF-16 units, lone surrogates included
        break;
      }
      case 3:
        s = s.slice(0, k) + s.slice(k + Math.floor(random() * 20)); // deletion
        break;
      case 4:
        s = s + '\n' + pick(SEEDS); // concatenation
        break;
      case 5: {
        const j = at();
        s = s.slice(0, k) + s.slice(Math.min(j, k), Math.max(j, k)) + s.slice(k); // duplication
        break;
      }
      default:
        s = s.replace(/[;,()]/, pick(FRAGMENTS));
    }
  }
  return s;
}
