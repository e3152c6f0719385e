// Per statement list: the statements that name each table, in file order. Rules that look around
// the file for one table (what an earlier statement added, the earlier rewrite of the same table)
// read this list instead of scanning every statement, and derive their own per-table facts from it.
// An incremental analysis whose statement list differs from the previous one only in a window of
// replaced statements hands the previous index over (`carryOverStatementsByTable`): an edit then
// updates the lists of the tables those statements name instead of rebuilding every list.
import type { Statement } from '../../types';

/** a pseudo table under which every SET statement is listed (sessions at a statement come from them) */
export const SET_STATEMENTS = '\0set';

const indexes = new WeakMap<readonly Statement[], Map<string, Statement[]>>();
const namedOf = new WeakMap<Statement, string[]>();

/**
 * The lower-cased tables a statement names, generously: its tables, each operation's table, a
 * renamed table's new name, a LIKE source and foreign-key parents (kept per statement object,
 * whose facts never change). Consumers filter the lists with their own, narrower test.
 */
export function namedTables(st: Statement): string[] {
  let named = namedOf.get(st);
  if (!named) {
    const set = new Set<string>();
    for (const t of st.tables) set.add(t.toLowerCase());
    for (const op of st.operations) {
      set.add(op.table.toLowerCase());
      if (op.kind === 'rename-table') set.add(op.newName.toLowerCase());
      else if (op.kind === 'create-table') {
        if (op.likeTable) set.add(op.likeTable.toLowerCase());
        for (const fk of op.foreignKeys) set.add(fk.refTable.toLowerCase());
      } else if (op.kind === 'add-foreign-key') set.add(op.fk.refTable.toLowerCase());
    }
    if (st.kind === 'set') set.add(SET_STATEMENTS);
    named = [...set];
    namedOf.set(st, named);
  }
  return named;
}

function build(statements: readonly Statement[]): Map<string, Statement[]> {
  const byTable = new Map<string, Statement[]>();
  for (const st of statements) {
    for (const t of namedTables(st)) {
      const list = byTable.get(t);
      if (list) list.push(st);
      else byTable.set(t, [st]);
    }
  }
  for (const list of byTable.values()) if (list.some((s, k) => k > 0 && list[k - 1].index > s.index)) list.sort((a, b) => a.index - b.index);
  return byTable;
}

function index(statements: readonly Statement[]): Map<string, Statement[]> {
  let byTable = indexes.get(statements);
  if (!byTable) indexes.set(statements, (byTable = build(statements)));
  return byTable;
}

/** the statements of the list that name `table` (lower-cased), ascending by index */
export function statementsNaming(statements: readonly Statement[], table: string): readonly Statement[] {
  return index(statements).get(table) ?? [];
}

/** position of the first statement of `list` whose index is above `index` */
export function firstAbove(list: readonly Statement[], index: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].index <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Gives `next` the index of `previous`, updated: `next` is `previous` with `previous[first, endOld)`
 * replaced by `next[first, endNew)`; every other position holds the same statement object (whose
 * index may have moved). Does nothing when `previous` has no index or the lists differ elsewhere.
 */
export function carryOverStatementsByTable(previous: readonly Statement[], next: readonly Statement[], first: number, endOld: number, endNew: number): void {
  const byTable = indexes.get(previous);
  if (!byTable || indexes.has(next)) return;
  if (previous.length - endOld !== next.length - endNew) return;
  for (let i = 0; i < first; i++) if (previous[i] !== next[i]) return;
  for (let i = endOld, j = endNew; i < previous.length; i++, j++) if (previous[i] !== next[j]) return;
  // the lists are sorted by index and every kept statement kept its order: remove the old, insert the new
  for (let i = first; i < endOld; i++) {
    const st = previous[i];
    for (const t of namedTables(st)) {
      const list = byTable.get(t);
      const at = list ? list.indexOf(st) : -1;
      if (!list || at < 0) continue;
      list.splice(at, 1);
      if (list.length === 0) byTable.delete(t);
    }
  }
  for (let i = first; i < endNew; i++) {
    const st = next[i];
    for (const t of namedTables(st)) {
      const list = byTable.get(t);
      if (!list) byTable.set(t, [st]);
      else list.splice(firstAbove(list, st.index), 0, st);
    }
  }
  indexes.delete(previous);
  indexes.set(next, byTable);
}
