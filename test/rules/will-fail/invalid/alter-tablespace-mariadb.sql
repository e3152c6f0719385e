-- @target mariadb-10.11
ALTER TABLESPACE ts_archive RENAME TO ts_cold;
