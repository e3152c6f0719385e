CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(255));
CREATE TABLE _users_new (id BIGINT PRIMARY KEY, email VARCHAR(255));
-- @migration
-- manual cut-over after a tool copied the rows into _users_new (created in an earlier release)
RENAME TABLE users TO _users_old, _users_new TO users;
