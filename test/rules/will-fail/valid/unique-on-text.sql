-- @target mariadb-10.11
CREATE TABLE posts (id INT NOT NULL PRIMARY KEY, body TEXT NULL);
-- @migration
ALTER TABLE posts ADD UNIQUE KEY uq_body (body);
