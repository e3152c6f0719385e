CREATE TABLE prices (id INT NOT NULL PRIMARY KEY, amount DECIMAL(10,2) UNSIGNED NOT NULL DEFAULT 0);
-- @migration
-- every UNSIGNED DECIMAL(10,2) value fits the signed DECIMAL(10,2): a widening, no sign warning
ALTER TABLE prices MODIFY amount DECIMAL(10,2) NOT NULL DEFAULT 0;
