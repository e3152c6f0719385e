// add-foreign-key: index the child columns and clear orphan rows while the app stops creating them
// (release 1); release 2 adds the constraint with foreign_key_checks=0, which lets the server add it
// in place without copying the child table — safe only because release 1 verified no orphans.
import type { ForeignKeyDef, Operation } from '../../types';
import type { Builder } from '../build';
import type { MigrationDraft } from '../draft';
import { quoteId } from '../sql';

type AddFkOp = Extract<Operation, { kind: 'add-foreign-key' }>;

/** counts child rows whose parent row is missing */
export function orphanQuery(child: string, fk: ForeignKeyDef): string {
  const on = fk.columns.map((c, i) => `p.${quoteId(fk.refColumns[i] ?? c)} = c.${quoteId(c)}`).join(' AND ');
  const set = fk.columns.map((c) => `c.${quoteId(c)} IS NOT NULL`).join(' AND ');
  return `SELECT COUNT(*) FROM ${quoteId(child)} c LEFT JOIN ${quoteId(fk.refTable)} p ON ${on} WHERE ${set} AND p.${quoteId(fk.refColumns[0] ?? fk.columns[0])} IS NULL`;
}

export const planAddForeignKey: Builder<AddFkOp> = (build, op) => {
  const table = build.table(op.table);
  if (!table) return `table ${op.table} is not known from the earlier migrations`;
  if (!build.table(op.fk.refTable)) return `parent table ${op.fk.refTable} is not known from the earlier migrations`;
  const fk = op.fk;
  const t = quoteId(table.name);
  const name = fk.name ?? `fk_${table.name}_${fk.columns.join('_')}`.slice(0, 64);
  const cols = fk.columns.map(quoteId).join(', ');
  const indexed = table.indexes.some((i) => fk.columns.every((c, n) => i.columns[n]?.name.toLowerCase() === c.toLowerCase()));
  const indexName = `idx_${table.name}_${fk.columns.join('_')}`.slice(0, 64);
  const prepare: MigrationDraft[] = indexed
    ? []
    : [{
        name: `index ${table.name} ${fk.columns.join(' ')}`,
        up: [build.lockWait(), build.ddl(`ALTER TABLE ${t} ADD INDEX ${quoteId(indexName)} (${cols})`)],
        down: [build.lockWait(), build.ddlDown(`ALTER TABLE ${t} DROP INDEX ${quoteId(indexName)}`, { allow: { rules: ['drop-index'], reason: 'undoes release 1' } })],
      }];
  const actions = `${fk.onDelete ? ` ON DELETE ${fk.onDelete}` : ''}${fk.onUpdate ? ` ON UPDATE ${fk.onUpdate}` : ''}`;
  const orphans = orphanQuery(table.name, fk);
  const add = build.ddl(`ALTER TABLE ${t} ADD CONSTRAINT ${quoteId(name)} FOREIGN KEY (${cols}) REFERENCES ${quoteId(fk.refTable)} (${fk.refColumns.map(quoteId).join(', ')})${actions}`, {}, { foreignKeyChecks: false });
  return {
    kind: 'add-foreign-key',
    summary: `add foreign key ${name} from ${table.name} (${fk.columns.join(', ')}) to ${fk.refTable} without copying ${table.name}`,
    slug: `fk ${table.name} ${fk.refTable}`,
    releases: [
      {
        title: `Release 1 — prepare: ${indexed ? '' : `index ${table.name} (${fk.columns.join(', ')}), `}no orphan rows`,
        appSteps: [
          `Never leave a ${table.name} row pointing at a missing ${fk.refTable} row: insert parents first, delete children first.`,
          `Fix the existing orphan rows (the verification query counts them): set their key to NULL, restore the parent, or delete them.`,
          'Deploy it to every instance before release 2 ships.',
        ],
        verify: [orphans],
        migrations: prepare,
      },
      {
        title: `Release 2 — add the foreign key ${name}`,
        appSteps: ['No change.'],
        verify: [orphans],
        migrations: [{
          name: `fk ${table.name} ${fk.refTable}`,
          up: [
            build.lockWait(),
            { sql: 'SET SESSION foreign_key_checks = 0', note: 'with checks off the server adds the key in place instead of copying the table; release 1 verified there are no orphans' },
            add,
            { sql: 'SET SESSION foreign_key_checks = 1' },
          ],
          down: [build.lockWait(), build.ddlDown(`ALTER TABLE ${t} DROP FOREIGN KEY ${quoteId(name)}`)],
        }],
      },
    ],
    notes: ['With foreign_key_checks=0 the server does not check existing rows: run the orphan query right before release 2 and stop if it is not 0.'],
  };
};
