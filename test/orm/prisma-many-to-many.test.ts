// Implicit many-to-many relations are a table in the database: adding one between existing models
// creates Prisma's relation table (`_CategoryToPost`: A and B typed like the ids they reference,
// a unique index on (A, B), an index on B, two cascading keys), which is safe; removing one drops
// that table with its rows, and so does renaming the relation, with the fix that keeps its name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeModelChange } from '../../server/src/engine';
import { applyFixes, findingLines } from './git-fixture';
import { analyzeEdit, mysql80 as target } from './model-change';

const DATASOURCE = 'datasource db {\n  provider = "mysql"\n  url      = env("DATABASE_URL")\n}\n';

// Post has a String id and its own table name: the relation table's B follows both
const UNRELATED = `${DATASOURCE}
model Post {
  id    String @id @default(uuid())
  title String

  @@map("posts")
}

model Category {
  id   Int    @id @default(autoincrement())
  name String
}
`;

const RELATED = UNRELATED.replace('  title String\n', '  title      String\n  categories Category[]\n').replace('  name String\n', '  name  String\n  posts Post[]\n');

const REL = 'prisma/schema.prisma';

const RELATION_TABLE =
  'CREATE TABLE `_CategoryToPost` (`A` INT NOT NULL, `B` VARCHAR(191) NOT NULL, ' +
  'UNIQUE INDEX `_CategoryToPost_AB_unique` (`A`, `B`), INDEX `_CategoryToPost_B_index` (`B`), ' +
  'CONSTRAINT `_CategoryToPost_A_fkey` FOREIGN KEY (`A`) REFERENCES `Category` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, ' +
  'CONSTRAINT `_CategoryToPost_B_fkey` FOREIGN KEY (`B`) REFERENCES `posts` (`id`) ON DELETE CASCADE ON UPDATE CASCADE);\n';

test('a many-to-many relation between existing models creates the relation table Prisma Migrate would, with no finding', () => {
  const { analysis } = analyzeEdit(REL, UNRELATED, RELATED, { target });
  assert.deepEqual(analysis?.findings, []);
  assert.equal(analysis?.sql, RELATION_TABLE);
});

test('removing a many-to-many relation drops its relation table', () => {
  const { analysis } = analyzeEdit(REL, RELATED, UNRELATED, { target });
  assert.deepEqual(analysis?.findings.map((f) => f.rule), ['drop-table']);
  assert.match(analysis?.findings[0].message ?? '', /Dropping table _CategoryToPost deletes its data/);
  assert.equal(analysis?.sql, 'DROP TABLE `_CategoryToPost`;\n');
});

test('the drop of a relation table sits on the relation that replaced it, else on the first of its models', () => {
  const removed = analyzeModelChange(REL, RELATED, UNRELATED, { target });
  assert.deepEqual(findingLines(UNRELATED, removed?.findings ?? []), ['drop-table @ model Category {']);
  const named = RELATED.replace('categories Category[]', 'categories Category[] @relation("PostTags")').replace('posts Post[]', 'posts Post[] @relation("PostTags")');
  const renamed = analyzeModelChange(REL, RELATED, named, { target });
  assert.deepEqual(findingLines(named, renamed?.findings ?? []), ['drop-table @ posts Post[] @relation("PostTags")']);
});

test('a model removed with its relation: the relation table goes first, so the drop of the model is not said to fail', () => {
  const withoutCategory = RELATED.replace(/\nmodel Category \{[^}]*\}\n/, '').replace('  categories Category[]\n', '');
  const analysis = analyzeModelChange(REL, RELATED, withoutCategory, { target });
  assert.equal(analysis?.sql, 'DROP TABLE `_CategoryToPost`;\nDROP TABLE `Category`;\n');
  assert.deepEqual(analysis?.findings.map((f) => f.rule), ['drop-table', 'drop-table']);
  for (const f of analysis?.findings ?? []) assert.doesNotMatch(f.message, /error 3730/);
});

