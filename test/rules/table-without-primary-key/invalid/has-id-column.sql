CREATE TABLE events (id BIGINT NOT NULL, payload JSON, KEY idx_id (id));
