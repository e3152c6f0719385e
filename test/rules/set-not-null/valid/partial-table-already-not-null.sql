-- orders comes from outside the workspace; the file added the column NOT NULL itself, so a later
-- MODIFY that keeps it NOT NULL (new default) makes nothing NOT NULL
ALTER TABLE orders ADD COLUMN priority INT NOT NULL DEFAULT 0;
ALTER TABLE orders MODIFY priority INT NOT NULL DEFAULT 1;
