SET SESSION lock_wait_timeout = 5;
-- the running app version does not know `status`: its INSERTs fail in strict mode
ALTER TABLE users ADD COLUMN status VARCHAR(20) NOT NULL;
