ALTER TABLE users ADD COLUMN account_id INT NULL, ADD FOREIGN KEY (account_id) REFERENCES accounts (id);
