CREATE TABLE tokens (id INT NOT NULL PRIMARY KEY, token VARBINARY(32) NULL);
-- @migration
-- byte strings need not be valid characters: a narrowing although VARCHAR(64) is longer
ALTER TABLE tokens MODIFY token VARCHAR(64) NULL;
