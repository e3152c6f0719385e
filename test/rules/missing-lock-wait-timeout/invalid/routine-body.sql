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
DELIMITER //
CREATE PROCEDURE add_nickname()
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname') THEN
    ALTER TABLE users ADD COLUMN nickname VARCHAR(50) NULL;
  END IF;
END//
DELIMITER ;
CALL add_nickname();
DROP PROCEDURE add_nickname;
