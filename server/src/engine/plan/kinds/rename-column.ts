// rename-column: add the new column, dual-write and backfill, switch reads and writes, drop the old
// column (the classic four app versions). With `triggers`, the database keeps both columns in step
// while instances of the previous app version still run.
import { findColumn, indexesOfColumn } from '../../catalog/lookup';
import type { ColumnDef, IndexDef, Operation, TableDef } from '../../types';
import { backfill } from '../backfill';
import type { Builder, PlanBuild } from '../build';
import { compensateColumn } from '../compare';
import type { MigrationDraft, PlanDraft, Step } from '../draft';
import { columnDefinition, quoteId } from '../sql';

type RenameOp = Extract<Operation, { kind: 'rename-column' }> | Extract<Operation, { kind: 'modify-column' }>;

export const planRenameColumn: Builder<RenameOp> = (build, op) => {
  const newName = op.newName;
  if (!newName) return 'the statement does not rename a column';
  const table = build.table(op.table);
  if (!table || table.partial) return `table ${op.table} is not known from the earlier migrations, so the plan cannot copy its column definition`;
  const old = findColumn(table, op.column);
  if (!old) return `column ${op.table}.${op.column} is not known from the earlier migrations`;
  if (findColumn(table, newName)) return `${op.table} already has a column ${newName}`;
  // CHANGE old new <def> may also change the definition: the new column gets the written one
  const final: ColumnDef = op.kind === 'modify-column' ? { ...op.def, name: newName } : { ...old, name: newName };
  return renameColumnPlan(build, table, old, final);
};

/** the releases that move the data of `old` into the new column `final` (also used by type changes) */
export function renameColumnPlan(build: PlanBuild, table: TableDef, old: ColumnDef, final: ColumnDef, kind: 'rename-column' | 'change-column-type' | 'varchar-length-change' | 'enum-set-change' = 'rename-column'): PlanDraft {
  const t = quoteId(table.name);
  const [o, n] = [quoteId(old.name), quoteId(final.name)];
  const label = `${table.name}.${old.name}`;
  const batch = build.options.batchSize;
  // string to string (ENUM and SET included) converts on assignment; a CAST would carry the routine's collation, not the column's
  const source = final.type.text.toLowerCase() === old.type.text.toLowerCase() || (isString(old) && isString(final)) ? o : `CAST(${o} AS ${castType(final)})`;
  // ENUM and SET values compare as strings, not as member numbers
  const compared = isMembers(old) || isMembers(final) ? { copy: `CONCAT(${n})`, source: `CONCAT(${source})` } : undefined;

  // Release 1: expand
  const add: Step[] = [build.lockWait(), build.ddl(`ALTER TABLE ${t} ADD COLUMN ${columnDefinition(final, { nullable: true, default: null, plain: true })}`)];
  const copies = indexCopies(table, old.name, final.name);
  for (const c of copies) add.push(build.ddl(`ALTER TABLE ${t} ADD ${c.sql}`));
  const triggers = build.options.triggers ? dualWriteTriggers(table.name, old.name, final.name, source) : undefined;
  if (triggers) add.push(...triggers.create.map((sql, i) => build.plain(sql, i === 0 ? { note: 'dual-write in the database while instances of the previous app version still write only the old column' } : {})));
  const addDown: Step[] = [build.lockWait(), ...(triggers?.drop.map((sql) => ({ sql })) ?? [])];
  for (const c of copies) addDown.push(build.ddlDown(`ALTER TABLE ${t} DROP INDEX ${quoteId(c.name)}`));
  addDown.push(build.ddlDown(`ALTER TABLE ${t} DROP COLUMN ${n}`, { allow: { rules: ['drop-column'], reason: 'undoes release 1 before any app version reads it' } }));
  const copy = backfill({ table, set: `${n} = ${source}`, pending: `${n} IS NULL AND ${o} IS NOT NULL`, purpose: `copy_${table.name}_${final.name}`, batchSize: batch });

  // Release 2: copy what the previous version wrote meanwhile, compensate disagreements, relax the old column
  const catchUp = compensateColumn(table, final.name, source, `sync_${table.name}_${final.name}`, batch, compared);
  const relax: MigrationDraft[] = [];
  if (old.nullable === false) {
    const loose = columnDefinition(old, { nullable: true, plain: true });
    relax.push({
      name: `make ${table.name} ${old.name} optional`,
      up: [build.lockWait(), build.ddl(`ALTER TABLE ${t} MODIFY ${loose}`, { allow: { rules: ['change-column-type'], reason: `on purpose: the next app version stops writing ${old.name}` } })],
      down: [build.lockWait(), build.ddlDown(`ALTER TABLE ${t} MODIFY ${columnDefinition(old)}`, { allow: { rules: ['set-not-null'], reason: 'restores the column as release 1 left it; no row holds NULL while the previous app version writes it' } })],
    });
  }

  // Release 3: contract
  const drop: Step[] = [build.lockWait(), ...(triggers?.drop.map((sql) => ({ sql })) ?? [])];
  drop.push(build.ddl(`ALTER TABLE ${t} DROP COLUMN ${o}`, { allow: { rules: ['drop-column'], reason: `no app version reads or writes ${old.name} since release 2` } }));
  const constrain = columnDefinition(final);
  if (final.nullable === false || final.default !== undefined || final.autoIncrement) {
    drop.push(build.ddl(`ALTER TABLE ${t} MODIFY ${constrain}`, { allow: { rules: ['set-not-null'], reason: `release 2 verified that no row holds NULL in ${final.name} and every app version since writes it` } }));
  }

  const what = kind === 'rename-column' ? `rename ${label} to ${final.name}` : `change ${label} to ${final.type.text} through the new column ${final.name}`;
  return {
    kind,
    summary: what,
    slug: `${kind === 'rename-column' ? 'rename' : 'retype'} ${table.name} ${old.name}`,
    releases: [
      {
        title: `Release 1 — expand: add ${final.name}, copy ${old.name} into it`,
        appSteps: [
          `Write both ${old.name} and ${final.name} on every INSERT and UPDATE; keep reading ${old.name}.`,
          ...(triggers ? [`(The triggers also copy ${old.name} into ${final.name} for instances of the previous version that write only ${old.name}.)`] : []),
          `Deploy it to every instance: no instance of the previous version may run before release 2 ships.`,
        ],
        verify: [copy.countQuery],
        migrations: [
          { name: `add ${table.name} ${final.name}`, up: add, down: addDown },
          { name: `copy ${table.name} ${old.name} to ${final.name}`, up: copy.steps, down: [] },
        ],
      },
      {
        title: `Release 2 — switch: copy again what the previous version wrote, then read and write only ${final.name}`,
        appSteps: [`Read and write only ${final.name}; stop writing ${old.name} (remove it from the ORM mapping).`, `Deploy it to every instance before release 3 ships.`],
        verify: [catchUp.compareQuery, `SELECT COUNT(*) FROM ${t} WHERE ${n} IS NULL AND ${o} IS NOT NULL`],
        migrations: [{ name: `sync ${table.name} ${final.name}`, up: catchUp.steps, down: [] }, ...relax],
      },
      {
        title: `Release 3 — contract: drop ${old.name}${constrain !== columnDefinition(final, { nullable: true, default: null, plain: true }) ? `, constrain ${final.name}` : ''}`,
        appSteps: ['No change: the application already uses only the new column.'],
        verify: [`SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${table.name}' AND COLUMN_NAME = '${old.name}'`],
        migrations: [{ name: `drop ${table.name} ${old.name}`, up: drop, down: [], irreversible: true }],
      },
    ],
    notes: [
      `The backfills run as stored procedures the migrations create, call and drop: batches of ${batch} rows, each committed, with a short pause between them.`,
      `Compare and compensate: release 2's first verification query counts the rows whose ${final.name} disagrees with ${old.name}; its sync migration rewrites them from ${old.name} (the old side wins).`,
    ],
  };
}

