CREATE TABLE job_history (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  params TEXT NULL,
  status VARCHAR(20) NOT NULL
) ENGINE=InnoDB;
-- @migration
-- a position relative to the column itself moves nothing
ALTER TABLE job_history CHANGE COLUMN params params TEXT NULL COMMENT 'job params' AFTER params;
