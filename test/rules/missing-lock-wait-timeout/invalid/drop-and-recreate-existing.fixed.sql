-- rebuild the sessions table from scratch
SET SESSION lock_wait_timeout = 5;
DROP TABLE IF EXISTS sessions;
CREATE TABLE sessions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token CHAR(64) NOT NULL,
  expires_at DATETIME NULL
) ENGINE=InnoDB;
