-- @target mariadb-10.11
CREATE TABLE pages (id INT NOT NULL PRIMARY KEY, url VARCHAR(1000) NULL, title VARCHAR(500) NULL) DEFAULT CHARSET=utf8mb4;
-- @migration
ALTER TABLE pages ADD INDEX idx_url_title (url, title);
