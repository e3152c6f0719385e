CREATE TABLE job_lock (
  lock_name VARCHAR(50) NOT NULL PRIMARY KEY,
  locked_at DATETIME NOT NULL
) ENGINE=InnoDB;
-- @migration
-- the table exists (an earlier migration created it): dropping it loses the rows
DROP TABLE IF EXISTS job_lock;
CREATE TABLE job_lock (
  lock_name VARCHAR(64) NOT NULL PRIMARY KEY,
  locked_at DATETIME NOT NULL,
  owner VARCHAR(100) NULL
) ENGINE=InnoDB;
