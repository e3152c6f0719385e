ALTER TABLE products DROP INDEX idx_products_title;
