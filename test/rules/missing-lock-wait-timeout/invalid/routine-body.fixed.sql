DELIMITER //
SET SESSION lock_wait_timeout = 5//
CREATE PROCEDURE add_nickname()
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname') THEN
    ALTER TABLE users ADD COLUMN nickname VARCHAR(50) NULL;
  END IF;
END//
DELIMITER ;
CALL add_nickname();
DROP PROCEDURE add_nickname;
