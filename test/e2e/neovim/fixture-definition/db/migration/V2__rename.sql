-- the column gets its real name
ALTER TABLE users RENAME COLUMN last_name TO surname;
