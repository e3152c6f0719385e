CREATE TABLE clients (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  redirect_uris TEXT NOT NULL
) ENGINE=InnoDB;
-- @migration
-- the temporary column exists only inside this migration: no app version has used it
ALTER TABLE clients ADD COLUMN redirect_uris_tmp JSON NULL;
ALTER TABLE clients RENAME COLUMN redirect_uris_tmp TO redirect_list;
