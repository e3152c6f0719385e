CREATE TABLE orders (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  qty INT(11) NOT NULL DEFAULT 0,
  price DECIMAL(10,2) NOT NULL,
  code VARCHAR(30) NULL,
  state ENUM('new', 'paid') NOT NULL DEFAULT 'new',
  note VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'free text'
) DEFAULT CHARSET=utf8mb4;

-- @migration
ALTER TABLE orders MODIFY code VARCHAR(40) NULL, MODIFY state ENUM('new', 'paid', 'refunded') NOT NULL DEFAULT 'new';
