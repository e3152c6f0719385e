-- @target mariadb-10.11
-- no id-column fix: a partitioned table's primary key must include the partitioning columns
CREATE TABLE metrics (
  recorded_on DATE NOT NULL,
  name VARCHAR(64) NOT NULL,
  value DOUBLE NOT NULL
) ENGINE=InnoDB
PARTITION BY KEY (recorded_on) PARTITIONS 4;
