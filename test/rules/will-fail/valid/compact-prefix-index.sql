-- @target mariadb-10.11
CREATE TABLE notes (id INT NOT NULL PRIMARY KEY, subject VARCHAR(300) NULL) DEFAULT CHARSET=utf8mb4 ROW_FORMAT=COMPACT;
-- @migration
ALTER TABLE notes ADD INDEX idx_subject (subject(191));
