-- orders comes from outside the workspace, but this file added ref itself: its old type is known,
-- so the MODIFY is a known type change (a table copy), not an "old definition unknown" note
ALTER TABLE orders ADD COLUMN ref VARCHAR(100) NULL;
ALTER TABLE orders MODIFY ref INT NULL;
