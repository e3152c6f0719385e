CREATE TABLE users (id BIGINT UNSIGNED PRIMARY KEY);
CREATE TABLE sessions (
  id BIGINT UNSIGNED PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  last_seen DATETIME NULL,
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
-- @migration
CREATE INDEX idx_sessions_last_seen ON sessions (last_seen);
