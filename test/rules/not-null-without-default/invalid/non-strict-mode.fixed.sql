SET SESSION sql_mode = '';
ALTER TABLE users ADD COLUMN score INT NULL;
