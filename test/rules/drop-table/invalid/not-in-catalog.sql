DROP TABLE IF EXISTS audit_log_2019, audit_log_2020;
