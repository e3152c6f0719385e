CREATE TABLE accounts (id INT NOT NULL PRIMARY KEY, code VARCHAR(20) NOT NULL, UNIQUE KEY uq_code (code));
CREATE TABLE users (id INT NOT NULL PRIMARY KEY, account_code VARCHAR(20) NULL, CONSTRAINT fk_users_account FOREIGN KEY (account_code) REFERENCES accounts (code));
-- @migration
ALTER TABLE accounts DROP COLUMN code;
