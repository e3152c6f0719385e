-- legacy_events comes from outside the workspace: the ALTER shows it exists, so the
-- CREATE TABLE IF NOT EXISTS below is a no-op, not a new table without a key
ALTER TABLE legacy_events ADD COLUMN source VARCHAR(20) NULL;
CREATE TABLE IF NOT EXISTS legacy_events (source VARCHAR(20));
