ALTER TABLE users ADD COLUMN account_id INT AFTER id, ADD FOREIGN KEY (account_id) REFERENCES accounts (id);
