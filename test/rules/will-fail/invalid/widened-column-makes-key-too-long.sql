-- @target mariadb-10.11
CREATE TABLE pages (id INT NOT NULL PRIMARY KEY, host VARCHAR(255) NULL, path VARCHAR(255) NULL, KEY idx_host_path (host, path)) DEFAULT CHARSET=utf8mb4;
-- @migration
ALTER TABLE pages MODIFY path VARCHAR(700) NULL;
