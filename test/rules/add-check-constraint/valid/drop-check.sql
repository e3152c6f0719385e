-- @target mariadb-10.11
CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  total INT NOT NULL,
  CONSTRAINT chk_orders_total CHECK (total >= 0)
);
-- @migration
ALTER TABLE orders DROP CONSTRAINT chk_orders_total;
