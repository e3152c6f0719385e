ALTER TABLE legacy_orders DROP legacy_flag;
