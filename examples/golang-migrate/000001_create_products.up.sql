CREATE TABLE products (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sku         VARCHAR(64)   NOT NULL,
  title       VARCHAR(200)  NOT NULL,
  price       DECIMAL(10,2) NOT NULL,
  description TEXT          NULL,
  UNIQUE KEY uq_products_sku (sku)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE product_events (
  product_id BIGINT UNSIGNED NOT NULL,
  kind       VARCHAR(32)     NOT NULL,
  payload    JSON            NULL,
  created_at DATETIME(3)     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
