CREATE TABLE `User` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(191) NOT NULL,
  PRIMARY KEY (`id`)
);

-- @migration
-- AlterTable
ALTER TABLE `User` DROP COLUMN `name`,
    ADD COLUMN `fullName` VARCHAR(191) NOT NULL;
