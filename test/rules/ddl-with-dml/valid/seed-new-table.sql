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
CREATE TABLE currencies (code CHAR(3) PRIMARY KEY, name VARCHAR(40) NOT NULL);
INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro'), ('USD', 'US dollar');
UPDATE currencies SET name = 'Euro (EUR)' WHERE code = 'EUR';
