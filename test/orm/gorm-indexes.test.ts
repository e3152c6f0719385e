// GORM index tags as the indexes AutoMigrate creates: fields sharing an index name make one
// composite index ordered by priority, then field order; `uniqueIndex:` shared by fields is one
// unique index; `class:FULLTEXT`, `sort:desc`, `length:` and `index:name,unique` shape it; an
// unnamed index is `idx_<table>_<field>`. A changed order or sort re-creates the index.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeModelChange } from '../../server/src/engine';
import { findingLines } from './git-fixture';
import { analyzeEdit, goModelOptions } from './model-change';

const withGo = goModelOptions();

const BEFORE = `package models

type Member struct {
	ID     uint
	Name   string \`gorm:"size:50"\`
	Number string \`gorm:"size:20"\`
	Bio    string \`gorm:"size:200"\`
	Score  int
	Code   string \`gorm:"size:10"\`
	Email  string \`gorm:"size:100"\`
	Phone  string \`gorm:"size:30"\`
}
`;

const AFTER = `package models

type Member struct {
	ID     uint
	Name   string \`gorm:"size:50;index:idx_member,priority:2"\`
	Number string \`gorm:"size:20;index:idx_member,priority:1"\`
	Bio    string \`gorm:"size:200;index:,class:FULLTEXT"\`
	Score  int    \`gorm:"index:,sort:desc;index:idx_score_code"\`
	Code   string \`gorm:"size:10;index:idx_code,unique;index:idx_score_code,length:4"\`
	Email  string \`gorm:"size:100;uniqueIndex:idx_contact"\`
	Phone  string \`gorm:"size:30;uniqueIndex:idx_contact"\`
}
`;

const REL = 'internal/models/member.go';

test('index tags become GORM\'s indexes: composite by name and priority, FULLTEXT, DESC, prefix length, unique', () => {
  const { text, analysis } = analyzeEdit(REL, BEFORE, AFTER, withGo);
  assert.deepEqual(analysis?.problems, []);
  assert.equal(
    analysis?.sql,
    'ALTER TABLE `members` ADD INDEX `idx_member` (`number`, `name`), ADD FULLTEXT INDEX `idx_members_bio` (`bio`), ADD INDEX `idx_members_score` (`score` DESC), ' +
      'ADD INDEX `idx_score_code` (`score`, `code`(4)), ADD UNIQUE INDEX `idx_code` (`code`), ADD UNIQUE INDEX `idx_contact` (`email`, `phone`);\n',
  );
  // the unique indexes can fail on duplicates; the FULLTEXT index is the one plain index reported
  assert.deepEqual(findingLines(text, analysis?.findings ?? []), [
    'add-index @ Bio    string `gorm:"size:200;index:,class:FULLTEXT"`',
    'add-unique-index @ Code   string `gorm:"size:10;index:idx_code,unique;index:idx_score_code,length:4"`',
    'add-unique-index @ Email  string `gorm:"size:100;uniqueIndex:idx_contact"`',
  ]);
  assert.match(analysis?.findings[0].message ?? '', /FULLTEXT/);
});

test('indexes unchanged are no change; a swapped priority or a changed sort re-creates the index', () => {
  assert.equal(analyzeModelChange(REL, AFTER, AFTER, withGo)?.sql, '');
  const after = AFTER.replace('idx_member,priority:2', 'idx_member,priority:0').replace('index:,sort:desc', 'index:,sort:asc');
  const analysis = analyzeModelChange(REL, AFTER, after, withGo);
  assert.equal(
    analysis?.sql,
    'ALTER TABLE `members` DROP INDEX `idx_member`, DROP INDEX `idx_members_score`, ADD INDEX `idx_member` (`name`, `number`), ADD INDEX `idx_members_score` (`score` ASC);\n',
  );
});
