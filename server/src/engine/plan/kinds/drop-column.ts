// drop-column: the app stops reading and writing the column first (release 1, the column made
// optional so its INSERTs work without it); release 2 drops it.
import { findColumn, foreignKeysOfColumn } from '../../catalog/lookup';
import type { Operation } from '../../types';
import type { Builder } from '../build';
import type { MigrationDraft, Step } from '../draft';
import { columnDefinition, quoteId } from '../sql';

type DropOp = Extract<Operation, { kind: 'drop-column' }>;

export const planDropColumn: Builder<DropOp> = (build, op) => {
  const table = build.table(op.table);
  if (!table || table.partial) return `table ${op.table} is not known from the earlier migrations`;
  const column = findColumn(table, op.column);
  if (!column) return `column ${op.table}.${op.column} is not known from the earlier migrations`;
  const t = quoteId(table.name);
  const c = quoteId(column.name);
  const needsRelax = column.nullable === false && (!column.default || column.default.kind === 'null') && !column.autoIncrement && !column.generated;
  const first: MigrationDraft[] = needsRelax
    ? [{
        name: `make ${table.name} ${column.name} optional`,
        up: [build.lockWait(), build.ddl(`ALTER TABLE ${t} MODIFY ${columnDefinition(column, { nullable: true, default: null })}`, { allow: { rules: ['change-column-type'], reason: `on purpose: the next app version stops writing ${column.name}` } })],
        down: [build.lockWait(), build.ddlDown(`ALTER TABLE ${t} MODIFY ${columnDefinition(column)}`, { allow: { rules: ['set-not-null'], reason: 'restores the column while every app version still writes it' } })],
      }]
    : [];
  const drop: Step[] = [build.lockWait()];
  for (const fk of foreignKeysOfColumn(table, column.name)) {
    if (!fk.name) return `foreign key on ${table.name}.${column.name} has no known name: drop it first`;
    drop.push(build.ddl(`ALTER TABLE ${t} DROP FOREIGN KEY ${quoteId(fk.name)}`));
  }
  drop.push(build.ddl(`ALTER TABLE ${t} DROP COLUMN ${c}`, { allow: { rules: ['drop-column'], reason: `no app version reads or writes ${column.name} since release 1` } }));
  return {
    kind: 'drop-column',
    summary: `drop ${table.name}.${column.name} without breaking the running app`,
    slug: `drop ${table.name} ${column.name}`,
    releases: [
      {
        title: `Release 1 — stop using ${column.name}`,
        appSteps: [`Stop reading and writing ${column.name}: remove it from queries and the ORM mapping (Rails ignored_columns, Prisma @ignore, JPA @Transient…).`, 'Deploy it to every instance before release 2 ships.'],
        verify: [],
        migrations: first,
      },
      {
        title: `Release 2 — contract: drop ${column.name}`,
        appSteps: ['No change.'],
        verify: [`SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${table.name}' AND COLUMN_NAME = '${column.name}'`],
        migrations: [{ name: `drop ${table.name} ${column.name}`, up: drop, down: [], irreversible: true }],
      },
    ],
    notes: [`Dropping the column deletes its data: take a backup (or copy ${column.name} out) first if it may be needed.`],
  };
};
