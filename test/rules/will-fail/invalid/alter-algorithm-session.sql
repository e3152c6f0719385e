-- @target mariadb-10.11
CREATE TABLE items (id INT NOT NULL PRIMARY KEY, qty INT NULL);
-- @migration
SET SESSION alter_algorithm = 'INPLACE';
ALTER TABLE items MODIFY qty BIGINT NULL;
SET SESSION alter_algorithm = 'DEFAULT';
