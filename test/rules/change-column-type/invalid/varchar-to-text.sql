-- @target mariadb-10.11
CREATE TABLE messages (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  body VARCHAR(255) NOT NULL
) ENGINE=InnoDB;
-- @migration
-- a widening: every old value fits, but the table is still copied
ALTER TABLE messages MODIFY body TEXT NOT NULL;
