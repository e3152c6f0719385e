-- @target mariadb-10.11
CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  total INT NOT NULL,
  total_cents BIGINT AS (total * 100) VIRTUAL
);
-- @migration
ALTER TABLE orders MODIFY total_cents BIGINT AS (total * 100) VIRTUAL FIRST;
