SET GLOBAL lock_wait_timeout = 5;
SET SESSION lock_wait_timeout = 5;
ALTER TABLE orders ADD COLUMN note VARCHAR(100) NULL;
