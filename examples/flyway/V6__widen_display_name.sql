SET SESSION lock_wait_timeout = 5;
-- 50 → 100 characters of utf8mb4 is 200 → 400 bytes: the length prefix grows to 2 bytes
ALTER TABLE users MODIFY display_name VARCHAR(100) NOT NULL;
