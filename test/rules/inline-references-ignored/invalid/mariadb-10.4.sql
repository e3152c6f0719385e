-- @target mariadb-10.4
CREATE TABLE accounts (id INT PRIMARY KEY);
-- @migration
ALTER TABLE accounts ADD COLUMN parent_id INT NULL REFERENCES accounts (id) ON DELETE SET NULL;
