CREATE TABLE orders (id INT PRIMARY KEY, state ENUM('new', 'paid') NOT NULL DEFAULT 'new');
-- @migration
-- reported by change-column-type, not here
ALTER TABLE orders MODIFY state VARCHAR(20) NOT NULL DEFAULT 'new';
