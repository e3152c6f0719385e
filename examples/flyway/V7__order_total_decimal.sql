SET SESSION lock_wait_timeout = 5;
ALTER TABLE orders MODIFY total DECIMAL(12,2) NOT NULL;
