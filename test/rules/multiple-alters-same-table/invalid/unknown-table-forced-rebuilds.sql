-- the table is unknown to the workspace, but FORCE and a CHECK constraint rewrite it whatever its columns
ALTER TABLE legacy_orders FORCE;
ALTER TABLE legacy_orders ADD CONSTRAINT chk_legacy_total CHECK (total >= 0);
