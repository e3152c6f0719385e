CREATE TABLE devices (id INT NOT NULL PRIMARY KEY, mac VARBINARY(16) NULL);
-- @migration
-- BINARY pads every shorter value with zero bytes: the stored values change
ALTER TABLE devices MODIFY mac BINARY(16) NULL;
