CREATE TABLE sessions (token CHAR(64) NOT NULL, user_id INT, UNIQUE KEY uq_token (token), KEY idx_user (user_id));
-- @migration
-- uq_token is the clustered key (no PRIMARY KEY): dropping it rebuilds the table and it cannot be hidden first
ALTER TABLE sessions DROP INDEX uq_token;
