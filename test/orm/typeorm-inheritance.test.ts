// Entities that extend base classes declared in the same file (TypeORM's concrete table
// inheritance): every entity's table has the columns of its whole chain of bases, so a change in
// a base is a change in each table that inherits it, reported on the base's own property, and its
// fixes are made there; moving columns into a base class changes no table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeModelChange } from '../../server/src/engine';
import { applyFixes, findingLines } from './git-fixture';
import { analyzeEdit, mysql80 as target } from './model-change';

const IMPORTS = "import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';\n";

const ENTITIES = `
@Entity()
export class Invoice extends AuditedModel {
  @Column()
  total: number;
}

@Entity('customers')
export class Customer extends BaseModel {
  @Column({ length: 100 })
  name: string;
}
`;

const BEFORE = `${IMPORTS}
export abstract class BaseModel {
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn()
  createdAt: Date;
}

export abstract class AuditedModel extends BaseModel {
  @Column({ length: 50 })
  updatedBy: string;
}
${ENTITIES}`;

// every entity gains a required tenantId through the root base; invoices' updatedBy shrinks
const AFTER = `${IMPORTS}
export abstract class BaseModel {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  tenantId: number;

  @CreateDateColumn()
  createdAt: Date;
}

export abstract class AuditedModel extends BaseModel {
  @Column({ length: 20 })
  updatedBy: string;
}
${ENTITIES}`;

const REL = 'src/entities/billing.entity.ts';

test('a column added to or changed in a base class is a change in every table that inherits it, reported on the base property', () => {
  const { text, analysis } = analyzeEdit(REL, BEFORE, AFTER, { target });
  assert.deepEqual(findingLines(text, analysis?.findings ?? []), [
    'not-null-without-default @ @Column()',
    'not-null-without-default @ @Column()',
    'varchar-length-change @ @Column({ length: 20 })',
  ]);
  assert.equal(analysis?.findings[0].span.start, analysis?.findings[1].span.start);
  assert.match(analysis?.findings[0].message ?? '', /invoice|customers/);
  assert.match(analysis?.sql ?? '', /ALTER TABLE `invoice` ADD COLUMN `tenantId` INT NOT NULL, MODIFY COLUMN `updatedBy` VARCHAR\(20\) NOT NULL;/);
  assert.match(analysis?.sql ?? '', /ALTER TABLE `customers` ADD COLUMN `tenantId` INT NOT NULL;/);
});

test('the fixes are made in the base class and leave no finding', () => {
  const { text, analysis } = analyzeEdit(REL, BEFORE, AFTER, { target });
  const fixed = applyFixes(text, analysis?.findings ?? []);
  assert.match(fixed, /@Column\(\{ nullable: true \}\)\n {2}tenantId: number;/);
  assert.match(fixed, /@Column\(\{ length: 50 \}\)\n {2}updatedBy: string;/);
  assert.deepEqual(analyzeModelChange(REL, BEFORE, fixed, { target })?.findings, []);
});

test('moving columns from the entities into a shared base class changes no table', () => {
  const flat = `${IMPORTS}
@Entity()
export class Invoice {
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ length: 50 })
  updatedBy: string;

  @Column()
  total: number;
}

@Entity('customers')
export class Customer {
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ length: 100 })
  name: string;
}
`;
  const analysis = analyzeModelChange(REL, flat, BEFORE, { target });
  assert.deepEqual(analysis?.findings, []);
  assert.equal(analysis?.sql, '');
});

test('an entity that redeclares a base property keeps its own definition; BaseEntity from typeorm adds nothing', () => {
  const before = `import { BaseEntity, Column, Entity, PrimaryColumn } from 'typeorm';
abstract class Named extends BaseEntity {
  @Column({ length: 40 })
  name: string;
}
@Entity()
export class Tag extends Named {
  @PrimaryColumn()
  id: number;
}
`;
  const after = before.replace('  id: number;\n}', "  id: number;\n\n  @Column({ length: 80 })\n  name: string;\n}");
  const analysis = analyzeModelChange('src/entities/tag.entity.ts', before, after, { target });
  assert.deepEqual(findingLines(after, analysis?.findings ?? []), ['varchar-length-change @ @Column({ length: 80 })']);
  assert.match(analysis?.sql ?? '', /^ALTER TABLE `tag` MODIFY COLUMN `name` VARCHAR\(80\) NOT NULL;/);
});
