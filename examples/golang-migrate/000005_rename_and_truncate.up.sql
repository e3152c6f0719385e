SET SESSION lock_wait_timeout = 5;
RENAME TABLE product_events TO product_audit;
-- lockstep-disable-next-line destructive-statement -- audit rows are exported to the warehouse nightly
TRUNCATE TABLE product_audit;
