-- Runs on databases that may already have the column (hand-patched replicas):
-- the ALTER is chosen at run time and executed through PREPARE.
SET @has_column = (
  SELECT COUNT(*) FROM information_schema.columns
   WHERE table_schema = DATABASE() AND table_name = 'products' AND column_name = 'price_cents'
);
SET @ddl = IF(@has_column = 0,
  'ALTER TABLE products ADD COLUMN price_cents INT NOT NULL',
  'SELECT 1');
PREPARE stmt FROM @ddl;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;
