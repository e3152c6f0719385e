CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(255) NOT NULL, tenant INT NOT NULL, UNIQUE KEY uq_email (email));
-- @migration
ALTER TABLE users ADD UNIQUE KEY uq_email_tenant (email, tenant);
