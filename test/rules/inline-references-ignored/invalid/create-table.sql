CREATE TABLE accounts (id INT PRIMARY KEY);
-- @migration
CREATE TABLE users (
  id INT PRIMARY KEY,
  account_id INT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  email VARCHAR(255)
);
