// move-table: a table moves to another schema (database) of the same server by dual-writing: the
// target is created (release 1, the app writes both behind a switch), the rows are copied by key
// range up to a cutoff and every difference compensated from the old side (release 2, reads move
// over), copied again for what raced (release 3, the app stops writing the old table), and the old
// table is dropped (release 4).
import { findTable } from '../../catalog/lookup';
import type { Catalog, TableDef } from '../../types';
import { integerKey, keyRangeLoop, procedureName } from '../backfill';
import type { PlanDraft, Step } from '../draft';
import { quoteId } from '../sql';

export interface MoveTableInput {
  catalog: Catalog;
  table: string;
  schema: string;
  batchSize: number;
}

/** the SQL that finds rows whose copy is missing, extra or different (each counts 0 when in step) */
export function moveComparisons(table: TableDef, source: string, target: string, key: string): { missing: string; extra: string; differing: string } {
  const k = quoteId(key);
  const same = table.columns.filter((c) => !c.generated).map((c) => `dst.${quoteId(c.name)} <=> src.${quoteId(c.name)}`).join(' AND ');
  return {
    missing: `SELECT COUNT(*) FROM ${source} AS src LEFT JOIN ${target} AS dst ON dst.${k} = src.${k} WHERE dst.${k} IS NULL`,
    extra: `SELECT COUNT(*) FROM ${target} AS dst LEFT JOIN ${source} AS src ON src.${k} = dst.${k} WHERE src.${k} IS NULL`,
    differing: `SELECT COUNT(*) FROM ${target} AS dst JOIN ${source} AS src ON src.${k} = dst.${k} WHERE NOT (${same})`,
  };
}

export function planMoveTable(input: MoveTableInput): PlanDraft | string {
  const table = findTable(input.catalog, input.table);
  if (!table || table.partial) return `table ${input.table} is not known from the migrations`;
  const key = integerKey(table);
  if (!key) return `table ${table.name} has no single-column integer primary key, which the copy by key range with a cutoff needs`;
  if (!/^[A-Za-z0-9_$]+$/.test(input.schema)) return `"${input.schema}" is not a plain schema name`;
  const source = quoteId(table.name);
  const target = `${quoteId(input.schema)}.${quoteId(table.name)}`;
  const k = quoteId(key);
  const columns = table.columns.filter((c) => !c.generated).map((c) => quoteId(c.name));
  const compare = moveComparisons(table, source, target, key);
  const range = (alias: string) => `${alias}.${k} > batch_start AND ${alias}.${k} <= batch_end`;
  const sync = [
    `INSERT INTO ${target} (${columns.join(', ')}) SELECT ${columns.map((c) => `src.${c}`).join(', ')} FROM ${source} AS src LEFT JOIN ${target} AS dst ON dst.${k} = src.${k} WHERE ${range('src')} AND dst.${k} IS NULL ON DUPLICATE KEY UPDATE ${target}.${k} = ${target}.${k};`,
    `UPDATE ${target} AS dst JOIN ${source} AS src ON src.${k} = dst.${k} SET ${columns.filter((c) => c !== k).map((c) => `dst.${c} = src.${c}`).join(', ')} WHERE ${range('src')} AND NOT (${columns.map((c) => `dst.${c} <=> src.${c}`).join(' AND ')});`,
    `DELETE dst FROM ${target} AS dst LEFT JOIN ${source} AS src ON src.${k} = dst.${k} WHERE ${range('dst')} AND src.${k} IS NULL;`,
  ];
  const procedure = (purpose: string): Step[] => {
    const name = quoteId(procedureName(purpose));
    return [
      { sql: `DROP PROCEDURE IF EXISTS ${name}`, note: `copies ${table.name} into ${input.schema} by ${key} range up to a cutoff read at the start: inserts missing rows, rewrites differing ones from ${table.name} (the old side wins), deletes rows ${table.name} no longer has; re-running it is safe` },
      { sql: `CREATE PROCEDURE ${name}()\nBEGIN\n${keyRangeLoop(source, k, input.batchSize, sync, [target])}\nEND`, compound: true },
      { sql: `CALL ${name}()` },
      { sql: `DROP PROCEDURE ${name}` },
    ];
  };
  const verify = [compare.missing, compare.extra, compare.differing];
  return {
    kind: 'move-table',
    summary: `move ${table.name} to schema ${input.schema} by dual-writing`,
    slug: `move ${table.name} ${input.schema}`,
    releases: [
      {
        title: `Release 1 — expand: create ${input.schema}.${table.name}`,
        appSteps: [
          `Behind a switch, write every change of ${table.name} to ${input.schema}.${table.name} as well, with the same ${key} (INSERT … ON DUPLICATE KEY UPDATE for inserts and updates, DELETE in both); keep reading ${table.name}.`,
          `Turn the switch on everywhere before release 2 ships. Schema ${input.schema} must exist and the app's user must be able to write it.`,
        ],
        verify: [],
        migrations: [{
          name: `create ${input.schema} ${table.name}`,
          up: [{ sql: `CREATE TABLE ${target} LIKE ${source}` }],
          down: [{ sql: `DROP TABLE ${target}`, allow: { rules: ['drop-table'], reason: 'undoes release 1 before any app version reads it' } }],
        }],
      },
      {
        title: `Release 2 — copy: all rows up to a cutoff, then compare and compensate; move reads`,
        appSteps: [`Move reads to ${input.schema}.${table.name} gradually (a percentage behind the switch), still writing both.`, 'Read only the new table everywhere before release 3 ships.'],
        verify,
        migrations: [{ name: `copy ${table.name} to ${input.schema}`, up: procedure(`copy_${table.name}`), down: [] }],
      },
      {
        title: `Release 3 — catch up, then stop writing ${table.name}`,
        appSteps: [`Stop writing ${table.name}: write only ${input.schema}.${table.name}.`, 'Deploy it to every instance before release 4 ships.'],
        verify,
        migrations: [{ name: `catch up ${table.name} in ${input.schema}`, up: procedure(`catch_up_${table.name}`), down: [] }],
      },
      {
        title: `Release 4 — contract: drop ${table.name}`,
        appSteps: ['No change.'],
        verify: [`SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${table.name}'`],
        migrations: [{
          name: `drop ${table.name}`,
          up: [{ sql: 'SET SESSION lock_wait_timeout = 5', note: 'give up quickly instead of queueing every query on the table behind a metadata lock; re-run later' }, { sql: `DROP TABLE ${source}`, allow: { rules: ['drop-table'], reason: `no app version uses ${table.name} since release 3; its rows live in ${input.schema}.${table.name}` } }],
          down: [],
          irreversible: true,
        }],
      },
    ],
    notes: [
      'Same server only: the copy joins both schemas in one statement. A move to another server needs a replication or change-data-capture tool for the copy; the releases stay the same.',
      `CREATE TABLE … LIKE copies columns and indexes, not foreign keys or triggers: add them to ${input.schema}.${table.name} by hand if the table has any.`,
    ],
  };
}
