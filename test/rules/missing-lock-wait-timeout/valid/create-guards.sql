-- a fresh-install script: each table is dropped if present and created again
DROP TABLE IF EXISTS tags;
CREATE TABLE tags (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  label VARCHAR(64) NOT NULL
) ENGINE=InnoDB;
DROP TABLE IF EXISTS post_tags;
CREATE TABLE post_tags (
  post_id BIGINT UNSIGNED NOT NULL,
  tag_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (post_id, tag_id)
) ENGINE=InnoDB;
ALTER TABLE post_tags ADD INDEX idx_post_tags_tag (tag_id);
