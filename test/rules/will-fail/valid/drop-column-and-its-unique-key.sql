-- @target mariadb-10.11
CREATE TABLE memberships (id INT NOT NULL PRIMARY KEY, team_id INT NOT NULL, user_id INT NOT NULL, UNIQUE KEY uq_team_user (team_id, user_id));
-- @migration
ALTER TABLE memberships DROP INDEX uq_team_user, DROP COLUMN user_id;
