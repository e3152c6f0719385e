ALTER TABLE users ADD COLUMN plan ENUM('free', 'pro') NULL COMMENT 'NOT NULL on purpose';
