-- @target mariadb-10.11
CREATE TABLE events (tenant_id INT NOT NULL, id INT NOT NULL AUTO_INCREMENT, PRIMARY KEY (tenant_id, id));
