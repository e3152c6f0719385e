CREATE TABLE users (id BIGINT PRIMARY KEY, legacy_flag TINYINT NOT NULL);

-- @migration
-- a flag removed and a timestamp added: not the same column under another name
ALTER TABLE users DROP COLUMN legacy_flag, ADD COLUMN seen_at DATETIME NULL;
