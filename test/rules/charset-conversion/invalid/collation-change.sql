CREATE TABLE users (id INT PRIMARY KEY, login VARCHAR(50) COLLATE utf8mb4_bin NOT NULL, UNIQUE KEY uq_login (login)) DEFAULT CHARSET=utf8mb4;
-- @migration
ALTER TABLE users MODIFY login VARCHAR(50) COLLATE utf8mb4_general_ci NOT NULL;
