// not-null-without-default and set-not-null: the column exists as NULL-able while the app learns to
// write it, the rows from before are backfilled in batches, then it becomes NOT NULL.
import { findColumn } from '../../catalog/lookup';
import { defaultLiteralFor } from '../../rules/util/compat-sql';
import type { ColumnDef, Operation } from '../../types';
import { backfill } from '../backfill';
import type { Builder, PlanBuild } from '../build';
import type { PlanDraft, Step } from '../draft';
import { columnDefinition, quoteId } from '../sql';

type AddOp = Extract<Operation, { kind: 'add-column' }>;
type ModifyOp = Extract<Operation, { kind: 'modify-column' }>;

/** the value rows written before the app filled the column get: its DEFAULT, else the type's zero value */
function fillValue(build: PlanBuild, column: ColumnDef): string | undefined {
  const d = column.default;
  if (d && d.kind !== 'null') return d.kind === 'expression' ? `(${d.text})` : d.text;
  return defaultLiteralFor(column.type, build.target);
}

export const planNotNullWithoutDefault: Builder<AddOp> = (build, op) => {
  const table = build.table(op.table);
  if (!table || table.partial) return `table ${op.table} is not known from the earlier migrations`;
  const column = op.column;
  const fill = fillValue(build, column);
  if (fill === undefined) return `no value to backfill ${column.type.text} column ${column.name} with: add it as NULL, or with a DEFAULT`;
  const t = quoteId(table.name);
  const c = quoteId(column.name);
  const add = build.ddl(`ALTER TABLE ${t} ADD COLUMN ${columnDefinition(column, { nullable: true, default: null })}`);
  const down = [build.lockWait(), build.ddlDown(`ALTER TABLE ${t} DROP COLUMN ${c}`, { allow: { rules: ['drop-column'], reason: 'undoes release 1 before any app version reads it' } })];
  return notNullReleases(build, table.name, column, fill, { name: `add ${table.name} ${column.name}`, up: [build.lockWait(), add], down }, 'not-null-without-default', `add ${table.name}.${column.name} as NOT NULL without breaking the running app`);
};

export const planSetNotNull: Builder<ModifyOp> = (build, op) => {
  const table = build.table(op.table);
  if (!table || table.partial) return `table ${op.table} is not known from the earlier migrations`;
  const old = findColumn(table, op.column);
  if (!old) return `column ${op.table}.${op.column} is not known from the earlier migrations`;
  const final: ColumnDef = { ...op.def, name: op.newName ?? old.name };
  if (op.newName && op.newName.toLowerCase() !== old.name.toLowerCase()) return 'the statement also renames the column: plan the rename first';
  const fill = fillValue(build, final);
  if (fill === undefined) return `no value to backfill ${final.type.text} column ${final.name} with: give it a DEFAULT`;
  // a DEFAULT first (metadata only) lets INSERTs that leave the column out stop writing NULL
  const first: PlanDraft['releases'][number]['migrations'][number] | undefined =
    final.default && final.default.kind !== 'null' && !old.default
      ? {
          name: `default ${table.name} ${old.name}`,
          up: [build.lockWait(), build.ddl(`ALTER TABLE ${quoteId(table.name)} ALTER COLUMN ${quoteId(old.name)} SET DEFAULT ${fill}`)],
          down: [build.lockWait(), build.ddlDown(`ALTER TABLE ${quoteId(table.name)} ALTER COLUMN ${quoteId(old.name)} DROP DEFAULT`, { allow: { rules: ['drop-default'], reason: 'undoes release 1' } })],
        }
      : undefined;
  return notNullReleases(build, table.name, final, fill, first, 'set-not-null', `make ${table.name}.${old.name} NOT NULL without breaking the running app`);
};

function notNullReleases(build: PlanBuild, tableName: string, column: ColumnDef, fill: string, first: PlanDraft['releases'][number]['migrations'][number] | undefined, kind: 'not-null-without-default' | 'set-not-null', summary: string): PlanDraft {
  const t = quoteId(tableName);
  const c = quoteId(column.name);
  const table = build.table(tableName);
  if (!table) throw new Error(`table ${tableName} vanished from the working schema`);
  const fillRows = backfill({ table, set: `${c} = ${fill}`, pending: `${c} IS NULL`, purpose: `fill_${tableName}_${column.name}`, batchSize: build.options.batchSize });
  const constrain: Step[] = [build.lockWait(), build.ddl(`ALTER TABLE ${t} MODIFY ${columnDefinition(column)}`, { allow: { rules: ['set-not-null'], reason: `the backfill above left no NULL in ${column.name} and every app version since release 1 writes it` } })];
  const relax: Step[] = [build.lockWait(), build.ddlDown(`ALTER TABLE ${t} MODIFY ${columnDefinition(column, { nullable: true, default: column.default ?? null })}`, { allow: { rules: ['change-column-type'], reason: 'undoes the NOT NULL of this release' } })];
  return {
    kind,
    summary,
    slug: `${kind} ${tableName} ${column.name}`,
    releases: [
      {
        title: `Release 1 — expand: ${kind === 'set-not-null' ? `stop writing NULL to ${column.name}` : `add ${column.name} as NULL`}`,
        appSteps: [`Write ${column.name} (never NULL) on every INSERT and on every UPDATE that touches it.`, 'Deploy it to every instance before release 2 ships: no running version may write NULL.'],
        verify: [],
        migrations: first ? [first] : [],
      },
      {
        title: `Release 2 — backfill the rows from before, then make ${column.name} NOT NULL`,
        appSteps: ['No change.'],
        verify: [fillRows.countQuery],
        migrations: [
          { name: `fill ${tableName} ${column.name}`, up: fillRows.steps, down: [] },
          { name: `require ${tableName} ${column.name}`, up: constrain, down: relax },
        ],
      },
    ],
    notes: [`Rows written before release 1 get ${fill} (the column's DEFAULT, else its type's zero value): edit the backfill's SET if another value is right.`],
  };
}
