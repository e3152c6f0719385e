CREATE TABLE sessions (token CHAR(64) NOT NULL, user_id INT, UNIQUE KEY uq_token (token));
