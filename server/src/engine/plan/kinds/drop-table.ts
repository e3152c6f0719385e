// drop-table: the app stops using the table (release 1); release 2 renames it aside, which is
// instant and reversible and makes any forgotten user fail loudly; release 3 drops it.
import { referencingForeignKeys } from '../../catalog/lookup';
import type { Operation } from '../../types';
import type { Builder } from '../build';
import { quoteId } from '../sql';

type DropOp = Extract<Operation, { kind: 'drop-table' }>;

export const planDropTable: Builder<DropOp> = (build, op) => {
  const table = build.table(op.table);
  if (!table) return `table ${op.table} is not known from the earlier migrations`;
  const children = referencingForeignKeys(build.catalog, table.name).filter((r) => r.table.name.toLowerCase() !== table.name.toLowerCase());
  if (children.length > 0) return `table ${[...new Set(children.map((c) => c.table.name))].join(', ')} still references ${table.name} by foreign key: drop those keys first`;
  const retired = `${table.name}_retired`.slice(0, 64);
  const [t, r] = [quoteId(table.name), quoteId(retired)];
  const exists = (name: string) => `SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${name}'`;
  return {
    kind: 'drop-table',
    summary: `drop ${table.name} without breaking the running app`,
    slug: `drop ${table.name}`,
    releases: [
      {
        title: `Release 1 — stop using ${table.name}`,
        appSteps: [`Stop every read and write of ${table.name} (queries, ORM models, jobs, reports).`, 'Deploy it to every instance before release 2 ships.'],
        verify: [],
        migrations: [],
      },
      {
        title: `Release 2 — retire: rename ${table.name} to ${retired}`,
        appSteps: [`No change. Anything that still uses ${table.name} now fails; the down migration renames it back.`, `Wait long enough to be sure nothing needs it (a full business cycle) before release 3 ships.`],
        verify: [exists(table.name)],
        migrations: [{
          name: `retire ${table.name}`,
          up: [build.lockWait(), build.plain(`RENAME TABLE ${t} TO ${r}`, { allow: { rules: ['rename-table'], reason: `no app version uses ${table.name} since release 1` } })],
          down: [build.lockWait(), { sql: `RENAME TABLE ${r} TO ${t}`, allow: { rules: ['rename-table'], reason: 'undoes the retirement' } }],
        }],
      },
      {
        title: `Release 3 — contract: drop ${retired}`,
        appSteps: ['No change.'],
        verify: [exists(retired)],
        migrations: [{ name: `drop ${retired}`, up: [build.lockWait(), build.plain(`DROP TABLE ${r}`, { allow: { rules: ['drop-table'], reason: `retired in release 2; nothing has used it since release 1` } })], down: [], irreversible: true }],
      },
    ],
    notes: [`Dropping the table deletes its data: take a backup first if it may be needed.`],
  };
};
