CREATE TABLE users (id INT PRIMARY KEY);
-- @migration
CREATE TABLE users_copy LIKE users;
CREATE TEMPORARY TABLE scratch (n INT);
