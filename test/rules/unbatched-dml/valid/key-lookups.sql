CREATE TABLE users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(255) NOT NULL,
  name VARCHAR(100) NULL,
  bio TEXT NULL,
  UNIQUE KEY uq_users_email (email)
) ENGINE=InnoDB;
CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  total INT NOT NULL,
  status VARCHAR(20) NOT NULL
) ENGINE=InnoDB;
-- @migration
UPDATE users SET name = 'Admin' WHERE email = 'admin@example.com';
DELETE FROM orders WHERE id IN (1, 2, 3);
UPDATE orders SET total = 0 WHERE orders.id = 5;
