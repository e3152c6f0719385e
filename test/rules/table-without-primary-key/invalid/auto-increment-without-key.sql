-- @target mariadb-10.11
-- no id-column fix: the table already has an AUTO_INCREMENT column, and a table holds only one
CREATE TABLE audit_events (
  seq BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  payload TEXT NULL,
  KEY idx_audit_events_seq (seq)
) ENGINE=InnoDB;
