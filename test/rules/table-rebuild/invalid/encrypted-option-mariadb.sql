-- @target mariadb-10.11
CREATE TABLE payments (id INT NOT NULL PRIMARY KEY, card VARCHAR(20) NULL);
-- @migration
ALTER TABLE payments ENCRYPTED = YES;
