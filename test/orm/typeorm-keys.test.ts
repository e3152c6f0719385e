// TypeORM keys written as decorators: class-level @Index / @Unique, property-level @Index, and
// relations that own a join column (@ManyToOne, @OneToOne + @JoinColumn) as a column plus a
// foreign key, named as TypeORM's default naming strategy names them, on the entity's lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeModelChange } from '../../server/src/engine';
import { findingLines } from './git-fixture';
import { analyzeEdit, mysql80 as target } from './model-change';

const IMPORTS = "import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';\n";

// User's body up to Post's primary key: the same in both versions
const USER_TO_POST_ID = `export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 100 })
  email: string;

  @Column({ length: 50 })
  firstName: string;

  @Column({ length: 50 })
  lastName: string;
}

@Entity({ name: 'articles' })
export class Post {
  @PrimaryGeneratedColumn()
  id: number;
`;

const BEFORE = `${IMPORTS}
@Entity()
${USER_TO_POST_ID}
  @Index()
  @Column()
  slug: string;

  @Column()
  authorId: number;
}
`;

// User gains a unique key and a two-column index; Post loses the slug index, gains the author
// relation on its existing authorId column and a nullable note
const AFTER = `${IMPORTS}
@Entity()
@Unique(['email'])
@Index(['lastName', 'firstName'])
${USER_TO_POST_ID}
  @Column()
  slug: string;

  @Column()
  authorId: number;

  @ManyToOne(() => User, (user) => user.posts, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'authorId' })
  author: User;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
`;

const REL = 'src/entities/blog.entity.ts';

test('decorator indexes, a removed @Index and a new relation are reported on their decorators with the SQL rule ids', () => {
  const { text, analysis } = analyzeEdit(REL, BEFORE, AFTER, { target });
  assert.deepEqual(findingLines(text, analysis?.findings ?? []), [
    "add-unique-index @ @Unique(['email'])",
    "add-index @ @Index(['lastName', 'firstName'])",
    'drop-index @ export class Post {',
    "add-foreign-key @ @ManyToOne(() => User, (user) => user.posts, { onDelete: 'CASCADE' })",
  ]);
  // TypeORM's own names: IDX_ + SHA-1 of "user_email" (the name its MySQL migrations carry for user.email)
  assert.match(analysis?.sql ?? '', /^ALTER TABLE `user` ADD UNIQUE INDEX `IDX_e12875dfb3b1d92d7d7c5377e2` \(`email`\), ADD INDEX `IDX_\w{26}` \(`lastName`, `firstName`\);/);
  assert.match(analysis?.sql ?? '', /ALTER TABLE `articles` DROP INDEX `IDX_\w{26}`, ADD COLUMN `note` TEXT NULL, ADD CONSTRAINT `FK_\w{27}` FOREIGN KEY \(`authorId`\) REFERENCES `user` \(`id`\) ON DELETE CASCADE ON UPDATE NO ACTION;/);
  assert.match(analysis?.findings[3].message ?? '', /TypeORM migration:generate writes this as ADD CONSTRAINT/);
});

test('the same index written at class level instead of on the property is no change', () => {
  const moved = BEFORE.replace('  @Index()\n  @Column()\n  slug', '  @Column()\n  slug').replace("@Entity({ name: 'articles' })", "@Entity({ name: 'articles' })\n@Index(['slug'])");
  const analysis = analyzeModelChange(REL, BEFORE, moved, { target });
  assert.deepEqual(analysis?.findings, []);
  assert.equal(analysis?.sql, '');
});

test('a relation with the default join column adds a nullable <property>Id column and its key; removing it drops the column', () => {
  const before = "@Entity()\nexport class Invoice {\n  @PrimaryGeneratedColumn()\n  id: number;\n}\n";
  const after = "@Entity()\nexport class Invoice {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @ManyToOne(() => Account)\n  account: Account;\n}\n";
  const added = analyzeModelChange('invoice.entity.ts', before, after, { target });
  assert.deepEqual(findingLines(after, added?.findings ?? []), ['add-foreign-key @ @ManyToOne(() => Account)']);
  assert.match(added?.sql ?? '', /ALTER TABLE `invoice` ADD COLUMN `accountId` INT NULL, ADD CONSTRAINT `FK_\w{27}` FOREIGN KEY \(`accountId`\) REFERENCES `account` \(`id`\) ON DELETE NO ACTION ON UPDATE NO ACTION;/);
  const removed = analyzeModelChange('invoice.entity.ts', after, before, { target });
  assert.deepEqual(findingLines(before, removed?.findings ?? []), ['drop-column @ export class Invoice {']);
  assert.match(removed?.sql ?? '', /DROP FOREIGN KEY `FK_\w{27}`, DROP COLUMN `accountId`/);
});

test('property-level @Index("name", { unique: true }) and a one-to-one join column with its REL_ unique index', () => {
  const before = "@Entity()\nexport class Profile {\n  @PrimaryGeneratedColumn()\n  id: number;\n  @Column({ length: 40 })\n  handle: string;\n}\n";
  const after = "@Entity()\nexport class Profile {\n  @PrimaryGeneratedColumn()\n  id: number;\n  @Index('uq_handle', { unique: true })\n  @Column({ length: 40 })\n  handle: string;\n  @OneToOne(() => Photo, { nullable: false })\n  @JoinColumn()\n  photo: Photo;\n}\n";
  const analysis = analyzeModelChange('profile.entity.ts', before, after, { target });
  const rules = findingLines(after, analysis?.findings ?? []);
  assert.ok(rules.includes("add-unique-index @ @Index('uq_handle', { unique: true })"), rules.join('\n'));
  assert.ok(rules.includes('not-null-without-default @ @OneToOne(() => Photo, { nullable: false })'), rules.join('\n'));
  assert.ok(rules.includes('add-foreign-key @ @OneToOne(() => Photo, { nullable: false })'), rules.join('\n'));
  assert.match(analysis?.sql ?? '', /ADD COLUMN `photoId` INT NOT NULL/);
  assert.match(analysis?.sql ?? '', /ADD UNIQUE INDEX `uq_handle` \(`handle`\)/);
  assert.match(analysis?.sql ?? '', /ADD UNIQUE INDEX `REL_\w{26}` \(`photoId`\)/);
});
