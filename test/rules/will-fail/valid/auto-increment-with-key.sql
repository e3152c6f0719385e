-- @target mariadb-10.11
CREATE TABLE events (tenant_id INT NOT NULL, id INT NOT NULL AUTO_INCREMENT, PRIMARY KEY (tenant_id, id), KEY idx_id (id));
CREATE TABLE logs (msg VARCHAR(100) NULL);
-- @migration
ALTER TABLE logs ADD COLUMN id INT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY uq_id (id);
