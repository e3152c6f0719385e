ALTER TABLE users MODIFY legacy_code VARCHAR(20) CHARACTER SET latin1 NOT NULL COMMENT 'old system id';
