-- legacy_accounts comes from outside the workspace: its primary key is unknown, so the unique
-- NOT NULL index the file added is not taken for the clustered key when it is dropped
ALTER TABLE legacy_accounts ADD COLUMN code VARCHAR(20) NOT NULL DEFAULT '', ADD UNIQUE INDEX uq_code (code);
ALTER TABLE legacy_accounts ALTER INDEX uq_code INVISIBLE;
