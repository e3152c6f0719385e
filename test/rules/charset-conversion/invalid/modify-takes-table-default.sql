CREATE TABLE users (id INT PRIMARY KEY, legacy_code VARCHAR(20) CHARACTER SET latin1 NOT NULL) DEFAULT CHARSET=utf8mb4;
-- @migration
ALTER TABLE users MODIFY legacy_code VARCHAR(20) NOT NULL COMMENT 'old system id';
