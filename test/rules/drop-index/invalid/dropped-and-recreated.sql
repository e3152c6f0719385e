-- @target mariadb-10.11
CREATE TABLE tokens (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_id INT UNSIGNED NOT NULL,
  requested_at DATETIME NOT NULL,
  KEY idx_tokens_requested (requested_at)
) ENGINE=InnoDB;
-- @migration
-- the index is redefined in two statements: no IGNORED fix (the CREATE would then fail on the name)
DROP INDEX idx_tokens_requested ON tokens;
CREATE INDEX idx_tokens_requested ON tokens (requested_at, tenant_id);
