CREATE TABLE staging (id INT PRIMARY KEY);
RENAME TABLE staging TO reports;
