-- @target mariadb-10.11

CREATE TABLE users (
  id INT PRIMARY KEY,
  email VARCHAR(255) NOT NULL,
  created_at DATETIME NOT NULL,
  KEY idx_email (email),
  KEY idx_created (created_at)
);

-- @migration
ALTER TABLE users DROP INDEX idx_created;
