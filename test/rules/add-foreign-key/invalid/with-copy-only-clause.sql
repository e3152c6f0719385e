-- @target mariadb-10.11
-- the MODIFY is a type change (COPY only): no foreign_key_checks=0 + ALGORITHM=INPLACE fix
CREATE TABLE users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY
) ENGINE=InnoDB;
CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  total INT NOT NULL,
  KEY idx_orders_user (user_id)
) ENGINE=InnoDB;
-- @migration
ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id), MODIFY total BIGINT NOT NULL;
