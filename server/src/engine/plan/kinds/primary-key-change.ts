// primary-key-change: the new key columns are made unique and NOT NULL while the old key still
// clusters the table (releases 1 and 2); release 3 swaps the keys in one online ALTER (an
// in-place rebuild that lets writes through), keeping a unique key on an AUTO_INCREMENT column.
import { findColumn, primaryKey } from '../../catalog/lookup';
import type { IndexDef, Operation } from '../../types';
import type { Builder } from '../build';
import type { MigrationDraft, Step } from '../draft';
import { columnDefinition, quoteId } from '../sql';

function newKeyOf(ops: readonly Operation[]): IndexDef | undefined {
  for (const op of ops) if (op.kind === 'add-index' && op.index.kind === 'primary') return op.index;
  return undefined;
}

export const planPrimaryKeyChange: Builder = (build) => {
  const ops = build.statement.operations;
  const key = newKeyOf(ops);
  if (!key) return 'the statement does not add a primary key (dropping it alone leaves the table without one: plan a replacement key instead)';
  if (ops.some((op) => op.kind !== 'add-index' && op.kind !== 'drop-primary-key')) return 'the statement changes more than the primary key: split it, then plan the key change';
  const tableName = ops[0].table;
  const table = build.table(tableName);
  if (!table || table.partial) return `table ${tableName} is not known from the earlier migrations`;
  if (key.columns.some((c) => c.expression || c.length)) return 'a primary key on expressions or column prefixes cannot be planned';
  const columns = key.columns.map((c) => findColumn(table, c.name));
  if (columns.some((c) => c === undefined)) return `the new key's columns are not all known columns of ${table.name}`;
  const t = quoteId(table.name);
  const cols = key.columns.map((c) => quoteId(c.name));
  const label = `${table.name} (${key.columns.map((c) => c.name).join(', ')})`;
  const oldKey = primaryKey(table);
  const helper = `uniq_${table.name}_${key.columns.map((c) => c.name).join('_')}`.slice(0, 64);
  const duplicates = `SELECT COUNT(*) FROM (SELECT 1 FROM ${t} GROUP BY ${cols.join(', ')} HAVING COUNT(*) > 1) AS duplicate_keys`;
  const nulls = `SELECT COUNT(*) FROM ${t} WHERE ${cols.map((c) => `${c} IS NULL`).join(' OR ')}`;

  const prepare: Step[] = [build.lockWait()];
  for (const column of columns) {
    if (column && column.nullable !== false && !column.primaryKey) {
      prepare.push(build.ddl(`ALTER TABLE ${t} MODIFY ${columnDefinition(column, { nullable: false })}`, { allow: { rules: ['set-not-null'], reason: 'release 1 verified no NULL and every app version writes it' } }));
    }
  }
  prepare.push(build.ddl(`ALTER TABLE ${t} ADD UNIQUE INDEX ${quoteId(helper)} (${cols.join(', ')})`, { allow: { rules: ['add-unique-index'], reason: 'release 1 verified no duplicates and every app version prevents them' } }));
  const prepareDown: Step[] = [build.lockWait(), build.ddlDown(`ALTER TABLE ${t} DROP INDEX ${quoteId(helper)}`, { allow: { rules: ['drop-index'], reason: 'undoes release 2' } })];

  // an AUTO_INCREMENT column must stay the first column of some key once the primary key moves off it
  const autoInc = oldKey?.columns.map((c) => findColumn(table, c.name)).find((c) => c?.autoIncrement);
  const keepAuto = autoInc && !key.columns.some((c) => c.name.toLowerCase() === autoInc.name.toLowerCase()) ? `, ADD UNIQUE INDEX ${quoteId(`uniq_${table.name}_${autoInc.name}`.slice(0, 64))} (${quoteId(autoInc.name)})` : '';
  const swapSql = `ALTER TABLE ${t} ${oldKey ? 'DROP PRIMARY KEY, ' : ''}ADD PRIMARY KEY (${cols.join(', ')})${keepAuto}, DROP INDEX ${quoteId(helper)}`;
  const swap: Step[] = [build.lockWait(), build.ddl(swapSql, { allow: { rules: ['primary-key-change', 'drop-index'], reason: `release 2 made ${key.columns.map((c) => c.name).join(', ')} unique and NOT NULL; the swap rebuilds in place with writes allowed, and the new primary key replaces ${helper}` } })];
  const migrations: MigrationDraft[] = [{ name: `swap ${table.name} primary key`, up: swap, down: [] }];
  return {
    kind: 'primary-key-change',
    summary: `${oldKey ? 'replace the primary key of' : 'add a primary key to'} ${table.name} with (${key.columns.map((c) => c.name).join(', ')}) without failing on duplicates or blocking writes`,
    slug: `pk ${table.name}`,
    releases: [
      {
        title: `Release 1 — prepare: no duplicate or NULL values in ${label}`,
        appSteps: [`Write ${key.columns.map((c) => c.name).join(', ')} on every INSERT, never NULL, never a combination that already exists.`, 'Fix the existing duplicates and NULLs the verification queries count.', 'Deploy it to every instance before release 2 ships.'],
        verify: [duplicates, nulls],
        migrations: [],
      },
      {
        title: `Release 2 — enforce: ${label} NOT NULL and unique`,
        appSteps: ['No change.'],
        verify: [duplicates, nulls],
        migrations: [{ name: `unique ${table.name} ${key.columns.map((c) => c.name).join(' ')}`, up: prepare, down: prepareDown }],
      },
      {
        title: `Release 3 — swap the primary key to ${label}`,
        appSteps: [`No change (queries that relied on rows coming back in ${oldKey ? oldKey.columns.map((c) => c.name).join(', ') : 'insertion'} order need an ORDER BY).`],
        verify: [`SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${table.name}' AND INDEX_NAME = 'PRIMARY' AND COLUMN_NAME NOT IN (${key.columns.map((c) => `'${c.name}'`).join(', ')})`],
        migrations,
      },
    ],
    notes: ['The swap rebuilds the whole table in place (writes continue): on a large table run the same ALTER through an online schema change tool instead.'],
  };
};
