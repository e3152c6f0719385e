CREATE TABLE clients (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL
) ENGINE=InnoDB;
-- @migration
-- a helper column added and dropped within this migration: no app version has used it
ALTER TABLE clients ADD COLUMN name_backup VARCHAR(100) NULL;
UPDATE clients SET name_backup = name WHERE id BETWEEN 1 AND 1000;
ALTER TABLE clients DROP COLUMN name_backup;
