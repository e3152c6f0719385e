CREATE TABLE tmp_import (id INT PRIMARY KEY);
DROP TABLE tmp_import;
