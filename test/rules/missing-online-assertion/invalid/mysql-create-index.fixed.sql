CREATE INDEX idx_orders_status ON orders (status) ALGORITHM=INPLACE LOCK=NONE;
