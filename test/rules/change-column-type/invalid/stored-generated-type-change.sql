-- @target mariadb-10.11
CREATE TABLE orders (id INT NOT NULL PRIMARY KEY, qty INT NOT NULL, price INT NOT NULL, total INT AS (qty * price) STORED);
-- @migration
ALTER TABLE orders MODIFY total BIGINT AS (qty * price) STORED;
