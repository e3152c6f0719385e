-- @target mariadb-10.11
CREATE TABLE settings (name VARCHAR(64) NOT NULL PRIMARY KEY, value TEXT NULL);
-- @migration
ALTER TABLE settings DROP PRIMARY KEY;
