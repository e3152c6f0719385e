CREATE TABLE sessions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token CHAR(64) NOT NULL
) ENGINE=InnoDB;
-- @migration
-- rebuild the sessions table from scratch
DROP TABLE IF EXISTS sessions;
CREATE TABLE sessions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token CHAR(64) NOT NULL,
  expires_at DATETIME NULL
) ENGINE=InnoDB;
