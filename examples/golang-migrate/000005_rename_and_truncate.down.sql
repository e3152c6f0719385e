RENAME TABLE product_audit TO product_events;
