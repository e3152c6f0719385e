-- a re-runnable install script: the table is unknown to earlier migrations and created right after
DROP TABLE IF EXISTS job_lock;
CREATE TABLE job_lock (
  lock_name VARCHAR(50) NOT NULL PRIMARY KEY,
  locked_at DATETIME NOT NULL
) ENGINE=InnoDB;
