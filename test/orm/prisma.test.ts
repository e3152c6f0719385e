// schema.prisma edits checked against the committed version: each incompatible change is reported
// on the model's own line with the SQL rule's id, the Prisma-native fixes leave a model with no
// finding, and a new optional field is never reported.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeModelChange, modelBase, parseTarget, type Target } from '../../server/src/engine';
import { resolveGitBase, textAtGitBase } from '../../server/src/common/git-base';
import { applyFixes, findingLines, git, gitFixture, write } from './git-fixture';
import { analyzeAtGitBase, mysql80 as target } from './model-change';

// the lines of the schema both versions share: before User's changed fields, and from its posts on
const USER_START = `datasource db {
  provider = "mysql"
  url      = env("DATABASE_URL")
}

model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
`;
const USER_END_AND_POST = `  posts     Post[]

  @@map("users")
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int
  author   User   @relation(fields: [authorId], references: [id])
}
`;

const BEFORE = `${USER_START}  name      String
  nickname  String?  @db.VarChar(100)
  age       Int
  bio       String   @db.VarChar(200)
${USER_END_AND_POST}`;

// renamed name → fullName, removed nickname, new required score, age Int → BigInt, new optional note
const AFTER = `${USER_START}  fullName  String
  age       BigInt
  bio       String   @db.VarChar(200)
  score     Int
  note      String?
${USER_END_AND_POST}`;

function check(dir: string, rel = 'prisma/schema.prisma', base = 'HEAD') {
  const { text, analysis } = analyzeAtGitBase(dir, rel, { target }, base);
  assert.ok(analysis);
  return { text, analysis };
}

test('each incompatible schema.prisma change is reported on its own line with the SQL rule id; the new optional field is not', () => {
  const dir = gitFixture({ 'prisma/schema.prisma': BEFORE }, { 'prisma/schema.prisma': AFTER });
  const { text, analysis } = check(dir);
  assert.deepEqual(findingLines(text, analysis.findings), [
    'drop-column @ model User {',
    'rename-column @ fullName  String',
    'change-column-type @ age       BigInt',
    'not-null-without-default @ score     Int',
  ]);
  const rename = analysis.findings.find((f) => f.rule === 'rename-column');
  assert.match(rename?.message ?? '', /Probable rename: field name \(column name\) was removed and fullName/);
  assert.match(rename?.message ?? '', /Prisma Migrate generates DROP COLUMN \+ ADD COLUMN for that, which deletes the data/);
  assert.match(analysis.findings[0].message, /Field nickname was removed from model User: Dropping column users\.nickname/);
});

test('the Prisma fixes (@map to the old column, @ignore, @default, the previous type) leave a model with no finding', () => {
  const dir = gitFixture({ 'prisma/schema.prisma': BEFORE }, { 'prisma/schema.prisma': AFTER });
  const { text, analysis } = check(dir);
  const fixed = applyFixes(text, analysis.findings);
  assert.match(fixed, /fullName {2}String @map\("name"\)/);
  assert.match(fixed, /nickname {2}String\? {2}@db\.VarChar\(100\) @ignore/);
  assert.match(fixed, /score {5}Int @default\(0\)/);
  assert.match(fixed, /\n {2}age {7}Int\n/);
  const again = analyzeModelChange('prisma/schema.prisma', BEFORE, fixed, { target });
  assert.deepEqual(again?.findings.map((f) => f.rule), []);
});

test('making the new required field optional is offered too, and is also clean', () => {
  const before = 'model A {\n  id Int @id\n}\n';
  const after = 'model A {\n  id Int @id\n  flag Boolean\n}\n';
  const [finding] = analyzeModelChange('schema.prisma', before, after, { target })?.findings ?? [];
  assert.equal(finding?.rule, 'not-null-without-default');
  assert.deepEqual(finding.fixes?.map((f) => f.title), ['Add @default(false)', 'Make flag optional']);
  const optional = applyFixes(after, [{ ...finding, fixes: [finding.fixes![1]] }]);
  assert.equal(optional, 'model A {\n  id Int @id\n  flag Boolean?\n}\n');
  assert.deepEqual(analyzeModelChange('schema.prisma', before, optional, { target })?.findings, []);
});

test('a field renamed in the model only (@map keeps the column) and a new optional field are safe', () => {
  const before = 'model A {\n  id   Int    @id\n  name String\n}\n';
  const after = 'model A {\n  id       Int     @id\n  fullName String  @map("name")\n  note     String? @db.Text\n}\n';
  assert.deepEqual(analyzeModelChange('schema.prisma', before, after, { target })?.findings, []);
});

