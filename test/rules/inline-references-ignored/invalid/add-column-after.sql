-- @target mysql-5.7
CREATE TABLE accounts (id INT PRIMARY KEY);
CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(255));
-- @migration
ALTER TABLE users ADD COLUMN account_id INT REFERENCES accounts (id) AFTER id;
