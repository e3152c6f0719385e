-- @target mariadb-10.11
CREATE TABLE tokens (token TEXT NOT NULL, PRIMARY KEY (token));
