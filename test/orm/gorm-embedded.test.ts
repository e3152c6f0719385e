// GORM structs built from other structs: an anonymously embedded struct of the same file and a
// `gorm:"embedded;embeddedPrefix:…"` field add their fields as the model's columns (prefixed), the
// embedded struct is no table of its own, and `TableName()` with a pointer receiver names the table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeModelChange } from '../../server/src/engine';
import { applyFixes, findingLines } from './git-fixture';
import { analyzeEdit, goModelOptions } from './model-change';

const withGo = goModelOptions();

const BEFORE = `package models

type Audit struct {
	CreatedBy string \`gorm:"size:50"\`
	Version   int32  \`gorm:"not null;default:1"\`
}

type Address struct {
	Street string \`gorm:"size:100"\`
	City   string \`gorm:"size:60"\`
}

type Customer struct {
	ID      uint
	Audit
	Home    Address \`gorm:"embedded;embeddedPrefix:home_"\`
	Name    string  \`gorm:"size:80"\`
}

func (c *Customer) TableName() string { return "clients" }
`;

// Audit.Version int32 → int64 (a type change of every model embedding Audit), Address gains a
// NOT NULL Zip, Customer gains a nullable Note
const AFTER = BEFORE
  .replace('Version   int32', 'Version   int64')
  .replace('\tCity   string `gorm:"size:60"`\n', '\tCity   string `gorm:"size:60"`\n\tZip    string `gorm:"size:10;not null"`\n')
  .replace('\tName    string  `gorm:"size:80"`\n', '\tName    string  `gorm:"size:80"`\n\tNote    *string\n');

const REL = 'internal/models/customer.go';

test('columns of embedded structs are the model\'s, prefixed; their findings sit on the embedding field', () => {
  const { text, analysis } = analyzeEdit(REL, BEFORE, AFTER, withGo);
  assert.deepEqual(analysis?.problems, []);
  assert.deepEqual(findingLines(text, analysis?.findings ?? []), [
    'change-column-type @ Audit',
    'not-null-without-default @ Home    Address `gorm:"embedded;embeddedPrefix:home_"`',
  ]);
  // one table: Audit and Address are parts of Customer, not tables
  assert.equal(analysis?.sql, 'ALTER TABLE `clients` MODIFY COLUMN `version` BIGINT NOT NULL DEFAULT 1, ADD COLUMN `home_zip` VARCHAR(10) NOT NULL, ADD COLUMN `note` LONGTEXT NULL;\n');
  // the fields are declared in the embedded structs: no edit is offered on the embedding line
  assert.equal(applyFixes(text, analysis?.findings ?? []), text);
});

test('a safe change inside an embedded struct (a new nullable field) and the prefix kept are not reported', () => {
  const after = BEFORE.replace('\tCity   string `gorm:"size:60"`\n', '\tCity   string `gorm:"size:60"`\n\tFloor  *int\n');
  const analysis = analyzeModelChange(REL, BEFORE, after, withGo);
  assert.deepEqual(analysis?.findings, []);
  assert.equal(analysis?.sql, 'ALTER TABLE `clients` ADD COLUMN `home_floor` BIGINT NULL;\n');
});

test('a changed embeddedPrefix renames every column of the embedded struct', () => {
  const after = BEFORE.replace('embeddedPrefix:home_', 'embeddedPrefix:addr_');
  const analysis = analyzeModelChange(REL, BEFORE, after, withGo);
  assert.deepEqual(findingLines(after, analysis?.findings ?? []), [
    'rename-column @ Home    Address `gorm:"embedded;embeddedPrefix:addr_"`',
    'rename-column @ Home    Address `gorm:"embedded;embeddedPrefix:addr_"`',
  ]);
  assert.equal(analysis?.sql, 'ALTER TABLE `clients` RENAME COLUMN `home_street` TO `addr_street`, RENAME COLUMN `home_city` TO `addr_city`;\n');
});
