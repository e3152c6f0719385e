// The rule registry, sorted by id. A test checks each rule has docs and fixtures.
import type { Rule } from './rule';
import { addAutoIncrementColumn } from './add-auto-increment-column';
import { addCheckConstraint } from './add-check-constraint';
import { addForeignKey } from './add-foreign-key';
import { addIndex } from './add-index';
import { addStoredGeneratedColumn } from './add-stored-generated-column';
import { addUniqueIndex } from './add-unique-index';
import { changeColumnType } from './change-column-type';
import { charsetConversion } from './charset-conversion';
import { columnReorder } from './column-reorder';
import { ddlWithDml } from './ddl-with-dml';
import { destructiveStatement } from './destructive-statement';
import { dropAndAddColumn } from './drop-and-add-column';
import { dropColumn } from './drop-column';
import { dropDefault } from './drop-default';
import { dropIndex } from './drop-index';
import { dropTable } from './drop-table';
import { enumSetChange } from './enum-set-change';
import { inlineReferencesIgnored } from './inline-references-ignored';
import { largeTableRewrite } from './large-table-rewrite';
import { lockingAlgorithm } from './locking-algorithm';
import { missingLockWaitTimeout } from './missing-lock-wait-timeout';
import { missingOnlineAssertion } from './missing-online-assertion';
import { multipleAltersSameTable } from './multiple-alters-same-table';
import { notNullWithoutDefault } from './not-null-without-default';
import { primaryKeyChange } from './primary-key-change';
import { renameColumn } from './rename-column';
import { renameTable } from './rename-table';
import { setNotNull } from './set-not-null';
import { tableRebuild } from './table-rebuild';
import { tableWithoutPrimaryKey } from './table-without-primary-key';
import { unbatchedDml } from './unbatched-dml';
import { varcharLengthChange } from './varchar-length-change';
import { volatileDefault } from './volatile-default';
import { willFail } from './will-fail';

export const rules: readonly Rule[] = [
  addAutoIncrementColumn,
  addCheckConstraint,
  addForeignKey,
  addIndex,
  addStoredGeneratedColumn,
  addUniqueIndex,
  changeColumnType,
  charsetConversion,
  columnReorder,
  ddlWithDml,
  destructiveStatement,
  dropAndAddColumn,
  dropColumn,
  dropDefault,
  dropIndex,
  dropTable,
  enumSetChange,
  inlineReferencesIgnored,
  largeTableRewrite,
  lockingAlgorithm,
  missingLockWaitTimeout,
  missingOnlineAssertion,
  multipleAltersSameTable,
  notNullWithoutDefault,
  primaryKeyChange,
  renameColumn,
  renameTable,
  setNotNull,
  tableRebuild,
  tableWithoutPrimaryKey,
  unbatchedDml,
  varcharLengthChange,
  volatileDefault,
  willFail,
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
