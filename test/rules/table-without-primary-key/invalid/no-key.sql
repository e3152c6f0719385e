CREATE TABLE audit_log (
  msg TEXT,
  created_at DATETIME NOT NULL
);
