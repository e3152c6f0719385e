CREATE TABLE orders (id INT PRIMARY KEY);
CREATE TABLE order_items (id INT PRIMARY KEY, order_id INT NOT NULL, CONSTRAINT fk_items_order FOREIGN KEY (order_id) REFERENCES orders (id));
-- @migration
DROP TABLE IF EXISTS orders;
