-- add the nickname column
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users ADD COLUMN nickname VARCHAR(50) NULL;
ALTER TABLE orders ADD INDEX idx_orders_status (status), ALGORITHM=INPLACE, LOCK=NONE;
