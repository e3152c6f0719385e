// Model before → model after as the schema changes an ORM's migration generator would make, each
// one an ALTER TABLE clause (or a CREATE / DROP TABLE) anchored on the after-model's lines.
// A removed and an added column of one table with the same type and constraints is a probable
// rename (generators emit DROP + ADD for it, which wipes the data): it becomes RENAME COLUMN.
import type { Span } from '../types';
import { dropAnchor, type ModelColumn, type ModelForeignKey, type ModelIndex, type ModelTable, type OrmModel } from './model';

export type ModelChange =
  | { kind: 'create-table'; table: ModelTable; anchor: Span; sql: string }
  | { kind: 'drop-table'; before: ModelTable; anchor: Span; sql: string }
  | { kind: 'add-column'; table: ModelTable; column: ModelColumn; anchor: Span; sql: string }
  | { kind: 'drop-column'; table: ModelTable; before: ModelColumn; anchor: Span; sql: string }
  | { kind: 'rename-column'; table: ModelTable; before: ModelColumn; column: ModelColumn; anchor: Span; sql: string }
  | { kind: 'modify-column'; table: ModelTable; before: ModelColumn; column: ModelColumn; anchor: Span; sql: string }
  | { kind: 'add-index' | 'drop-index'; table: ModelTable; index: ModelIndex; anchor: Span; sql: string }
  | { kind: 'add-foreign-key' | 'drop-foreign-key'; table: ModelTable; foreignKey: ModelForeignKey; anchor: Span; sql: string }
  | { kind: 'primary-key'; table: ModelTable; anchor: Span; sql: string };

/** the changes grouped per statement: one ALTER TABLE per table (clauses), CREATE / DROP TABLE alone */
export interface ChangeGroup {
  table: string;
  /** `alter`: `sql` of each change is a clause of one ALTER TABLE */
  statement: 'alter' | 'create' | 'drop';
  changes: ModelChange[];
}

export function diffModels(before: OrmModel, after: OrmModel, afterText: string): ChangeGroup[] {
  const groups: ChangeGroup[] = [];
  const beforeTables = new Map(before.tables.map((t) => [t.table.toLowerCase(), t]));
  const afterKeys = new Set(after.tables.map((t) => t.table.toLowerCase()));
  for (const old of before.tables) {
    if (afterKeys.has(old.table.toLowerCase())) continue;
    // a relation table's drop goes on its relation (or one of its models); a model's drop has no line left, so the file's first
    const anchor = dropAnchor(old, after) ?? { start: 0, end: firstLineEnd(afterText) };
    groups.push({ table: old.table, statement: 'drop', changes: [{ kind: 'drop-table', before: old, anchor, sql: `DROP TABLE ${quoteId(old.table)}` }] });
  }
  for (const table of after.tables) {
    const old = beforeTables.get(table.table.toLowerCase());
    if (!old) {
      groups.push({ table: table.table, statement: 'create', changes: [{ kind: 'create-table', table, anchor: table.nameSpan, sql: createTableSql(table) }] });
      continue;
    }
    const changes = diffTable(old, table);
    if (changes.length > 0) groups.push({ table: table.table, statement: 'alter', changes });
  }
  return groups;
}

