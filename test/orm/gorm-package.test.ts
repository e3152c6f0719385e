// A GORM model file read with the other files of its Go package: a struct embedded from another
// file adds its columns (findings on the embedding field), a relation to a model of another file
// gets that model's table and key, a has-many declared in another file puts its key on this file's
// table (anchored on the key column here), and the other files' structs are no tables of this file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGorm } from '../../server/src/engine/orm/gorm';
import { diffModels } from '../../server/src/engine/orm/diff';
import { findingLines } from './git-fixture';
import { goModelOptions } from './model-change';

const withGo = goModelOptions();

const AUDIT_GO = `package models

type Audit struct {
	CreatedBy string \`gorm:"size:50"\`
	Version   int32  \`gorm:"not null;default:1"\`
}
`;

const USER_GO = `package models

type User struct {
	ID     uint
	Name   string \`gorm:"size:80"\`
	Orders []Order
}

func (User) TableName() string { return "people" }
`;

const BEFORE = `package models

type Order struct {
	ID     uint
	Audit
	Total  int64
	UserID uint
}
`;

const AFTER = BEFORE.replace('\tUserID uint\n', '\tUserID uint\n\tBuyer  User `gorm:"foreignKey:UserID"`\n');

const parse = (text: string, siblings: string[]) => parseGorm(text, withGo.parsers.go, siblings);

test('a struct embedded from another file of the package adds its columns; the other files\' models are no tables here', () => {
  const model = parse(BEFORE, [AUDIT_GO, USER_GO]);
  assert.deepEqual(model.problems, []);
  assert.deepEqual(model.tables.map((t) => t.table), ['orders']);
  assert.deepEqual(model.tables[0].columns.map((c) => c.column), ['id', 'created_by', 'version', 'total', 'user_id']);
  // without the package, Audit is unknown: its columns are missing
  assert.deepEqual(parse(BEFORE, []).tables[0].columns.map((c) => c.column), ['id', 'total', 'user_id']);
});

test('a change in the embedded struct of another file is reported on the embedding field', () => {
  const before = parse(BEFORE, [AUDIT_GO, USER_GO]);
  const after = parse(BEFORE, [AUDIT_GO.replace('Version   int32', 'Version   int64'), USER_GO]);
  const groups = diffModels(before, after, BEFORE);
  const changes = groups.flatMap((g) => g.changes);
  assert.deepEqual(changes.map((c) => c.sql), ['MODIFY COLUMN `version` BIGINT NOT NULL DEFAULT 1']);
  assert.deepEqual(findingLines(BEFORE, changes.map((c) => ({ rule: c.kind, severity: 'warning', message: '', span: c.anchor }))), ['modify-column @ Audit']);
});

test('the has-many of another file keys this file\'s table, on its key column; a belongs-to to it is that key', () => {
  const model = parse(BEFORE, [AUDIT_GO, USER_GO]);
  const fk = model.tables[0].foreignKeys;
  assert.deepEqual(fk.map((k) => [k.name, k.columns, k.refTable, k.refColumns]), [['fk_people_orders', ['user_id'], 'people', ['id']]]);
  assert.equal(BEFORE.slice(fk[0].span.start, fk[0].span.end), 'UserID uint');
  // the belongs-to added here names the same key: no second constraint
  const groups = diffModels(model, parse(AFTER, [AUDIT_GO, USER_GO]), AFTER);
  assert.deepEqual(groups, []);
  // without the has-many in user.go, the belongs-to is a key of its own, on the new field
  const alone = diffModels(parse(BEFORE, [AUDIT_GO, USER_GO.replace('\tOrders []Order\n', '')]), parse(AFTER, [AUDIT_GO, USER_GO.replace('\tOrders []Order\n', '')]), AFTER);
  const change = alone.flatMap((g) => g.changes)[0];
  assert.equal(change.sql, 'ADD CONSTRAINT `fk_orders_buyer` FOREIGN KEY (`user_id`) REFERENCES `people` (`id`)');
  assert.equal(AFTER.slice(change.anchor.start, change.anchor.end), 'Buyer  User `gorm:"foreignKey:UserID"`');
});
