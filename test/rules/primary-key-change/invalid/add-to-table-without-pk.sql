CREATE TABLE audit_log (happened_at DATETIME NOT NULL, message TEXT NOT NULL, seq BIGINT NOT NULL);
-- @migration
ALTER TABLE audit_log ADD PRIMARY KEY (seq);
