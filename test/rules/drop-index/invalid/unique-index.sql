-- @target mariadb-10.11
CREATE TABLE accounts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(191) NOT NULL,
  UNIQUE KEY uq_accounts_email (email)
) ENGINE=InnoDB;
-- @migration
ALTER TABLE accounts DROP INDEX uq_accounts_email;
