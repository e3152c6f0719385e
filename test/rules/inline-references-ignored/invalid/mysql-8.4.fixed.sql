-- @target mysql-8.4
CREATE TABLE teams (id INT PRIMARY KEY, owner_id INT, FOREIGN KEY (owner_id) REFERENCES users (id));
