-- the table comes from outside the workspace: its column order is unknown, so the AFTER may be a
-- restated position (as GUI tools write it) or a real move; reported as info only
ALTER TABLE departments
  MODIFY COLUMN org_type VARCHAR(10) NULL DEFAULT NULL COMMENT 'depth level' AFTER org_category;
