// What the statements of one file add to a table, derived per statement list and table from the
// statements that name it (statements-by-table.ts): rules that look around the file ask it instead
// of scanning every statement for every statement they check.
import type { Statement } from '../../types';
import { statementsNaming } from './statements-by-table';

interface TableFacts {
  /** lower-cased column → statements that add it (ADD COLUMN, CREATE TABLE), ascending */
  addedColumns: Map<string, Statement[]>;
  /** lower-cased index name → statements that add an index of that name */
  addedIndexes: Map<string, Statement[]>;
  /** statements that create the table (not TEMPORARY) */
  created: Statement[];
  /** statements that add a primary key to it */
  addedPrimaryKeys: Statement[];
}

/** which of a table's facts a statement adds to, under which key (the statement's own facts) */
type Contribution = [fact: 'addedColumns' | 'addedIndexes' | 'created' | 'addedPrimaryKeys', table: string, key: string];

/** a statement's contributions do not change while the object lives (edits move it, never re-parse it) */
const contributionsOf = new WeakMap<Statement, Contribution[]>();

function contributions(st: Statement): Contribution[] {
  let out = contributionsOf.get(st);
  if (out) return out;
  out = [];
  for (const op of st.operations) {
    const table = op.table.toLowerCase();
    switch (op.kind) {
      case 'create-table':
        for (const c of op.columns) out.push(['addedColumns', table, c.name.toLowerCase()]);
        if (!op.temporary) out.push(['created', table, '']);
        break;
      case 'add-column':
        out.push(['addedColumns', table, op.column.name.toLowerCase()]);
        if (op.column.primaryKey) out.push(['addedPrimaryKeys', table, '']);
        break;
      case 'add-index':
        out.push(['addedIndexes', table, (op.index.name ?? '').toLowerCase()]);
        if (op.index.kind === 'primary') out.push(['addedPrimaryKeys', table, '']);
        break;
      case 'modify-column':
        if (op.def.primaryKey) out.push(['addedPrimaryKeys', table, '']);
        break;
      default:
        break;
    }
  }
  contributionsOf.set(st, out);
  return out;
}

/** per statement list (one analysis), the facts of each table asked about */
const facts = new WeakMap<readonly Statement[], Map<string, TableFacts>>();

function pushOnce(list: Statement[], st: Statement): void {
  if (list[list.length - 1] !== st) list.push(st);
}

function factsOf(statements: readonly Statement[], table: string): TableFacts {
  let perTable = facts.get(statements);
  if (!perTable) facts.set(statements, (perTable = new Map()));
  let out = perTable.get(table);
  if (out) return out;
  out = { addedColumns: new Map(), addedIndexes: new Map(), created: [], addedPrimaryKeys: [] };
  for (const st of statementsNaming(statements, table)) {
    for (const [fact, t, key] of contributions(st)) {
      if (t !== table) continue;
      if (fact === 'created' || fact === 'addedPrimaryKeys') pushOnce(out[fact], st);
      else {
        const list = out[fact].get(key);
        if (list) pushOnce(list, st);
        else out[fact].set(key, [st]);
      }
    }
  }
  perTable.set(table, out);
  return out;
}

/** the first statement of the list after statement index `after`, if any */
function firstAfter(list: readonly Statement[] | undefined, after: number): Statement | undefined {
  return list?.find((s) => s.index > after);
}

/** whether a statement before `before` (by index) adds table.column */
export function addsColumnBefore(statements: readonly Statement[], before: number, table: string, column: string): boolean {
  const list = factsOf(statements, table.toLowerCase()).addedColumns.get(column.toLowerCase());
  return list !== undefined && list[0].index < before;
}

/** the first statement after `after` (by index) that adds an index `name` to `table` */
export function indexAddedAfter(statements: readonly Statement[], after: number, table: string, name: string): Statement | undefined {
  return firstAfter(factsOf(statements, table.toLowerCase()).addedIndexes.get(name.toLowerCase()), after);
}

/** the first statement after `after` (by index) that creates `table` (not TEMPORARY) */
export function tableCreatedAfter(statements: readonly Statement[], after: number, table: string): Statement | undefined {
  return firstAfter(factsOf(statements, table.toLowerCase()).created, after);
}

/** whether a statement after `after` (by index) adds a primary key to `table` */
export function primaryKeyAddedAfter(statements: readonly Statement[], after: number, table: string): boolean {
  const list = factsOf(statements, table.toLowerCase()).addedPrimaryKeys;
  return list.length > 0 && list[list.length - 1].index > after;
}
