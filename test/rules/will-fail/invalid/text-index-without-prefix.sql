CREATE TABLE posts (id INT NOT NULL PRIMARY KEY, body TEXT NULL);
-- @migration
ALTER TABLE posts ADD INDEX idx_body (body);
