// GORM structs edited against the committed version, parsed with tree-sitter's Go grammar: renamed,
// removed, new NOT NULL and retyped fields are reported on the field's line with the SQL rules' ids
// and the AutoMigrate start-up warning with its lock prediction; the tag fixes (`column:`,
// `-:migration`, `default:`, the previous type) leave a struct with no finding; a new nullable
// field is never reported.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeModelChange } from '../../server/src/engine';
import { applyFixes, findingLines } from './git-fixture';
import { analyzeEdit, goModelOptions, mysql80 as target } from './model-change';

const withGo = goModelOptions();

const BEFORE = `package models

import "gorm.io/gorm"

type User struct {
	gorm.Model
	Name       string \`gorm:"size:100;not null"\`
	LegacyFlag bool
	Age        int32 \`gorm:"not null;default:0"\`
	Email      string \`gorm:"size:191;uniqueIndex"\`
}
`;

// renamed Name → FullName, removed LegacyFlag, Age int32 → int64, new NOT NULL Score, new nullable Note
const AFTER = `package models

import "gorm.io/gorm"

type User struct {
	gorm.Model
	FullName string \`gorm:"size:100;not null"\`
	Age      int64  \`gorm:"not null;default:0"\`
	Email    string \`gorm:"size:191;uniqueIndex"\`
	Score    int    \`gorm:"not null"\`
	Note     *string
}
`;

const REL = 'internal/models/user.go';

const fromGit = () => analyzeEdit(REL, BEFORE, AFTER, withGo);

test('each incompatible struct change is reported on its field with the SQL rule id and the AutoMigrate warning', () => {
  const { text, analysis } = fromGit();
  assert.deepEqual(analysis?.problems, []);
  assert.deepEqual(findingLines(text, analysis?.findings ?? []), [
    'drop-column @ type User struct {',
    'rename-column @ FullName string `gorm:"size:100;not null"`',
    'change-column-type @ Age      int64  `gorm:"not null;default:0"`',
    'not-null-without-default @ Score    int    `gorm:"not null"`',
  ]);
  assert.match(analysis?.sql ?? '', /^ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`, DROP COLUMN `legacy_flag`, MODIFY COLUMN `age` BIGINT NOT NULL DEFAULT 0, ADD COLUMN `score` BIGINT NOT NULL, ADD COLUMN `note` LONGTEXT NULL;/);
  for (const f of analysis?.findings ?? []) assert.match(f.message, /GORM AutoMigrate applies it, the ALTER runs at application start-up on every instance of a rolling deploy/);
  const rename = analysis?.findings.find((f) => f.rule === 'rename-column');
  assert.match(rename?.message ?? '', /AutoMigrate adds full_name as a new, empty column and leaves name in place \(it never drops columns\)/);
  const typeChange = analysis?.findings.find((f) => f.rule === 'change-column-type');
  assert.match(typeChange?.message ?? '', /Predicted: ALGORITHM=COPY, LOCK=SHARED, the table is rebuilt/);
});

test('the tag fixes leave a struct with no finding', () => {
  const { text, analysis } = fromGit();
  const fixed = applyFixes(text, analysis?.findings ?? []);
  assert.match(fixed, /FullName string `gorm:"column:name;size:100;not null"`/);
  assert.match(fixed, /\tLegacyFlag bool `gorm:"-:migration"`\n\}/);
  assert.match(fixed, /Score {4}int {4}`gorm:"default:0;not null"`/);
  assert.match(fixed, /\tAge {8}int32 `gorm:"not null;default:0"`/);
  assert.deepEqual(analyzeModelChange(REL, BEFORE, fixed, withGo)?.findings, []);
});

test('TableName(), column: tags and snake_case names; a field renamed with column: kept is safe', () => {
  const before = 'package models\n\ntype UserAccount struct {\n\tID     uint\n\tOwnerID uint `gorm:"not null"`\n}\n\nfunc (UserAccount) TableName() string { return "accounts" }\n';
  const after = 'package models\n\ntype UserAccount struct {\n\tID     uint\n\tHolderID uint `gorm:"column:owner_id;not null"`\n\tNote   *string\n}\n\nfunc (UserAccount) TableName() string { return "accounts" }\n';
  const analysis = analyzeModelChange('models/account.go', before, after, withGo);
  assert.deepEqual(analysis?.findings, []);
  assert.match(analysis?.sql ?? '', /^ALTER TABLE `accounts` ADD COLUMN `note` LONGTEXT NULL;/);
});

test('without the Go parser the file gets one finding saying it was not checked', () => {
  const analysis = analyzeModelChange(REL, BEFORE, AFTER, { target });
  assert.deepEqual(analysis?.findings.map((f) => f.rule), ['unparsed-statement']);
  assert.match(analysis?.findings[0].message ?? '', /the Go parser is not loaded/);
});
