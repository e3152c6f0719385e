-- @target mariadb-10.11
CREATE TABLE accounts (id INT NOT NULL PRIMARY KEY);
CREATE TABLE users (id INT NOT NULL PRIMARY KEY, account_id INT NULL, CONSTRAINT fk_users_account FOREIGN KEY (account_id) REFERENCES accounts (id));
-- @migration
ALTER TABLE users DROP COLUMN account_id;
