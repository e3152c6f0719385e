CREATE TABLE orders (id BIGINT PRIMARY KEY, total INT);
-- @migration
SET GLOBAL lock_wait_timeout = 5;
ALTER TABLE orders ADD COLUMN note VARCHAR(100) NULL;
