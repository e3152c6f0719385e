SET SESSION lock_wait_timeout = 5;
-- lockstep-disable-next-line drop-column -- no release reads legacy_flag since 2.14 (ignored in the ORM)
ALTER TABLE users DROP COLUMN legacy_flag;
