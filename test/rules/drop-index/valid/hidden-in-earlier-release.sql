CREATE TABLE users (
  id INT PRIMARY KEY,
  email VARCHAR(255) NOT NULL,
  created_at DATETIME NOT NULL,
  KEY idx_email (email),
  KEY idx_created (created_at)
);

ALTER TABLE users ALTER INDEX idx_email INVISIBLE;
-- @migration
DROP INDEX idx_email ON users;
