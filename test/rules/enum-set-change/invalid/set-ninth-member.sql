CREATE TABLE orders (
  id INT PRIMARY KEY,
  state ENUM('new', 'paid', 'shipped') NOT NULL DEFAULT 'new',
  flags SET('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h') NOT NULL DEFAULT ''
);

-- @migration
ALTER TABLE orders MODIFY flags SET('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i') NOT NULL DEFAULT '';
