// An entity read with the rest of the project the shell hands in (`parsers.typeorm.files`): a base
// class from another file gives its columns, reported on the `extends` clause; a relation to an
// entity of another file takes that entity's table and key type (without the files: the default
// table name and INT, as before); and the SnakeNamingStrategy (`naming: 'snake'`) names columns,
// join columns and junction columns in snake_case, with TypeORM's key names hashed from them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeModelChange, type ModelAnalyzeOptions } from '../../server/src/engine';
import { findingLines } from './git-fixture';
import { analyzeEdit, mysql80 as target } from './model-change';

const BASE_FILE = `import { CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

export abstract class BaseModel {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn()
  createdAt: Date;
}
`;

const ACCOUNT_FILE = `import { Column, Entity } from 'typeorm';
import { BaseModel } from './base';

@Entity('accounts')
export class Account extends BaseModel {
  @Column({ length: 80 })
  owner: string;
}
`;

const BEFORE = `import { Column, Entity, ManyToOne } from 'typeorm';
import { BaseModel } from '../common/base';
import { Account } from './account.entity';

@Entity()
export class Payment extends BaseModel {
  @Column()
  amount: number;
}
`;

const AFTER = BEFORE.replace('  amount: number;\n', "  amount: number;\n\n  @ManyToOne(() => Account, { onDelete: 'CASCADE' })\n  account: Account;\n");

const withFiles: ModelAnalyzeOptions = { target, parsers: { typeorm: { files: [BASE_FILE, ACCOUNT_FILE] } } };
const REL = 'src/entities/payment.entity.ts';

test('a relation to an entity of another file references its real table and key type', () => {
  const { analysis } = analyzeEdit(REL, BEFORE, AFTER, withFiles);
  assert.match(analysis?.sql ?? '', /^ALTER TABLE `payment` ADD COLUMN `accountId` VARCHAR\(36\) NULL, ADD CONSTRAINT `FK_\w{27}` FOREIGN KEY \(`accountId`\) REFERENCES `accounts` \(`id`\) ON DELETE CASCADE ON UPDATE NO ACTION;/);
  // without the other files: the default table name and INT
  const alone = analyzeModelChange(REL, BEFORE, AFTER, { target });
  assert.match(alone?.sql ?? '', /ADD COLUMN `accountId` INT NULL, ADD CONSTRAINT `FK_\w{27}` FOREIGN KEY \(`accountId`\) REFERENCES `account` \(`id`\)/);
});

test("a base class from another file gives its columns; a change in it is reported on the entity's extends clause", () => {
  const created = analyzeModelChange(REL, undefined, BEFORE, withFiles);
  assert.match(created?.sql ?? '', /^CREATE TABLE `payment` \(`id` VARCHAR\(36\) NOT NULL, `createdAt` DATETIME\(6\) NOT NULL DEFAULT CURRENT_TIMESTAMP\(6\), `amount` INT NOT NULL, PRIMARY KEY \(`id`\)\)/);
  // the entity now extends another base, whose createdAt is a TIMESTAMP: reported on that base's name
  const stamped = "export abstract class Stamped {\n  @PrimaryGeneratedColumn('uuid')\n  id: string;\n  @CreateDateColumn({ type: 'timestamp' })\n  createdAt: Date;\n}\n";
  const after = BEFORE.replace('extends BaseModel', 'extends Stamped');
  const analysis = analyzeModelChange(REL, BEFORE, after, { target, parsers: { typeorm: { files: [BASE_FILE, stamped] } } });
  assert.deepEqual(findingLines(after, analysis?.findings ?? []), ['change-column-type @ export class Payment extends Stamped {']);
  assert.deepEqual(analysis?.findings.map((f) => after.slice(f.span.start, f.span.end)), ['Stamped']);
  assert.match(analysis?.sql ?? '', /^ALTER TABLE `payment` MODIFY COLUMN `createdAt` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\(6\);/);
});

test('SnakeNamingStrategy: snake_case columns, join columns and junction columns, keys named from them', () => {
  const text = `import { Column, Entity, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class BlogPost {
  @PrimaryGeneratedColumn()
  postId: number;

  @Column({ name: 'Title' })
  title: string;

  @Column()
  publishedAt: Date;

  @ManyToOne(() => Author)
  mainAuthor: Author;

  @ManyToMany(() => Label)
  @JoinTable()
  labelSet: Label[];
}

@Entity()
export class Author {
  @PrimaryGeneratedColumn()
  id: number;
}

@Entity()
export class Label {
  @PrimaryGeneratedColumn()
  id: number;
}
`;
  const snake = analyzeModelChange('src/entities/blog.entity.ts', undefined, text, { target, parsers: { typeorm: { naming: 'snake' } } })?.sql ?? '';
  assert.match(snake, /CREATE TABLE `blog_post` \(`post_id` INT NOT NULL AUTO_INCREMENT, `Title` VARCHAR\(255\) NOT NULL, `published_at` DATETIME NOT NULL, `main_author_id` INT NULL, PRIMARY KEY \(`post_id`\)/);
  assert.match(snake, /CREATE TABLE `blog_post_label_set_label` \(`blog_post_post_id` INT NOT NULL, `label_id` INT NOT NULL/);
  const byDefault = analyzeModelChange('src/entities/blog.entity.ts', undefined, text, { target })?.sql ?? '';
  assert.match(byDefault, /CREATE TABLE `blog_post` \(`postId` INT NOT NULL AUTO_INCREMENT, `Title` VARCHAR\(255\) NOT NULL, `publishedAt` DATETIME NOT NULL, `mainAuthorId` INT NULL/);
  assert.match(byDefault, /CREATE TABLE `blog_post_label_set_label` \(`blogPostPostId` INT NOT NULL, `labelId` INT NOT NULL/);
  // the key names hash the column names, so they differ between the strategies
  const fk = (sql: string) => /CONSTRAINT `(FK_\w+)` FOREIGN KEY \(`main_?[aA]uthor_?[iI]d`\)/.exec(sql)?.[1];
  assert.ok(fk(snake) && fk(byDefault) && fk(snake) !== fk(byDefault));
});
