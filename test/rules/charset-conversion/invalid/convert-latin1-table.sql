CREATE TABLE users (
  id INT PRIMARY KEY,
  email VARCHAR(191) NOT NULL,
  name VARCHAR(100) NOT NULL,
  UNIQUE KEY uq_email (email)
) DEFAULT CHARSET=latin1;
-- @migration
ALTER TABLE users CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
