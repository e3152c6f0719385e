-- @target mariadb-10.11
CREATE TABLE logs (id INT NOT NULL PRIMARY KEY);
-- @migration
ALTER TABLE logs TRUNCATE PARTITION p0;
