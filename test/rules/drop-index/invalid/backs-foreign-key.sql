CREATE TABLE accounts (id INT PRIMARY KEY);
CREATE TABLE users (
  id INT PRIMARY KEY,
  account_id INT NOT NULL,
  KEY idx_account (account_id),
  CONSTRAINT fk_users_account FOREIGN KEY (account_id) REFERENCES accounts (id)
);
-- @migration
ALTER TABLE users DROP INDEX idx_account;
