CREATE TABLE handles (id INT PRIMARY KEY, handle VARCHAR(40));
CREATE UNIQUE INDEX uq_handle ON handles (handle);
