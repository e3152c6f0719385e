DROP TABLE IF EXISTS product_events;
DROP TABLE IF EXISTS products;
