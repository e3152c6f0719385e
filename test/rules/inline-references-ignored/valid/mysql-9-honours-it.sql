-- @target mysql-9.1
CREATE TABLE accounts (id INT PRIMARY KEY);
CREATE TABLE users (id INT PRIMARY KEY, account_id INT REFERENCES accounts (id));
