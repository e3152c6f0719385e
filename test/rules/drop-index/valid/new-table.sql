CREATE TABLE drafts (id INT PRIMARY KEY, title VARCHAR(50), KEY idx_title (title));
DROP INDEX idx_title ON drafts;
