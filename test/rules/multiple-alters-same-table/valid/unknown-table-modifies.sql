-- the table comes from outside the workspace: the old column definitions are unknown, so neither
-- MODIFY is known to rewrite it (a same-type MODIFY is instant)
ALTER TABLE legacy_orders MODIFY note VARCHAR(200) NULL;
ALTER TABLE legacy_orders MODIFY status VARCHAR(20) NOT NULL DEFAULT 'new';
