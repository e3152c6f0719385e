// What the statements of one file add, indexed once per statement list (so it lives exactly as
// long as one analysis): rules that look around the file ask it instead of scanning every
// statement for every statement they check.
import type { Statement } from '../../types';

interface FileIndex {
  /** `table\0column` → indexes of statements that add the column (ADD COLUMN, CREATE TABLE), ascending */
  addedColumns: Map<string, number[]>;
  /** `table\0index name` → indexes of statements that add an index of that name */
  addedIndexes: Map<string, number[]>;
  /** table → indexes of statements that create it (not TEMPORARY) */
  createdTables: Map<string, number[]>;
  /** table → indexes of statements that add a primary key to it */
  addedPrimaryKeys: Map<string, number[]>;
  byIndex: Map<number, Statement>;
}

const indexes = new WeakMap<readonly Statement[], FileIndex>();

function push(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [at]);
  else if (list[list.length - 1] !== at) list.push(at);
}

/** which of the index's maps a statement adds to, under which key (the statement's own facts) */
type Contribution = [map: 'addedColumns' | 'addedIndexes' | 'createdTables' | 'addedPrimaryKeys', key: string];

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
        for (const c of op.columns) out.push(['addedColumns', `${table}\0${c.name.toLowerCase()}`]);
        if (!op.temporary) out.push(['createdTables', table]);
        break;
      case 'add-column':
        out.push(['addedColumns', `${table}\0${op.column.name.toLowerCase()}`]);
        if (op.column.primaryKey) out.push(['addedPrimaryKeys', table]);
        break;
      case 'add-index':
        out.push(['addedIndexes', `${table}\0${(op.index.name ?? '').toLowerCase()}`]);
        if (op.index.kind === 'primary') out.push(['addedPrimaryKeys', table]);
        break;
      case 'modify-column':
        if (op.def.primaryKey) out.push(['addedPrimaryKeys', table]);
        break;
      default:
        break;
    }
  }
  contributionsOf.set(st, out);
  return out;
}

function build(statements: readonly Statement[]): FileIndex {
  const index: FileIndex = { addedColumns: new Map(), addedIndexes: new Map(), createdTables: new Map(), addedPrimaryKeys: new Map(), byIndex: new Map() };
  // in statement-index order, so every list is ascending (a file's list usually is already)
  let ordered = true;
  for (let i = 1; i < statements.length && ordered; i++) ordered = statements[i - 1].index < statements[i].index;
  for (const st of ordered ? statements : [...statements].sort((a, b) => a.index - b.index)) {
    index.byIndex.set(st.index, st);
    for (const [map, key] of contributions(st)) push(index[map], key, st.index);
  }
  return index;
}

function fileIndex(statements: readonly Statement[]): FileIndex {
  let index = indexes.get(statements);
  if (!index) indexes.set(statements, (index = build(statements)));
  return index;
}

/** the first statement after statement index `after` in the list, if any */
function firstAfter(index: FileIndex, list: readonly number[] | undefined, after: number): Statement | undefined {
  const at = list?.find((i) => i > after);
  return at === undefined ? undefined : index.byIndex.get(at);
}

/** whether a statement before `before` (by index) adds table.column */
export function addsColumnBefore(statements: readonly Statement[], before: number, table: string, column: string): boolean {
  const list = fileIndex(statements).addedColumns.get(`${table.toLowerCase()}\0${column.toLowerCase()}`);
  return list !== undefined && list[0] < before;
}

/** the first statement after `after` (by index) that adds an index `name` to `table` */
export function indexAddedAfter(statements: readonly Statement[], after: number, table: string, name: string): Statement | undefined {
  const index = fileIndex(statements);
  return firstAfter(index, index.addedIndexes.get(`${table.toLowerCase()}\0${name.toLowerCase()}`), after);
}

/** the first statement after `after` (by index) that creates `table` (not TEMPORARY) */
export function tableCreatedAfter(statements: readonly Statement[], after: number, table: string): Statement | undefined {
  const index = fileIndex(statements);
  return firstAfter(index, index.createdTables.get(table.toLowerCase()), after);
}

/** whether a statement after `after` (by index) adds a primary key to `table` */
export function primaryKeyAddedAfter(statements: readonly Statement[], after: number, table: string): boolean {
  const list = fileIndex(statements).addedPrimaryKeys.get(table.toLowerCase());
  return list !== undefined && list[list.length - 1] > after;
}
