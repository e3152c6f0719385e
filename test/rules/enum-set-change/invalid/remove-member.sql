CREATE TABLE orders (
  id INT PRIMARY KEY,
  state ENUM('new', 'paid', 'shipped') NOT NULL DEFAULT 'new',
  flags SET('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h') NOT NULL DEFAULT ''
);

-- @migration
ALTER TABLE orders MODIFY state ENUM('new', 'paid') NOT NULL DEFAULT 'new';
