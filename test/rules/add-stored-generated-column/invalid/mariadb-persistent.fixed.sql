ALTER TABLE users ADD COLUMN email_domain VARCHAR(255) AS (SUBSTRING_INDEX(email, '@', -1)) VIRTUAL COMMENT 'stored for sorting';
