// TypeORM entities edited against the committed version: renamed, removed, new required and
// retyped properties are reported on the property's decorator line with the SQL rules' ids, the
// entity-native fixes (`name:`, select/insert/update false, `nullable: true`, the previous type)
// leave an entity with no finding, and a new nullable property is never reported.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeModelChange } from '../../server/src/engine';
import { applyFixes, findingLines } from './git-fixture';
import { analyzeEdit, mysql80 as target } from './model-change';

// the part of the entity both versions share
const ENTITY_START = `import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class UserProfile {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 100 })
`;

const BEFORE = `${ENTITY_START}  name: string;

  @Column({ default: false })
  legacyFlag: boolean;

  @Column()
  age: number;

  @CreateDateColumn()
  createdAt: Date;
}
`;

// renamed name → displayName, removed legacyFlag, age int → bigint, new required score, new nullable note
const AFTER = `${ENTITY_START}  displayName: string;

  @Column({ type: 'bigint' })
  age: number;

  @Column()
  score: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
`;

const REL = 'src/entities/user-profile.entity.ts';

const fromGit = () => analyzeEdit(REL, BEFORE, AFTER, { target });

test('each incompatible entity change is reported on its property with the SQL rule id; the nullable property is not', () => {
  const { text, analysis } = fromGit();
  assert.deepEqual(findingLines(text, analysis?.findings ?? []), [
    'drop-column @ export class UserProfile {',
    'rename-column @ @Column({ length: 100 })',
    'change-column-type @ @Column({ type: \'bigint\' })',
    'not-null-without-default @ @Column()',
  ]);
  assert.match(analysis?.sql ?? '', /^ALTER TABLE `user_profile` RENAME COLUMN `name` TO `displayName`, DROP COLUMN `legacyFlag`, MODIFY COLUMN `age` BIGINT NOT NULL, ADD COLUMN `score` INT NOT NULL, ADD COLUMN `note` TEXT NULL;/);
  assert.match(analysis?.findings[1].message ?? '', /TypeORM migration:generate writes DROP COLUMN \+ ADD COLUMN for that, which deletes the data/);
});

test('the entity fixes leave an entity with no finding', () => {
  const { text, analysis } = fromGit();
  const fixed = applyFixes(text, analysis?.findings ?? []);
  assert.match(fixed, /@Column\(\{ name: "name", length: 100 \}\)\n {2}displayName: string;/);
  assert.match(fixed, /@Column\(\{ select: false, insert: false, update: false, default: false \}\)\n {2}legacyFlag: boolean;/);
  assert.match(fixed, /@Column\(\{ nullable: true \}\)\n {2}score: number;/);
  assert.match(fixed, /@Column\(\)\n {2}age: number;/);
  assert.deepEqual(analyzeModelChange(REL, BEFORE, fixed, { target })?.findings, []);
});

test('the table follows @Entity("name"), the column `name:`; a property renamed with name: kept is safe', () => {
  const before = "@Entity('people')\nclass Person {\n  @PrimaryColumn()\n  id: number;\n  @Column('varchar', { length: 50 })\n  surname: string;\n}\n";
  const after = "@Entity('people')\nclass Person {\n  @PrimaryColumn()\n  id: number;\n  @Column('varchar', { name: 'surname', length: 50 })\n  lastName: string;\n}\n";
  const analysis = analyzeModelChange('person.entity.ts', before, after, { target });
  assert.deepEqual(analysis?.findings, []);
  const shrunk = after.replace('length: 50', 'length: 20');
  const found = analyzeModelChange('person.entity.ts', before, shrunk, { target });
  assert.deepEqual(findingLines(shrunk, found?.findings ?? []), ["varchar-length-change @ @Column('varchar', { name: 'surname', length: 20 })"]);
  assert.match(found?.sql ?? '', /ALTER TABLE `people` MODIFY COLUMN `surname` VARCHAR\(20\) NOT NULL/);
});

test('a `//` ignore comment above the decorator silences the finding', () => {
  const after = AFTER.replace('  @Column()\n  score', '  // lockstep-disable-next-line not-null-without-default -- filled by a trigger\n  @Column()\n  score');
  const rules = analyzeModelChange(REL, BEFORE, after, { target })?.findings.map((f) => f.rule);
  assert.deepEqual(rules, ['drop-column', 'rename-column', 'change-column-type']);
});