function diffTable(before: ModelTable, after: ModelTable): ModelChange[] {
  const out: ModelChange[] = [];
  const key = (c: ModelColumn) => c.column.toLowerCase();
  const afterCols = new Map(after.columns.map((c) => [key(c), c]));
  const beforeCols = new Map(before.columns.map((c) => [key(c), c]));
  const removed = before.columns.filter((c) => !afterCols.has(key(c)));
  const added = after.columns.filter((c) => !beforeCols.has(key(c)));
  const renames = pairRenames(before, removed, after, added);

  // generators drop foreign keys first (a column or index they use cannot go while they exist) and add them last
  const afterFks = new Map(after.foreignKeys.map((k) => [k.name.toLowerCase(), k]));
  const beforeFks = new Map(before.foreignKeys.map((k) => [k.name.toLowerCase(), k]));
  const keptFk = (old: ModelForeignKey, now: ModelForeignKey | undefined) => now !== undefined && sameForeignKey(now, { ...old, columns: renamedColumns(old.columns, renames) });
  for (const fk of before.foreignKeys) {
    const now = afterFks.get(fk.name.toLowerCase());
    if (keptFk(fk, now)) continue;
    out.push({ kind: 'drop-foreign-key', table: after, foreignKey: fk, anchor: now?.span ?? after.nameSpan, sql: `DROP FOREIGN KEY ${quoteId(fk.name)}` });
  }

  // index drops next: a dropped column's index goes with it, so only drop the others
  const afterIdx = new Map(after.indexes.map((i) => [i.name.toLowerCase(), i]));
  const beforeIdx = new Map(before.indexes.map((i) => [i.name.toLowerCase(), i]));
  const goneColumns = new Set(removed.filter((c) => !renames.has(c)).map(key));
  for (const index of before.indexes) {
    const now = afterIdx.get(index.name.toLowerCase());
    if (now && sameColumns(now.columns, renamedColumns(index.columns, renames)) && sameShape(now, index)) continue;
    if (index.columns.every((c) => goneColumns.has(c.toLowerCase()))) continue;
    // a foreign key's own index: the server keeps it while the key stays, and drops it itself once another index covers the key
    if (index.implicit && !now && (afterFks.has(index.name.toLowerCase()) || after.indexes.some((i) => startsWith(i.columns, renamedColumns(index.columns, renames))))) continue;
    out.push({ kind: 'drop-index', table: after, index, anchor: after.nameSpan, sql: `DROP INDEX ${quoteId(index.name)}` });
  }

  for (const old of removed) {
    const renamed = renames.get(old);
    if (renamed) {
      out.push({ kind: 'rename-column', table: after, before: old, column: renamed, anchor: renamed.span, sql: `RENAME COLUMN ${quoteId(old.column)} TO ${quoteId(renamed.column)}` });
    } else {
      out.push({ kind: 'drop-column', table: after, before: old, anchor: after.nameSpan, sql: `DROP COLUMN ${quoteId(old.column)}` });
    }
  }
  const renamedTo = new Set(renames.values());
  for (const column of after.columns) {
    const old = beforeCols.get(key(column));
    if (old) out.push(...columnChanges(after, old, column));
    else if (!renamedTo.has(column)) out.push({ kind: 'add-column', table: after, column, anchor: column.span, sql: `ADD COLUMN ${columnSql(column)}` });
  }

  if (!sameColumns(before.primaryKey, after.primaryKey) && before.primaryKey.length + after.primaryKey.length > 0) {
    const add = after.primaryKey.length > 0 ? `ADD PRIMARY KEY (${after.primaryKey.map(quoteId).join(', ')})` : '';
    const sql = [before.primaryKey.length > 0 ? 'DROP PRIMARY KEY' : '', add].filter(Boolean).join(', ');
    const anchor = after.columns.find((c) => after.primaryKey.includes(c.column))?.span ?? after.nameSpan;
    out.push({ kind: 'primary-key', table: after, anchor, sql });
  }
  for (const index of after.indexes) {
    const old = beforeIdx.get(index.name.toLowerCase());
    if (old && sameColumns(index.columns, renamedColumns(old.columns, renames)) && sameShape(old, index)) continue;
    if (index.implicit) continue; // ADD FOREIGN KEY creates it
    out.push({ kind: 'add-index', table: after, index, anchor: index.span, sql: `ADD ${indexSql(index)}` });
  }
  for (const fk of after.foreignKeys) {
    const old = beforeFks.get(fk.name.toLowerCase());
    if (old && keptFk(old, fk)) continue;
    out.push({ kind: 'add-foreign-key', table: after, foreignKey: fk, anchor: fk.span, sql: `ADD ${foreignKeySql(fk)}` });
  }
  return out;
}

/**
 * What an index tag can say beyond ModelIndex (GORM's `class:`, `length:`, `sort:`): a FULLTEXT or
 * SPATIAL index, and per column what follows its name in the definition (`(10)`, ` DESC`).
 */
export interface IndexStyle {
  class?: 'FULLTEXT' | 'SPATIAL';
  columnSuffixes?: string[];
}

export type StyledIndex = ModelIndex & IndexStyle;

/** `UNIQUE INDEX `name` (`a`(10) DESC, `b`)`, as a CREATE TABLE line or after ALTER TABLE … ADD */
export function indexSql(index: StyledIndex): string {
  const kind = index.class ? `${index.class} INDEX` : index.kind === 'unique' ? 'UNIQUE INDEX' : 'INDEX';
  const columns = index.columns.map((c, n) => `${quoteId(c)}${index.columnSuffixes?.[n] ?? ''}`);
  return `${kind} ${quoteId(index.name)} (${columns.join(', ')})`;
}

/** the same kind of index, written the same way (apart from its column names) */
function sameShape(a: StyledIndex, b: StyledIndex): boolean {
  const suffixes = (i: StyledIndex) => i.columns.map((_, n) => i.columnSuffixes?.[n] ?? '').join('\u0000');
  return a.kind === b.kind && (a.class ?? '') === (b.class ?? '') && suffixes(a) === suffixes(b);
}

