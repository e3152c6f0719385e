SET SESSION innodb_lock_wait_timeout = 5;
SET SESSION lock_wait_timeout = 5;
RENAME TABLE orders TO orders_old;
