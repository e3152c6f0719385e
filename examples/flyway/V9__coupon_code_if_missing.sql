-- Conditional DDL, as long-lived projects write it: the ALTER inside the procedure is linted too.
DELIMITER $$
DROP PROCEDURE IF EXISTS add_coupon_code $$
CREATE PROCEDURE add_coupon_code()
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM information_schema.columns
     WHERE table_schema = DATABASE() AND table_name = 'orders' AND column_name = 'coupon_code'
  ) THEN
    ALTER TABLE orders ADD COLUMN coupon_code VARCHAR(32) NOT NULL AFTER user_id;
  END IF;
END $$
DELIMITER ;

CALL add_coupon_code();
DROP PROCEDURE add_coupon_code;
