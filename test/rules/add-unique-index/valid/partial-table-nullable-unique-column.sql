-- legacy_users comes from outside the workspace and this file already changed it: a new UNIQUE
-- column without a default holds NULL in every row, which is never a duplicate
ALTER TABLE legacy_users ADD COLUMN nickname VARCHAR(40) NULL;
ALTER TABLE legacy_users ADD COLUMN handle VARCHAR(40) NULL UNIQUE;
