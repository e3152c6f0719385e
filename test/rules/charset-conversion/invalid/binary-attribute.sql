CREATE TABLE users (id INT NOT NULL PRIMARY KEY, login VARCHAR(50) NOT NULL) DEFAULT CHARSET=utf8mb4;
-- @migration
-- the BINARY attribute is the utf8mb4_bin collation: comparisons become case-sensitive
ALTER TABLE users MODIFY login VARCHAR(50) BINARY NOT NULL;
