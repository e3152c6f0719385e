-- @target mariadb-10.11
CREATE TABLE pages (id INT NOT NULL PRIMARY KEY, host VARCHAR(384) NULL, path VARCHAR(384) NULL) DEFAULT CHARSET=utf8mb4;
-- @migration
ALTER TABLE pages ADD INDEX idx_host_path (host, path);
