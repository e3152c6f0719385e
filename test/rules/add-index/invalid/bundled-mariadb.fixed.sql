ALTER TABLE orders ADD COLUMN shipped_at DATETIME NULL;
ALTER TABLE orders ADD INDEX idx_orders_shipped (shipped_at), ALGORITHM=INPLACE, LOCK=NONE;
