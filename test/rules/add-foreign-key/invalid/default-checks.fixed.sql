-- verify first that this returns 0: SELECT COUNT(*) FROM `orders` c LEFT JOIN `users` p ON p.`id` = c.`user_id` WHERE c.`user_id` IS NOT NULL AND p.`id` IS NULL
SET SESSION foreign_key_checks = 0;
ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id), ALGORITHM=INPLACE;
SET SESSION foreign_key_checks = 1;
