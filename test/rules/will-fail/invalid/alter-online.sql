-- @target mariadb-10.11
CREATE TABLE items (id INT NOT NULL PRIMARY KEY, qty INT NULL);
-- @migration
ALTER ONLINE TABLE items MODIFY qty BIGINT NULL;
