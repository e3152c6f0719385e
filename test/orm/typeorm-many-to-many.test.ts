// The owning side of a TypeORM many-to-many relation (`@ManyToMany` + `@JoinTable`) is a junction
// table: named, keyed and indexed as TypeORM creates it on MySQL (the names below are the ones
// TypeORM's generated migrations carry for the documentation's Question/Category example),
// renamed with `@JoinTable({ name, joinColumn, inverseJoinColumn })`; dropping the relation drops
// the table and its rows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeModelChange } from '../../server/src/engine';
import { analyzeEdit, mysql80 as target } from './model-change';

const IMPORTS = "import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';\n";

const CATEGORY = `
@Entity()
export class Category {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  name: string;
}
`;

const BEFORE = `${IMPORTS}${CATEGORY}
@Entity()
export class Question {
  @PrimaryGeneratedColumn()
  id: number;
}
`;

const AFTER = `${IMPORTS}${CATEGORY}
@Entity()
export class Question {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToMany(() => Category)
  @JoinTable()
  categories: Category[];
}
`;

const REL = 'src/entities/question.entity.ts';

test('a new @ManyToMany with @JoinTable creates the junction table TypeORM creates', () => {
  const { analysis } = analyzeEdit(REL, BEFORE, AFTER, { target });
  assert.deepEqual(analysis?.findings, []);
  assert.equal(
    analysis?.sql,
    'CREATE TABLE `question_categories_category` (`questionId` INT NOT NULL, `categoryId` INT NOT NULL, PRIMARY KEY (`questionId`, `categoryId`), ' +
      'INDEX `IDX_21433e6d9a0e7e79c36b4ae69f` (`questionId`), INDEX `IDX_9cf04f10454634f887ade56562` (`categoryId`), ' +
      'CONSTRAINT `FK_21433e6d9a0e7e79c36b4ae69fd` FOREIGN KEY (`questionId`) REFERENCES `question` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, ' +
      'CONSTRAINT `FK_9cf04f10454634f887ade565622` FOREIGN KEY (`categoryId`) REFERENCES `category` (`id`) ON DELETE CASCADE ON UPDATE CASCADE);\n',
  );
});

test('removing the relation drops the junction table with its rows', () => {
  const { analysis } = analyzeEdit(REL, AFTER, BEFORE, { target });
  assert.deepEqual(analysis?.findings.map((f) => f.rule), ['drop-table']);
  assert.equal(analysis?.sql, 'DROP TABLE `question_categories_category`;\n');
});

test('@JoinTable names, column names and key types; a bidirectional relation takes the inverse side actions', () => {
  const before = `${IMPORTS}
@Entity('tags')
export class Tag {
  @PrimaryGeneratedColumn('uuid')
  uuid: string;

  @ManyToMany(() => Post, (post) => post.tags, { onDelete: 'RESTRICT' })
  posts: Post[];
}

@Entity()
export class Post {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @ManyToMany(() => Tag, (tag) => tag.posts)
  @JoinTable()
  tags: Tag[];
}
`;
  const sql = analyzeModelChange('src/entities/post.entity.ts', undefined, before, { target })?.sql ?? '';
  assert.match(sql, /CREATE TABLE `post_tags_tags` \(`postId` BIGINT UNSIGNED NOT NULL, `tagsUuid` VARCHAR\(36\) NOT NULL, PRIMARY KEY \(`postId`, `tagsUuid`\)/);
  assert.match(sql, /FOREIGN KEY \(`postId`\) REFERENCES `post` \(`id`\) ON DELETE CASCADE ON UPDATE CASCADE/);
  assert.match(sql, /FOREIGN KEY \(`tagsUuid`\) REFERENCES `tags` \(`uuid`\) ON DELETE RESTRICT ON UPDATE NO ACTION/);

  const renamed = before.replace('@JoinTable()', "@JoinTable({ name: 'post_tag', joinColumn: { name: 'post_id' }, inverseJoinColumn: { name: 'tag_uuid', referencedColumnName: 'uuid' } })");
  const analysis = analyzeModelChange('src/entities/post.entity.ts', before, renamed, { target });
  // a different junction table: the old one and its rows go, an empty one is created
  assert.deepEqual(analysis?.findings.map((f) => f.rule), ['drop-table']);
  assert.match(analysis?.sql ?? '', /CREATE TABLE `post_tag` \(`post_id` BIGINT UNSIGNED NOT NULL, `tag_uuid` VARCHAR\(36\) NOT NULL, PRIMARY KEY \(`post_id`, `tag_uuid`\)/);
});

test('a relation of an entity to itself numbers its two junction columns; the inverse side and synchronize: false make no table', () => {
  const text = `${IMPORTS}
@Entity()
export class Person {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToMany(() => Person)
  @JoinTable()
  friends: Person[];

  @ManyToMany(() => Person)
  @JoinTable({ synchronize: false })
  legacyFriends: Person[];
}
`;
  const sql = analyzeModelChange('src/entities/person.entity.ts', undefined, text, { target })?.sql ?? '';
  assert.match(sql, /CREATE TABLE `person_friends_person` \(`personId_1` INT NOT NULL, `personId_2` INT NOT NULL, PRIMARY KEY \(`personId_1`, `personId_2`\)/);
  assert.doesNotMatch(sql, /legacy/);
});