test('native types, @@map, optional → required and a new unique key use the SQL rules on the model lines', () => {
  const before = 'model A {\n  id   Int    @id\n  code String @db.VarChar(20)\n  kind String?\n  @@map("things")\n}\n';
  const after = 'model A {\n  id   Int    @id\n  code String @db.VarChar(10) @unique\n  kind String\n  @@map("things")\n}\n';
  const analysis = analyzeModelChange('schema.prisma', before, after, { target });
  assert.deepEqual(findingLines(after, analysis?.findings ?? []), [
    'add-unique-index @ code String @db.VarChar(10) @unique',
    'varchar-length-change @ code String @db.VarChar(10) @unique',
    'set-not-null @ kind String',
  ]);
  assert.match(analysis?.sql ?? '', /ALTER TABLE `things` MODIFY COLUMN `code` VARCHAR\(10\) NOT NULL, MODIFY COLUMN `kind` VARCHAR\(191\) NOT NULL, ADD UNIQUE INDEX `things_code_key` \(`code`\)/);
});

test('a `//` ignore comment above the field silences its finding; an unneeded one is reported', () => {
  const before = 'model A {\n  id   Int    @id\n  name String\n}\n';
  const after = 'model A {\n  id    Int    @id\n  // lockstep-disable-next-line rename-column -- the old app version is gone\n  title String\n}\n';
  assert.deepEqual(analyzeModelChange('schema.prisma', before, after, { target })?.findings, []);
  const unused = 'model A {\n  id   Int    @id\n  // lockstep-disable-next-line drop-column\n  name String\n}\n';
  assert.deepEqual(analyzeModelChange('schema.prisma', before, unused, { target })?.findings.map((f) => f.rule), ['unused-ignore']);
});

test('a model file that does not parse gives one finding instead of failing', () => {
  const analysis = analyzeModelChange('schema.prisma', 'model A {\n  id Int @id\n}\n', 'model A {\n  id Int @id\n', { target });
  assert.deepEqual(analysis?.findings.map((f) => f.rule), ['unparsed-statement']);
});

test('a new model file (not at the base) and a removed model', () => {
  const created = analyzeModelChange('schema.prisma', undefined, 'model A {\n  id Int @id\n}\n', { target });
  assert.deepEqual(created?.findings, []);
  const dropped = analyzeModelChange('schema.prisma', 'model A {\n  id Int @id\n}\nmodel B {\n  id Int @id\n}\n', 'model A {\n  id Int @id\n}\n', { target });
  assert.deepEqual(dropped?.findings.map((f) => f.rule), ['drop-table']);
});

test('the git base can be a merge base; a file missing at the base is new; a bad revision says why', () => {
  const dir = gitFixture({ 'prisma/schema.prisma': BEFORE }, {});
  git(dir, 'checkout', '-q', '-b', 'feature');
  write(dir, { 'prisma/schema.prisma': AFTER });
  git(dir, 'commit', '-q', '-am', 'rename');
  assert.deepEqual(check(dir, 'prisma/schema.prisma', 'HEAD').analysis.findings, []);
  assert.equal(check(dir, 'prisma/schema.prisma', 'merge-base:main').analysis.findings.length, 4);
  const resolved = resolveGitBase(dir, 'merge-base:main');
  assert.ok(resolved.ok && resolved.commit === git(dir, 'rev-parse', 'main').trim());
  write(dir, { 'other.prisma': 'model Z {\n  id Int @id\n}\n' });
  const fresh = textAtGitBase(join(dir, 'other.prisma'), 'HEAD');
  assert.deepEqual(fresh, { ok: true, text: undefined });
  const bad = textAtGitBase(join(dir, 'prisma/schema.prisma'), 'no-such-branch');
  assert.ok(!bad.ok && /not a commit of this repository/.test(bad.reason));
  const option = textAtGitBase(join(dir, 'prisma/schema.prisma'), '--output=x');
  assert.ok(!option.ok);
});

test('a prepared base (what the editor keeps between keystrokes) gives the same findings as the base text', () => {
  const base = modelBase('prisma/schema.prisma', BEFORE, { target });
  const fromText = analyzeModelChange('prisma/schema.prisma', BEFORE, AFTER, { target });
  const fromBase = analyzeModelChange('prisma/schema.prisma', base, AFTER, { target });
  assert.deepEqual(fromBase?.findings, fromText?.findings);
  assert.equal(fromBase?.findings.length, 4);
  // another target: the base is read again for it
  const mariadb = parseTarget('mariadb-10.11') as Target;
  assert.deepEqual(analyzeModelChange('prisma/schema.prisma', base, AFTER, { target: mariadb })?.findings.map((f) => f.rule), analyzeModelChange('prisma/schema.prisma', BEFORE, AFTER, { target: mariadb })?.findings.map((f) => f.rule));
});
