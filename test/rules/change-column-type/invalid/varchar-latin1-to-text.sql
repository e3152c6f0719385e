CREATE TABLE notes (id INT NOT NULL PRIMARY KEY, body VARCHAR(300) NULL) DEFAULT CHARSET=latin1;
-- @migration
-- 300 single-byte characters fit TEXT's 65,535 bytes: a widening
ALTER TABLE notes MODIFY body TEXT NULL;
