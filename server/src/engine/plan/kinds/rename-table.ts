// rename-table: an updatable view under the new name lets the next app version use it while the
// previous one still uses the table (release 1); release 2 swaps the table into the new name in
// one atomic RENAME and drops the view.
import type { Operation } from '../../types';
import type { Builder } from '../build';
import { quoteId } from '../sql';

type RenameOp = Extract<Operation, { kind: 'rename-table' }>;

export const planRenameTable: Builder<RenameOp> = (build, op) => {
  const table = build.table(op.table);
  if (!table) return `table ${op.table} is not known from the earlier migrations`;
  if (build.table(op.newName)) return `a table ${op.newName} already exists`;
  const [o, n] = [quoteId(table.name), quoteId(op.newName)];
  const parked = quoteId(`${op.newName}_view`.slice(0, 64));
  return {
    kind: 'rename-table',
    summary: `rename table ${table.name} to ${op.newName} without breaking the running app`,
    slug: `rename ${table.name}`,
    releases: [
      {
        title: `Release 1 — expand: an updatable view ${op.newName} over ${table.name}`,
        appSteps: [`Read and write ${op.newName} instead of ${table.name} (a single-table view: INSERT, UPDATE and DELETE go through to the table).`, 'Deploy it to every instance before release 2 ships.'],
        verify: [],
        migrations: [{
          name: `view ${op.newName}`,
          up: [{ sql: `CREATE VIEW ${n} AS SELECT * FROM ${o}` }],
          down: [{ sql: `DROP VIEW ${n}` }],
        }],
      },
      {
        title: `Release 2 — contract: the table takes the name ${op.newName}`,
        appSteps: ['No change.'],
        verify: [`SELECT COUNT(*) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('${op.newName}', '${op.newName}_view')`],
        migrations: [{
          name: `rename ${table.name} to ${op.newName}`,
          up: [build.lockWait(), build.plain(`RENAME TABLE ${n} TO ${parked}, ${o} TO ${n}`, { note: 'one atomic swap: no moment without a table or view of that name' }), { sql: `DROP VIEW ${parked}` }],
          down: [build.lockWait(), { sql: `RENAME TABLE ${n} TO ${o}`, allow: { rules: ['rename-table'], reason: 'undoes release 2 while the view comes back' } }, { sql: `CREATE VIEW ${n} AS SELECT * FROM ${o}` }],
        }],
      },
    ],
    notes: ['The view lists the columns the table has when it is created: a column added before release 2 is not visible through it.'],
  };
};
