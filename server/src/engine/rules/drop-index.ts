import { findIndex, findTable, implicitClusteredIndex, referencingForeignKeys } from '../catalog/lookup';
import { fix, replaceSpan } from '../fix/edits';
import type { Fix, ForeignKeyDef, IndexDef, Operation, Statement, TableDef, Target } from '../types';
import { atLeast } from '../targets';
import { existingTableOps, type Rule, type RuleContext } from './rule';
import { quoteIdent } from './util/compat-sql';
import { indexAddedAfter } from './util/file-index';
import { lineOf } from './util/lock-text';

type DropIndexOp = Extract<Operation, { kind: 'drop-index' }>;

/** `INVISIBLE` on MySQL ≥ 8.0, `IGNORED` on MariaDB ≥ 10.6; undefined when the target has neither */
export function hideKeyword(target: Target): string | undefined {
  if (target.flavor === 'mysql') return atLeast(target, 8, 0) ? 'INVISIBLE' : undefined;
  return atLeast(target, 10, 6) ? 'IGNORED' : undefined;
}

function covers(index: IndexDef, columns: readonly string[]): boolean {
  return columns.length > 0 && columns.every((c, i) => index.columns[i]?.name.toLowerCase() === c.toLowerCase());
}

/** foreign keys (of this table, or referencing it) that only this index supports */
function backedForeignKeys(ctx: RuleContext, table: TableDef, index: IndexDef): ForeignKeyDef[] {
  const others = table.indexes.filter((i) => i !== index);
  const droppedInStatement = new Set(ctx.statement.operations.flatMap((o) => (o.kind === 'drop-foreign-key' ? [o.name.toLowerCase()] : [])));
  const own = table.foreignKeys.filter((fk) => !droppedInStatement.has((fk.name ?? '').toLowerCase()) && covers(index, fk.columns) && !others.some((o) => covers(o, fk.columns)));
  // a key referencing this table relies on this index alone only for a prefix of its columns no other index starts with
  const prefixes = index.columns.map((_, n) => index.columns.slice(0, n + 1).map((c) => c.name));
  const soleSupport = prefixes.some((p) => !index.columns.slice(0, p.length).some((c) => c.expression) && !others.some((o) => covers(o, p)));
  const parent = !soleSupport ? [] : referencingForeignKeys(ctx.catalog, table.name).map((r) => r.fk).filter((fk) => covers(index, fk.refColumns) && !others.some((o) => covers(o, fk.refColumns)));
  return [...own, ...parent];
}

/** InnoDB uses the first UNIQUE index over NOT NULL columns as the clustered key when there is no PRIMARY KEY: it cannot be hidden */
function isImplicitPrimaryKey(table: TableDef | undefined, index: IndexDef | undefined): boolean {
  return index !== undefined && implicitClusteredIndex(table) === index;
}

function hideFix(ctx: RuleContext, op: DropIndexOp): Fix[] {
  const keyword = hideKeyword(ctx.target);
  if (!keyword) return [];
  const clause = `ALTER INDEX ${quoteIdent(op.name)} ${keyword}`;
  const title = `Make ${op.name} ${keyword} instead (drop it in a later release)`;
  if (op.via === 'drop-index') {
    if (ctx.statement.operations.length !== 1) return [];
    return [fix(title, [replaceSpan(ctx.statement.span, `ALTER TABLE ${quoteIdent(op.table)} ${clause}`)], true)];
  }
  return [fix(title, [replaceSpan(op.span, clause)], true)];
}

/** a later statement of the file that adds an index of the same name to the same table */
function recreatedLater(ctx: RuleContext, op: DropIndexOp): Statement | undefined {
  return indexAddedAfter(ctx.statements, ctx.statement.index, op.table, op.name);
}

export const dropIndex: Rule = {
  meta: {
    id: 'drop-index',
    defaultSeverity: 'warning',
    classes: ['BC'],
    description: 'Dropping an index of an existing table, which is a quick metadata change but lets queries and foreign keys that relied on it regress or fail.',
    fixable: true,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      if (op.kind !== 'drop-index' || op.name.toUpperCase() === 'PRIMARY') continue;
      const recreated = ctx.statement.operations.some((o) => o.kind === 'add-index' && (o.index.name ?? '').toLowerCase() === op.name.toLowerCase());
      if (recreated) continue;
      const table = findTable(ctx.catalog, op.table);
      const index = findIndex(table, op.name);
      if (table && !index && op.ifExists) continue;
      const fks = table && index ? backedForeignKeys(ctx, table, index) : [];
      const fkNote = fks.length > 0
        ? ` It is the only index behind foreign key ${fks.map((f) => f.name ?? `(${f.columns.join(', ')})`).join(', ')}, so the drop fails with error 1553 until that key is dropped or another index starts with its columns.`
        : '';
      const hidden = index?.hidden === true;
      if (hidden && fks.length === 0) continue; // already made invisible/ignored in an earlier release: the safe path
      const keyword = hideKeyword(ctx.target);
      const later = recreatedLater(ctx, op);
      if (later && !isImplicitPrimaryKey(table, index)) {
        ctx.report({
          message: `Index ${op.name} on ${op.table} is dropped here and created again at line ${lineOf(ctx.file.text, later.span.start)}: in between, queries that used it run without it, and the new build reads the whole table.${fkNote}`,
          span: op.span,
          help: `Redefine it in one statement (ALTER TABLE ${op.table} DROP INDEX ${op.name}, ADD INDEX ${op.name} (…)), or create the new definition under a new name first and drop the old index in a later release.`,
        });
        continue;
      }
      if (isImplicitPrimaryKey(table, index)) {
        ctx.report({
          message: `Index ${op.name} is the clustered key of ${op.table} (the table has no PRIMARY KEY): dropping it rebuilds the table on a hidden row id, it cannot be made invisible first, and online-schema-change tools need it.${fkNote}`,
          span: op.span,
          help: `Add a PRIMARY KEY to ${op.table} first (through an online-schema-change tool on big tables), then drop the index in a later release.`,
        });
        continue;
      }
      const uniqueNote = index?.kind === 'unique'
        ? ` It is UNIQUE on (${index.columns.map((c) => c.expression ?? c.name).join(', ')}): without it duplicates can be inserted, and upserts (ON DUPLICATE KEY UPDATE, REPLACE) that relied on it insert new rows instead.`
        : '';
      ctx.report({
        message: `Dropping index ${op.name} on ${op.table} is a quick metadata change, so nothing looks wrong until queries that used it slow down (or fail with error 1176 where they name it in USE/FORCE INDEX).${uniqueNote}${fkNote}`,
        span: op.span,
        help: fks.length > 0
          ? 'Drop the foreign key first, or add another index that starts with its columns, then hide the index before dropping it.'
          : keyword
          ? `First ALTER TABLE ${op.table} ALTER INDEX ${op.name} ${keyword}, watch the slow-query log, then drop it in a later release.`
          : 'Check with the slow-query log and the performance schema that no query uses the index before dropping it.',
        // ALTER INDEX has no IF EXISTS guard: only offered when the index is known to exist
        fixes: hidden || fks.length > 0 || (op.ifExists && !index) ? [] : hideFix(ctx, op),
      });
    }
  },
};
