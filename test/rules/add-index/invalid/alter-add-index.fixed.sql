ALTER TABLE orders ADD INDEX idx_orders_user (user_id), ADD KEY idx_orders_status (status), ALGORITHM=INPLACE, LOCK=NONE;