function sameForeignKey(a: ModelForeignKey, b: ModelForeignKey): boolean {
  return sameColumns(a.columns, b.columns) && a.refTable.toLowerCase() === b.refTable.toLowerCase() && sameColumns(a.refColumns, b.refColumns) && (a.onDelete ?? '') === (b.onDelete ?? '') && (a.onUpdate ?? '') === (b.onUpdate ?? '');
}

/** `columns` begins with all of `prefix` (an index that covers a key on `prefix`) */
function startsWith(columns: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= columns.length && prefix.every((c, i) => c.toLowerCase() === columns[i].toLowerCase());
}

export function foreignKeySql(fk: ModelForeignKey): string {
  const actions = [fk.onDelete ? ` ON DELETE ${fk.onDelete}` : '', fk.onUpdate ? ` ON UPDATE ${fk.onUpdate}` : ''].join('');
  return `CONSTRAINT ${quoteId(fk.name)} FOREIGN KEY (${fk.columns.map(quoteId).join(', ')}) REFERENCES ${quoteId(fk.refTable)} (${fk.refColumns.map(quoteId).join(', ')})${actions}`;
}

function columnChanges(table: ModelTable, before: ModelColumn, after: ModelColumn): ModelChange[] {
  const definition = before.sqlType !== after.sqlType || before.nullable !== after.nullable || !!before.autoIncrement !== !!after.autoIncrement;
  if (definition) {
    return [{ kind: 'modify-column', table, before, column: after, anchor: after.span, sql: `MODIFY COLUMN ${columnSql(after)}` }];
  }
  if (before.default === after.default) return [];
  const sql = after.default === undefined ? `ALTER COLUMN ${quoteId(after.column)} DROP DEFAULT` : `ALTER COLUMN ${quoteId(after.column)} SET DEFAULT ${after.default}`;
  return [{ kind: 'modify-column', table, before, column: after, anchor: after.span, sql }];
}

/** removed → added pairs that look like one column renamed: same type, nullability, default, key, referenced table */
function pairRenames(before: ModelTable, removed: ModelColumn[], after: ModelTable, added: ModelColumn[]): Map<ModelColumn, ModelColumn> {
  const pairs = new Map<ModelColumn, ModelColumn>();
  const taken = new Set<ModelColumn>();
  const signature = (t: ModelTable, c: ModelColumn) =>
    [c.sqlType, c.nullable, c.default ?? '', !!c.autoIncrement, t.indexes.filter((i) => i.kind === 'unique' && i.columns.length === 1 && i.columns[0] === c.column).length > 0, t.primaryKey.includes(c.column), referenced(t, c)].join('|');
  for (const old of removed) {
    const candidates = added.filter((c) => !taken.has(c) && signature(after, c) === signature(before, old));
    // ambiguous when another removed column has the same signature: which one was renamed?
    const twins = removed.filter((o) => o !== old && signature(before, o) === signature(before, old));
    if (candidates.length !== 1 || twins.length > 0) continue;
    pairs.set(old, candidates[0]);
    taken.add(candidates[0]);
  }
  return pairs;
}

/** the table a single-column foreign key on the column references: a column that now points elsewhere is not the same column */
function referenced(t: ModelTable, c: ModelColumn): string {
  return t.foreignKeys.find((k) => k.columns.length === 1 && k.columns[0].toLowerCase() === c.column.toLowerCase())?.refTable.toLowerCase() ?? '';
}

function renamedColumns(columns: readonly string[], renames: ReadonlyMap<ModelColumn, ModelColumn>): string[] {
  const map = new Map([...renames].map(([o, n]) => [o.column.toLowerCase(), n.column]));
  return columns.map((c) => map.get(c.toLowerCase()) ?? c);
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c.toLowerCase() === b[i].toLowerCase());
}

export function columnSql(c: ModelColumn): string {
  const parts = [quoteId(c.column), c.sqlType, c.nullable ? 'NULL' : 'NOT NULL'];
  if (c.default !== undefined) parts.push(`DEFAULT ${c.default}`);
  if (c.autoIncrement) parts.push('AUTO_INCREMENT');
  return parts.join(' ');
}

export function createTableSql(t: ModelTable): string {
  const lines = t.columns.map(columnSql);
  if (t.primaryKey.length > 0) lines.push(`PRIMARY KEY (${t.primaryKey.map(quoteId).join(', ')})`);
  for (const i of t.indexes) if (!i.implicit) lines.push(indexSql(i));
  for (const fk of t.foreignKeys) lines.push(foreignKeySql(fk));
  return `CREATE TABLE ${quoteId(t.table)} (${lines.join(', ')})`;
}

export function quoteId(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

function firstLineEnd(text: string): number {
  const m = /[\r\n]/.exec(text);
  return m ? m.index : text.length;
}
