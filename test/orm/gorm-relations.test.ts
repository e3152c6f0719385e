// GORM associations are foreign keys AutoMigrate creates: a belongs-to, a has-many and a many2many
// added to an existing model are reported as add-foreign-key on the relation field (the join table
// is a new table with both keys), with GORM's constraint names and the tag's referential actions;
// a belongs-to whose other side declares the same key as has-many makes one key; `foreignKey:` /
// `references:` pick the columns; a self-referencing many2many names its second column after the field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeModelChange } from '../../server/src/engine';
import { findingLines } from './git-fixture';
import { analyzeEdit, goModelOptions } from './model-change';

const withGo = goModelOptions();

const BEFORE = `package models

import "gorm.io/gorm"

type Company struct {
	ID   int
	Name string \`gorm:"size:100"\`
}

type User struct {
	gorm.Model
	Name      string \`gorm:"size:100"\`
	CompanyID int
}

type CreditCard struct {
	gorm.Model
	Number string \`gorm:"size:20"\`
	UserID uint
}

type Language struct {
	gorm.Model
	Name string \`gorm:"size:50"\`
}
`;

const withRelations = (fields: string) => BEFORE.replace('\tCompanyID int\n', `\tCompanyID int\n${fields}`);

const REL = 'internal/models/user.go';

test('added relations are add-foreign-key on their fields, with GORM\'s names, columns and actions', () => {
  const after = withRelations('\tCompany     Company      `gorm:"constraint:OnUpdate:CASCADE,OnDelete:SET NULL;"`\n\tCreditCards []CreditCard\n\tLanguages   []Language   `gorm:"many2many:user_languages;"`\n');
  const { text, analysis } = analyzeEdit(REL, BEFORE, after, withGo);
  assert.deepEqual(analysis?.problems, []);
  assert.deepEqual(findingLines(text, analysis?.findings ?? []), [
    'add-foreign-key @ Company     Company      `gorm:"constraint:OnUpdate:CASCADE,OnDelete:SET NULL;"`',
    'add-foreign-key @ CreditCards []CreditCard',
  ]);
  assert.equal(
    analysis?.sql,
    [
      'ALTER TABLE `users` ADD CONSTRAINT `fk_users_company` FOREIGN KEY (`company_id`) REFERENCES `companies` (`id`) ON DELETE SET NULL ON UPDATE CASCADE;',
      'ALTER TABLE `credit_cards` ADD CONSTRAINT `fk_users_credit_cards` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`);',
      'CREATE TABLE `user_languages` (`user_id` BIGINT UNSIGNED NOT NULL, `language_id` BIGINT UNSIGNED NOT NULL, PRIMARY KEY (`user_id`, `language_id`), CONSTRAINT `fk_user_languages_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`), CONSTRAINT `fk_user_languages_language` FOREIGN KEY (`language_id`) REFERENCES `languages` (`id`));',
      '',
    ].join('\n'),
  );
  for (const f of analysis?.findings ?? []) assert.match(f.message, /ALGORITHM=COPY.*AutoMigrate adds it as written/s);
});

test('relations already in the base model are no change; removing the many2many field drops its join table on the model', () => {
  const base = withRelations('\tCreditCards []CreditCard\n\tLanguages   []Language   `gorm:"many2many:user_languages;"`\n');
  assert.deepEqual(analyzeModelChange(REL, base, base, withGo)?.sql, '');
  const after = withRelations('\tCreditCards []CreditCard\n');
  const analysis = analyzeModelChange(REL, base, after, withGo);
  assert.equal(analysis?.sql, 'DROP TABLE `user_languages`;\n');
  assert.deepEqual(findingLines(after, analysis?.findings ?? []), ['drop-table @ type User struct {']);
});

test('a belongs-to whose other side declares the key as has-many is one key, named after the has-many', () => {
  const after = withRelations('\tCompany   Company\n').replace('\tName string `gorm:"size:100"`\n}', '\tName  string `gorm:"size:100"`\n\tUsers []User\n}');
  const analysis = analyzeModelChange(REL, BEFORE, after, withGo);
  assert.equal(analysis?.sql, 'ALTER TABLE `users` ADD CONSTRAINT `fk_companies_users` FOREIGN KEY (`company_id`) REFERENCES `companies` (`id`);\n');
  assert.deepEqual(findingLines(after, analysis?.findings ?? []), ['add-foreign-key @ Users []User']);
});

test('foreignKey:/references: pick the columns, constraint:name names the key, constraint:- makes none', () => {
  const before = BEFORE.replace('\tUserID uint\n', '\tUserID uint\n\tOwnerCode string `gorm:"size:20"`\n').replace('\tCompanyID int\n', '\tCompanyID int\n\tCode      string `gorm:"size:20;uniqueIndex"`\n');
  const after = before.replace('\tCode      string `gorm:"size:20;uniqueIndex"`\n', '\tCode      string `gorm:"size:20;uniqueIndex"`\n\tCards     []CreditCard `gorm:"foreignKey:OwnerCode;references:Code;constraint:fk_cards_owner,OnDelete:CASCADE"`\n\tCompany   Company `gorm:"constraint:-"`\n');
  const analysis = analyzeModelChange(REL, before, after, withGo);
  assert.equal(analysis?.sql, 'ALTER TABLE `credit_cards` ADD CONSTRAINT `fk_cards_owner` FOREIGN KEY (`owner_code`) REFERENCES `users` (`code`) ON DELETE CASCADE;\n');
});

test('a self-referencing many2many joins the table to itself, the second column named after the field', () => {
  const after = withRelations('\tFriends   []*User `gorm:"many2many:user_friends"`\n');
  const analysis = analyzeModelChange(REL, BEFORE, after, withGo);
  assert.equal(
    analysis?.sql,
    'CREATE TABLE `user_friends` (`user_id` BIGINT UNSIGNED NOT NULL, `friend_id` BIGINT UNSIGNED NOT NULL, PRIMARY KEY (`user_id`, `friend_id`), CONSTRAINT `fk_user_friends_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`), CONSTRAINT `fk_user_friends_friends` FOREIGN KEY (`friend_id`) REFERENCES `users` (`id`));\n',
  );
  assert.deepEqual(analysis?.findings, []);
});

test('a key column takes the sign of the key it references, as GORM gives it the referenced data type', () => {
  const after = withRelations('\tCompany   Company\n').replace('\tID   int\n', '\tID   uint\n');
  const before = BEFORE.replace('\tID   int\n', '\tID   uint\n');
  const analysis = analyzeModelChange(REL, before, after, withGo);
  assert.match(analysis?.sql ?? '', /^ALTER TABLE `users` MODIFY COLUMN `company_id` BIGINT UNSIGNED NULL, ADD CONSTRAINT `fk_users_company` FOREIGN KEY \(`company_id`\) REFERENCES `companies` \(`id`\);/);
  assert.ok(analysis?.findings.some((f) => f.rule === 'change-column-type'));
});
