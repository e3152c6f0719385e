SET SESSION lock_wait_timeout = 5;
ALTER TABLE `AppSettings` ADD COLUMN Scope VARCHAR(32) NULL;
