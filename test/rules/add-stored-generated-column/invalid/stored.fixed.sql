ALTER TABLE orders ADD COLUMN total_cents BIGINT AS (total * 100) VIRTUAL;
