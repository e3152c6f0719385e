CREATE TABLE users (
  id INT PRIMARY KEY,
  account_id INT NOT NULL, FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
  email VARCHAR(255)
);
