-- @target mariadb-10.11

CREATE TABLE users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(255) NULL,
  name VARCHAR(100) NOT NULL DEFAULT '',
  status VARCHAR(20) NOT NULL DEFAULT 'new' COMMENT 'lifecycle state'
) DEFAULT CHARSET=utf8mb4;

-- @migration
ALTER TABLE users RENAME TO customers;
