CREATE TABLE users (id INT PRIMARY KEY, country CHAR(2) NOT NULL DEFAULT 'DE', age INT);
-- @migration
ALTER TABLE users MODIFY country CHAR(2) AFTER age;
