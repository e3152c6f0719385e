-- @target mariadb-10.11
CREATE TABLE memberships (team_id INT NOT NULL, user_id INT NOT NULL, role VARCHAR(20) NULL, PRIMARY KEY (team_id, user_id));
-- @migration
ALTER TABLE memberships DROP COLUMN user_id;
