-- Safe: a nullable column appended at the end is INSTANT on MySQL 8.0, and the statement
-- gives up after 5 s instead of queueing every query on `users` behind its metadata lock.
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users ADD COLUMN phone VARCHAR(32) NULL, ALGORITHM=INSTANT;
