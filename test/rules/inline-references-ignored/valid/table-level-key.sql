CREATE TABLE accounts (id INT PRIMARY KEY);
CREATE TABLE users (
  id INT PRIMARY KEY,
  account_id INT,
  CONSTRAINT fk_users_account FOREIGN KEY (account_id) REFERENCES accounts (id)
);
