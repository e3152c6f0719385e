CREATE TABLE sessions (token VARCHAR(64), user_id INT, UNIQUE KEY uq_token (token));
