// add-unique-index: duplicates are found and the app made to prevent new ones first (release 1);
// release 2 builds the unique index online (native ALTER, never pt-online-schema-change, whose
// INSERT IGNORE copy would silently drop duplicate rows).
import type { IndexDef, Operation } from '../../types';
import type { Builder } from '../build';
import { quoteId } from '../sql';

type AddIndexOp = Extract<Operation, { kind: 'add-index' }>;

export const planAddUniqueIndex: Builder<AddIndexOp> = (build, op) => {
  const table = build.table(op.table);
  if (!table) return `table ${op.table} is not known from the earlier migrations`;
  const index: IndexDef = op.index;
  if (index.columns.some((c) => c.expression)) return 'a functional unique index cannot be checked for duplicates by this plan';
  const t = quoteId(table.name);
  const cols = index.columns.map((c) => quoteId(c.name));
  const key = index.columns.map((c) => (c.length ? `LEFT(${quoteId(c.name)}, ${c.length})` : quoteId(c.name)));
  const notNull = cols.map((c) => `${c} IS NOT NULL`).join(' AND ');
  // NULLs never collide in a unique index: only rows with every key column set can be duplicates
  const duplicates = `SELECT COUNT(*) FROM (SELECT 1 FROM ${t} WHERE ${notNull} GROUP BY ${key.join(', ')} HAVING COUNT(*) > 1) AS duplicate_keys`;
  const listing = `SELECT ${key.join(', ')}, COUNT(*) AS copies FROM ${t} WHERE ${notNull} GROUP BY ${key.join(', ')} HAVING COUNT(*) > 1`;
  const name = index.name ?? `uniq_${index.columns.map((c) => c.name).join('_')}`.slice(0, 64);
  const parts = index.columns.map((c) => `${quoteId(c.name)}${c.length ? `(${c.length})` : ''}`).join(', ');
  const label = `${table.name} (${index.columns.map((c) => c.name).join(', ')})`;
  return {
    kind: 'add-unique-index',
    summary: `add unique index ${name} on ${label} without failing on duplicates or breaking writers`,
    slug: `unique ${table.name} ${name}`,
    releases: [
      {
        title: `Release 1 — prepare: remove duplicates of ${label}, make the app prevent new ones`,
        appSteps: [
          `Check for an existing row before every INSERT and key-changing UPDATE of ${table.name} (or upsert), so no version writes a duplicate.`,
          `Merge or delete the duplicate rows the listing query finds (\`${listing}\`); deciding which copy wins is a business decision.`,
          'Deploy it to every instance before release 2 ships.',
        ],
        verify: [duplicates],
        migrations: [],
      },
      {
        title: `Release 2 — add the unique index ${name}`,
        appSteps: ['No change. If the ALTER fails with error 1062, a duplicate was written meanwhile: remove it and run it again.'],
        verify: [`SELECT 1 - COUNT(DISTINCT INDEX_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${table.name}' AND INDEX_NAME = '${name}'`],
        migrations: [{
          name: `unique ${table.name} ${name}`,
          up: [build.lockWait(), build.ddl(`ALTER TABLE ${t} ADD UNIQUE INDEX ${quoteId(name)} (${parts})`, { allow: { rules: ['add-unique-index'], reason: 'release 1 removed the duplicates and made every app version prevent new ones' } })],
          down: [build.lockWait(), build.ddlDown(`ALTER TABLE ${t} DROP INDEX ${quoteId(name)}`, { allow: { rules: ['drop-index'], reason: 'undoes release 2' } })],
        }],
      },
    ],
    notes: ['Build the index natively (this ALTER) or with gh-ost; not with pt-online-schema-change, whose INSERT IGNORE copy silently drops duplicate rows.'],
  };
};
