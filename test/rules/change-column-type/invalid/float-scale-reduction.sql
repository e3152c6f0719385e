CREATE TABLE readings (id INT NOT NULL PRIMARY KEY, value FLOAT(7,4) NULL);
-- @migration
ALTER TABLE readings MODIFY value FLOAT(7,2) NULL;
