import { findColumn, findTable } from '../catalog/lookup';
import type { ColumnDef, Operation, Statement } from '../types';
import { existingTableOps, type Rule, type RuleContext } from './rule';
import { statementsNaming } from './util/statements-by-table';

type AddColumn = Extract<Operation, { kind: 'add-column' }>;
type DropColumn = Extract<Operation, { kind: 'drop-column' }>;

/** per statement list (one analysis), the file's ADD COLUMNs of each lower-cased table asked about, in file order */
const addsByTable = new WeakMap<readonly Statement[], Map<string, { statement: Statement; op: AddColumn }[]>>();

function addsOf(statements: readonly Statement[], table: string): { statement: Statement; op: AddColumn }[] {
  let byTable = addsByTable.get(statements);
  if (!byTable) addsByTable.set(statements, (byTable = new Map()));
  let adds = byTable.get(table);
  if (adds) return adds;
  adds = [];
  for (const statement of statementsNaming(statements, table)) {
    for (const op of statement.operations) if (op.kind === 'add-column' && op.table.toLowerCase() === table) adds.push({ statement, op });
  }
  byTable.set(table, adds);
  return adds;
}

/** ADD COLUMNs of `table` after `op` in the file: later clauses of this statement, then later statements */
function addsAfter(statements: readonly Statement[], current: Statement, op: Operation, table: string): AddColumn[] {
  // an index of the file's ADD COLUMNs: scanning every statement for every DROP COLUMN is quadratic
  const at = current.operations.indexOf(op);
  const out: AddColumn[] = [];
  for (const { statement, op: add } of addsOf(statements, table)) {
    if (statement.index < current.index) continue;
    if (statement === current && (at < 0 || current.operations.indexOf(add) <= at)) continue;
    out.push(add);
  }
  return out;
}

/**
 * Whether the added column could be the dropped one under another name or type: the same name (a
 * type change), or the same base type (a rename); unknown old definitions count.
 */
function couldBeSame(dropped: string, old: ColumnDef | undefined, added: ColumnDef): boolean {
  if (dropped.toLowerCase() === added.name.toLowerCase()) return true;
  return old === undefined || old.type.name === added.type.name;
}

export const dropAndAddColumn: Rule = {
  meta: {
    id: 'drop-and-add-column',
    defaultSeverity: 'error',
    classes: ['DL', 'BC'],
    description: 'A column dropped and another added to the same existing table in one migration: how ORM generators write a rename or a type change, which deletes the data.',
    fixable: false,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      if (op.kind !== 'drop-column') continue;
      const add = matchingAdd(ctx, op);
      if (!add) continue;
      const added = add.column.name;
      const typeChange = op.column.toLowerCase() === added.toLowerCase();
      ctx.report({
        message: typeChange
          ? `Column ${op.table}.${added} is dropped and added again in the same migration: if this is a type change, every row loses its ${added} value and gets ${add.column.default ? 'the DEFAULT' : "NULL or the type's zero value"} instead.`
          : `Column ${op.table}.${op.column} is dropped and ${added} added in the same migration: if this is a rename (Prisma Migrate and TypeORM generate a rename as DROP + ADD), every row's ${op.column} value is deleted and ${added} starts empty.`,
        span: add.span,
        help: typeChange
          ? `Add a new column of the new type, backfill it from ${added} in batches, switch the code to it, then drop ${added} in a later release.`
          : `Keep the column: rename it only in the ORM mapping (Prisma @map("${op.column}"), TypeORM name: "${op.column}", GORM column:${op.column}); or RENAME COLUMN in a multi-release plan.`,
        related: [{ message: `${op.column} is dropped here`, span: op.span }],
      });
    }
  },
  // the rest of the file only gives the later ADD COLUMNs of the table the match is chosen from:
  // where they are (relative), their names, types and whether they have a default (no catalog
  // read here: the dropped column's old type is covered by the cached catalog reads)
  dependency(ctx) {
    const at = ctx.statement.span.start;
    let key = '';
    for (const op of existingTableOps(ctx)) {
      if (op.kind !== 'drop-column') continue;
      for (const add of addsAfter(ctx.statements, ctx.statement, op, op.table.toLowerCase())) {
        key += `${add.span.start - at},${add.span.end - at},${add.column.name},${add.column.type.name},${add.column.default ? 1 : 0};`;
      }
      key += '|';
    }
    return key;
  },
};

/** the first later ADD COLUMN of the table that could be the dropped column under another name or type */
function matchingAdd(ctx: RuleContext, op: DropColumn): AddColumn | undefined {
  // the schema before this statement still has the dropped column's definition
  const old = findColumn(findTable(ctx.catalog, op.table), op.column);
  return addsAfter(ctx.statements, ctx.statement, op, op.table.toLowerCase()).find((a) => couldBeSame(op.column, old, a.column));
}
