CREATE TABLE invoices (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  amount INT NOT NULL,
  issued_at DATETIME NOT NULL
) ENGINE=InnoDB;
-- @migration
-- the type change copies the table (change-column-type reports it); the index is built during
-- that copy, and LOCK=NONE cannot be asserted for the statement
ALTER TABLE invoices MODIFY amount DECIMAL(12,2) NOT NULL, ADD INDEX idx_invoices_issued (issued_at);
