SET SESSION foreign_key_checks = 0;
CREATE TABLE coupons (id BIGINT UNSIGNED PRIMARY KEY);
SET SESSION foreign_key_checks = 1;
ALTER TABLE orders ADD COLUMN coupon_id BIGINT UNSIGNED NULL;
-- verify first that this returns 0: SELECT COUNT(*) FROM `orders` c LEFT JOIN `coupons` p ON p.`id` = c.`coupon_id` WHERE c.`coupon_id` IS NOT NULL AND p.`id` IS NULL
SET SESSION foreign_key_checks = 0;
ALTER TABLE orders ADD CONSTRAINT fk_orders_coupon FOREIGN KEY (coupon_id) REFERENCES coupons (id), ALGORITHM=INPLACE;
SET SESSION foreign_key_checks = 1;
