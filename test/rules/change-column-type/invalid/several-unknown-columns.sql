-- the table comes from outside the workspace: one info finding for all of its MODIFY clauses
ALTER TABLE qrtz_triggers
  MODIFY COLUMN sched_name VARCHAR(120) NOT NULL,
  MODIFY COLUMN trigger_name VARCHAR(200) NOT NULL,
  MODIFY COLUMN trigger_group VARCHAR(200) NOT NULL;
