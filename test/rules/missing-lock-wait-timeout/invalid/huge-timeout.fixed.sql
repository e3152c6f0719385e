SET SESSION lock_wait_timeout = 31536000;
SET SESSION lock_wait_timeout = 5;
DROP INDEX uq_users_email ON users;
