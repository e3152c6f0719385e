SET SESSION lock_wait_timeout = 5;

CREATE TABLE categories (
  id   INT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(100) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- a nullable column at the end of an existing table: INSTANT
ALTER TABLE products ADD COLUMN category_id INT UNSIGNED NULL;
