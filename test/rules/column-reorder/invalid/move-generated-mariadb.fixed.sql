ALTER TABLE orders MODIFY total_cents BIGINT AS (total * 100) VIRTUAL;
