// Prisma relations are foreign keys in the database: a relation added to an existing model is
// reported as add-foreign-key on the relation field, a removed one as the drop of the index MySQL
// created for its key (Prisma Migrate drops both), with the keep-the-index fix; a changed
// referential action re-creates the key; `relationMode = "prisma"` keeps keys out of the database.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeModelChange } from '../../server/src/engine';
import { applyFixes, findingLines } from './git-fixture';
import { analyzeEdit, mysql80 as target } from './model-change';

const DATASOURCE = 'datasource db {\n  provider = "mysql"\n  url      = env("DATABASE_URL")\n}\n';

// User and the start of Post: the same in both versions
const USER_TO_POST_AUTHOR = `${DATASOURCE}
model User {
  id       Int       @id @default(autoincrement())
  posts    Post[]
  comments Comment[]

  @@map("users")
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int
`;

const BEFORE = `${USER_TO_POST_AUTHOR}}

model Comment {
  id       Int    @id @default(autoincrement())
  body     String
  userId   Int
  user     User   @relation(fields: [userId], references: [id])
}
`;

// Post gains its author relation, Comment loses its user relation (userId stays), a new optional field
const AFTER = `${USER_TO_POST_AUTHOR}  author   User   @relation(fields: [authorId], references: [id])
  note     String?
}

model Comment {
  id       Int    @id @default(autoincrement())
  body     String
  userId   Int
}
`;

const REL = 'prisma/schema.prisma';

function fromGit(before: string, after: string) {
  const { text, analysis } = analyzeEdit(REL, before, after, { target });
  assert.ok(analysis);
  return { text, analysis };
}

test('an added relation is add-foreign-key on the relation field; a removed one drops the key and its index', () => {
  const { text, analysis } = fromGit(BEFORE, AFTER);
  assert.deepEqual(findingLines(text, analysis.findings), [
    'add-foreign-key @ author   User   @relation(fields: [authorId], references: [id])',
    'drop-index @ model Comment {',
  ]);
  assert.match(analysis.sql, /ALTER TABLE `Post` ADD COLUMN `note` VARCHAR\(191\) NULL, ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY \(`authorId`\) REFERENCES `users` \(`id`\) ON DELETE RESTRICT ON UPDATE CASCADE;/);
  assert.match(analysis.sql, /ALTER TABLE `Comment` DROP FOREIGN KEY `Comment_userId_fkey`, DROP INDEX `Comment_userId_fkey`;/);
  const [add, drop] = analysis.findings;
  assert.match(add.message, /Foreign key `Post_authorId_fkey` \(authorId\) → `users` on existing table `Post`/);
  assert.match(add.message, /prisma migrate dev --create-only/);
  assert.match(drop.message, /A relation was removed from model Comment: its foreign key Comment_userId_fkey goes/);
});

test('keeping the removed relation\'s index as @@index leaves a model with no finding', () => {
  const { text, analysis } = fromGit(BEFORE, AFTER);
  const drop = analysis.findings.find((f) => f.rule === 'drop-index');
  assert.deepEqual(drop?.fixes?.map((f) => f.title), ['Keep the index Comment_userId_fkey with @@index([userId], map: "Comment_userId_fkey")']);
  const fixed = applyFixes(text, [drop!]);
  assert.match(fixed, /userId {3}Int\n {2}@@index\(\[userId\], map: "Comment_userId_fkey"\)\n\}/);
  const again = analyzeModelChange(REL, BEFORE, fixed, { target });
  assert.deepEqual(findingLines(fixed, again?.findings ?? []), ['add-foreign-key @ author   User   @relation(fields: [authorId], references: [id])']);
  assert.match(again?.sql ?? '', /ALTER TABLE `Comment` DROP FOREIGN KEY `Comment_userId_fkey`;/);
});

test('relationMode = "prisma": no foreign keys in the database, so adding and removing relations is safe', () => {
  const emulated = (s: string) => s.replace('url      = env("DATABASE_URL")', 'url      = env("DATABASE_URL")\n  relationMode = "prisma"');
  const { analysis } = fromGit(emulated(BEFORE), emulated(AFTER));
  assert.deepEqual(analysis.findings, []);
  assert.doesNotMatch(analysis.sql, /FOREIGN KEY/);
});

test('a changed onDelete re-creates the key; a removed relation whose column goes is a drop-column', () => {
  const cascade = BEFORE.replace('@relation(fields: [userId], references: [id])', '@relation(fields: [userId], references: [id], onDelete: Cascade)');
  const changed = analyzeModelChange(REL, BEFORE, cascade, { target });
  assert.deepEqual(findingLines(cascade, changed?.findings ?? []), ['add-foreign-key @ user     User   @relation(fields: [userId], references: [id], onDelete: Cascade)']);
  assert.match(changed?.sql ?? '', /ALTER TABLE `Comment` DROP FOREIGN KEY `Comment_userId_fkey`, ADD CONSTRAINT `Comment_userId_fkey` FOREIGN KEY \(`userId`\) REFERENCES `users` \(`id`\) ON DELETE CASCADE ON UPDATE CASCADE;/);

  const gone = BEFORE.replace('  userId   Int\n  user     User   @relation(fields: [userId], references: [id])\n', '');
  const dropped = analyzeModelChange(REL, BEFORE, gone, { target });
  assert.deepEqual(findingLines(gone, dropped?.findings ?? []), ['drop-column @ model Comment {']);
  assert.match(dropped?.sql ?? '', /ALTER TABLE `Comment` DROP FOREIGN KEY `Comment_userId_fkey`, DROP COLUMN `userId`;/);
});

test('an explicit index, map: names and @map columns; a new model with a relation is safe', () => {
  const before = `${DATASOURCE}\nmodel User {\n  id Int @id\n  @@map("users")\n}\n\nmodel Post {\n  id       Int @id\n  authorId Int @map("author_id")\n  author   User @relation(fields: [authorId], references: [id], map: "fk_post_author")\n  @@index([authorId])\n}\n`;
  // the relation goes but the explicit index stays: only DROP FOREIGN KEY, which draws nothing
  const after = before.replace('  author   User @relation(fields: [authorId], references: [id], map: "fk_post_author")\n', '');
  const analysis = analyzeModelChange(REL, before, after, { target });
  assert.deepEqual(analysis?.findings, []);
  assert.equal(analysis?.sql, 'ALTER TABLE `Post` DROP FOREIGN KEY `fk_post_author`;\n');
  // back again: the key is added, and the rule sees it is indexed
  const readded = analyzeModelChange(REL, after, before, { target });
  assert.deepEqual(readded?.findings.map((f) => f.rule), ['add-foreign-key']);
  assert.match(readded?.sql ?? '', /ADD CONSTRAINT `fk_post_author` FOREIGN KEY \(`author_id`\) REFERENCES `users` \(`id`\)/);
  assert.doesNotMatch(readded?.findings[0].help ?? '', /Index author_id first/);

  const withComments = `${before}\nmodel Reply {\n  id     Int  @id\n  postId Int\n  post   Post @relation(fields: [postId], references: [id])\n}\n`;
  const created = analyzeModelChange(REL, before, withComments, { target });
  assert.deepEqual(created?.findings, []);
  assert.match(created?.sql ?? '', /CREATE TABLE `Reply` .*CONSTRAINT `Reply_postId_fkey` FOREIGN KEY \(`postId`\) REFERENCES `Post` \(`id`\) ON DELETE RESTRICT ON UPDATE CASCADE\)/);
});