test('a named relation is `_<name>`; renaming it drops the old table, and naming it as before keeps the table', () => {
  const named = RELATED.replace('categories Category[]', 'categories Category[] @relation("PostTags")').replace('posts Post[]', 'posts Post[] @relation(name: "PostTags")');
  const analysis = analyzeModelChange(REL, RELATED, named, { target });
  assert.match(analysis?.sql ?? '', /^DROP TABLE `_CategoryToPost`;\nCREATE TABLE `_PostTags` \(`A` INT NOT NULL, `B` VARCHAR\(191\) NOT NULL, UNIQUE INDEX `_PostTags_AB_unique` \(`A`, `B`\), INDEX `_PostTags_B_index` \(`B`\), CONSTRAINT `_PostTags_A_fkey`/);
  assert.deepEqual(analysis?.findings.map((f) => f.rule), ['drop-table']);
  assert.deepEqual(analysis?.findings[0].fixes?.map((f) => f.title), ['Keep the relation table _CategoryToPost: name the relation "CategoryToPost"']);
  const fixed = applyFixes(named, analysis?.findings ?? []);
  assert.match(fixed, /categories Category\[\] @relation\("CategoryToPost"\)\n/);
  assert.match(fixed, /posts Post\[\] @relation\(name: "CategoryToPost"\)\n/);
  const again = analyzeModelChange(REL, RELATED, fixed, { target });
  assert.deepEqual(again?.findings, []);
  assert.equal(again?.sql, '');

  // a relation that had no @relation gets one
  const unnamed = analyzeModelChange(REL, named, RELATED, { target });
  const restored = applyFixes(RELATED, unnamed?.findings ?? []);
  assert.match(restored, /categories Category\[\] @relation\("PostTags"\)\n[^]*posts Post\[\] @relation\("PostTags"\)\n/);
  assert.deepEqual(analyzeModelChange(REL, named, restored, { target })?.findings, []);
});

test('relationMode = "prisma": the relation table has its indexes but no foreign keys', () => {
  const emulated = (s: string) => s.replace('url      = env("DATABASE_URL")', 'url      = env("DATABASE_URL")\n  relationMode = "prisma"');
  const analysis = analyzeModelChange(REL, emulated(UNRELATED), emulated(RELATED), { target });
  assert.deepEqual(analysis?.findings, []);
  assert.equal(analysis?.sql, 'CREATE TABLE `_CategoryToPost` (`A` INT NOT NULL, `B` VARCHAR(191) NOT NULL, UNIQUE INDEX `_CategoryToPost_AB_unique` (`A`, `B`), INDEX `_CategoryToPost_B_index` (`B`));\n');
});

test('a many-to-many self-relation references its own model twice; a one-to-many list makes no table', () => {
  const before = `${DATASOURCE}\nmodel User {\n  id    BigInt @id\n  posts Post[]\n}\n\nmodel Post {\n  id       Int  @id\n  authorId BigInt\n  author   User @relation(fields: [authorId], references: [id])\n}\n`;
  const after = before.replace('  posts Post[]\n', '  posts Post[]\n  followers User[] @relation("follows")\n  following User[] @relation("follows")\n');
  const analysis = analyzeModelChange(REL, before, after, { target });
  assert.deepEqual(analysis?.findings, []);
  assert.equal(
    analysis?.sql,
    'CREATE TABLE `_follows` (`A` BIGINT NOT NULL, `B` BIGINT NOT NULL, UNIQUE INDEX `_follows_AB_unique` (`A`, `B`), INDEX `_follows_B_index` (`B`), ' +
      'CONSTRAINT `_follows_A_fkey` FOREIGN KEY (`A`) REFERENCES `User` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, ' +
      'CONSTRAINT `_follows_B_fkey` FOREIGN KEY (`B`) REFERENCES `User` (`id`) ON DELETE CASCADE ON UPDATE CASCADE);\n',
  );
});
