CREATE TABLE import_buffer (id INT PRIMARY KEY);
TRUNCATE TABLE import_buffer;
