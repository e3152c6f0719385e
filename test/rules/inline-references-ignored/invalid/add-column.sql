CREATE TABLE accounts (id INT PRIMARY KEY);
CREATE TABLE users (id INT PRIMARY KEY);
-- @migration
ALTER TABLE users ADD COLUMN account_id INT NULL REFERENCES accounts (id);
