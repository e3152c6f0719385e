-- orders is not created by any migration in the workspace, but this file adds the column as NULL,
-- backfills it, then makes it NOT NULL: its old definition is known, so this is the real hazard
ALTER TABLE orders ADD COLUMN note TEXT NULL;
UPDATE orders SET note = '' WHERE note IS NULL;
ALTER TABLE orders MODIFY note TEXT NOT NULL;
