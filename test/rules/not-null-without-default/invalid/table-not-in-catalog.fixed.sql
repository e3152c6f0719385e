-- orders comes from a migration Lockstep does not see: it still exists
ALTER TABLE orders ADD total DECIMAL(10,2) NULL;