/** the indexes on the old column, rebuilt on the new one so queries keep their plans */
function indexCopies(table: TableDef, from: string, to: string): { name: string; sql: string }[] {
  return indexesOfColumn(table, from)
    .filter((i): i is IndexDef & { name: string } => i.kind !== 'primary' && i.name !== undefined && !i.generated)
    .map((i) => {
      const name = i.name.toLowerCase().includes(from.toLowerCase()) ? i.name.replace(new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'), to) : `${i.name}_${to}`;
      const cols = i.columns.map((c) => `${quoteId(c.name.toLowerCase() === from.toLowerCase() ? to : c.name)}${c.length ? `(${c.length})` : ''}`).join(', ');
      const kind = i.kind === 'unique' ? 'UNIQUE INDEX' : i.kind === 'fulltext' ? 'FULLTEXT INDEX' : 'INDEX';
      return { name, sql: `${kind} ${quoteId(name)} (${cols})` };
    });
}

const STRING_TYPES = new Set(['CHAR', 'VARCHAR', 'TEXT', 'TINYTEXT', 'MEDIUMTEXT', 'LONGTEXT', 'ENUM', 'SET']);

function isString(column: ColumnDef): boolean {
  return STRING_TYPES.has(column.type.name.toUpperCase());
}

function isMembers(column: ColumnDef): boolean {
  return ['ENUM', 'SET'].includes(column.type.name.toUpperCase());
}

function castType(column: ColumnDef): string {
  const name = column.type.name.toUpperCase();
  if (['TINYINT', 'SMALLINT', 'MEDIUMINT', 'INT', 'BIGINT'].includes(name)) return column.type.unsigned ? 'UNSIGNED' : 'SIGNED';
  if (name === 'DECIMAL') return column.type.text.toUpperCase().replace(/\s*UNSIGNED|\s*ZEROFILL/g, '');
  if (['CHAR', 'VARCHAR', 'TEXT', 'TINYTEXT', 'MEDIUMTEXT', 'LONGTEXT', 'ENUM', 'SET'].includes(name)) return 'CHAR';
  if (['DATE', 'DATETIME', 'TIME', 'DOUBLE', 'FLOAT', 'JSON'].includes(name)) return name === 'FLOAT' ? 'DOUBLE' : name;
  return 'CHAR';
}

/** BEFORE INSERT / UPDATE triggers that keep both columns equal whichever one a version writes */
function dualWriteTriggers(table: string, from: string, to: string, source: string): { create: string[]; drop: string[] } {
  const t = quoteId(table);
  const [o, n] = [quoteId(from), quoteId(to)];
  const base = `lockstep_${table}_${to}`.slice(0, 56);
  const ins = quoteId(`${base}_ins`);
  const upd = quoteId(`${base}_upd`);
  const newSource = source.replaceAll(o, `NEW.${o}`);
  return {
    create: [
      `CREATE TRIGGER ${ins} BEFORE INSERT ON ${t} FOR EACH ROW SET NEW.${n} = COALESCE(NEW.${n}, ${newSource})`,
      `CREATE TRIGGER ${upd} BEFORE UPDATE ON ${t} FOR EACH ROW SET NEW.${n} = IF(NOT (NEW.${o} <=> OLD.${o}), ${newSource}, NEW.${n})`,
    ],
    drop: [`DROP TRIGGER IF EXISTS ${ins}`, `DROP TRIGGER IF EXISTS ${upd}`],
  };
}
