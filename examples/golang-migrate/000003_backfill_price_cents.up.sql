ALTER TABLE products ADD INDEX idx_products_title (title);
UPDATE products SET price_cents = ROUND(price * 100);
