CREATE TABLE tickets (id INT PRIMARY KEY, prio ENUM('low', 'high'));
ALTER TABLE tickets MODIFY prio ENUM('high', 'low');
