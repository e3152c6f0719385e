-- @target mariadb-10.11
-- the table comes from outside the workspace: the index may not exist, and ALTER INDEX … IGNORED
-- has no IF EXISTS guard, so no fix is offered
ALTER TABLE legacy_accounts DROP INDEX IF EXISTS idx_legacy_accounts_email;
