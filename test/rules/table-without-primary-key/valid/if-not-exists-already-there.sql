CREATE TABLE legacy_log (msg TEXT) -- lockstep-disable-line table-without-primary-key -- existed before
;
-- @migration
CREATE TABLE IF NOT EXISTS legacy_log (msg TEXT);
