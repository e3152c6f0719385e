// Replays one statement's operations into the catalog.
// The catalog's Map is mutated, but a TableDef already in it is never changed in place: a changed
// table is replaced by a copy. So a shallow snapshot (`snapshotCatalog`) stays valid after later
// statements run, which lets the workspace replay keep one cheap snapshot per migration file.
// The copy is shallow (its own lists); a column, index, key or check in those lists is never
// changed in place either: an edit puts a changed copy in its place (objects are shared freely).
import type { Catalog, ColumnDef, ColumnPosition, DataType, ForeignKeyDef, IndexDef, Operation, Span, Statement, TableDef, TableOptions } from '../types';
import { charsetBytes, charsetOfCollation, DATABASE_DEFAULT_CHARSET, isCharacterType, textTypeForBytes } from './charsets';
import { nextPartitioning } from './partitions';
import { rowVersionsAfter } from './row-versions';

export function emptyCatalog(): Catalog {
  return { tables: new Map() };
}

/** Applies every operation of the statement; unknown tables/columns are skipped, never thrown on. */
export function applyStatement(catalog: Catalog, statement: Statement, path: string): void {
  if (!statement.analyzed) return;
  const editor = new CatalogEditor(catalog);
  const names = [...new Set(statement.operations.filter((op) => op.kind !== 'create-table').map((op) => op.table))];
  const versions = names.map((name) => [name, rowVersionsAfter(statement, name, editor.get(name))] as const);
  for (const op of statement.operations) {
    applyOperation(editor, op, { path, span: statement.span });
  }
  for (const [name, count] of versions) {
    const table = editor.get(name);
    if (table && count !== undefined && (table.rowVersions ?? 0) !== count) editor.edit(name)!.rowVersions = count;
  }
}

/** A deep copy: safe to mutate in any way. */
export function cloneCatalog(catalog: Catalog): Catalog {
  return { tables: new Map([...catalog.tables].map(([k, t]) => [k, structuredClone(t)])) };
}

/** A shallow copy that shares the (never mutated in place) table definitions. */
export function snapshotCatalog(catalog: Catalog): Catalog {
  return { tables: new Map(catalog.tables) };
}

export function tableKey(name: string): string {
  return unqualify(name).toLowerCase();
}

function unqualify(name: string): string {
  if (!name.includes('.') && !name.includes('`')) return name.trim();
  const parts = name.split('.');
  return parts[parts.length - 1].replace(/`/g, '').trim();
}

/** Copy-on-write access to the catalog's tables for one statement. */
class CatalogEditor {
  private readonly copied = new Set<string>();
  constructor(readonly catalog: Catalog) {}

  get(name: string): TableDef | undefined {
    return this.catalog.tables.get(tableKey(name));
  }

  /** the table, copied once per statement so it may be changed */
  edit(name: string): TableDef | undefined {
    const key = tableKey(name);
    const table = this.catalog.tables.get(key);
    if (!table) return undefined;
    if (this.copied.has(key)) return table;
    const copy = copyTable(table);
    this.catalog.tables.set(key, copy);
    this.copied.add(key);
    return copy;
  }

  /**
   * The table for recording what an ALTER tells about it: when no migration created it, a partial
   * table that holds only that (the table exists, since the ALTER runs on it).
   */
  editOrPartial(name: string): TableDef {
    const table = this.edit(name);
    if (table) return table;
    const partial: TableDef = { name: unqualify(name), columns: [], indexes: [], foreignKeys: [], checks: [], options: {}, partitioned: false, partial: true };
    this.put(partial);
    return partial;
  }

  put(table: TableDef): void {
    const key = tableKey(table.name);
    this.catalog.tables.set(key, table);
    this.copied.add(key);
  }

  delete(name: string): TableDef | undefined {
    const key = tableKey(name);
    const table = this.catalog.tables.get(key);
    this.catalog.tables.delete(key);
    this.copied.delete(key);
    return table;
  }

  /** tables (other than `except`) whose foreign keys reference `refTable`, copied for editing */
  editChildren(refTable: string): TableDef[] {
    const ref = tableKey(refTable);
    const keys = [...this.catalog.tables].filter(([, t]) => t.foreignKeys.some((fk) => tableKey(fk.refTable) === ref)).map(([k]) => k);
    return keys.map((k) => this.edit(k)).filter((t): t is TableDef => t !== undefined);
  }
}

/** the table with lists of its own: the objects in them are shared, never changed in place */
function copyTable(t: TableDef): TableDef {
  return { ...t, columns: [...t.columns], indexes: [...t.indexes], foreignKeys: [...t.foreignKeys], checks: [...t.checks], options: { ...t.options } };
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function applyOperation(editor: CatalogEditor, op: Operation, origin: { path: string; span: Operation['span'] }): void {
  switch (op.kind) {
    case 'create-table':
      return createTable(editor, op, origin);
    case 'drop-table':
      if (!op.temporary) editor.delete(op.table);
      return;
    case 'rename-table':
      return renameTable(editor, op.table, op.newName);
    case 'add-column': {
      const t = editor.editOrPartial(op.table);
      if (findIn(t.columns, op.column.name)) return; // IF NOT EXISTS, or a statement that would fail
      insertColumn(t.columns, copyColumn(op.column), op.position);
      addInlineIndexes(t, op.column);
      return;
    }
    case 'drop-column': {
      const t = editor.edit(op.table);
      if (!t) return;
      dropColumn(t, op.column);
      return;
    }
    case 'rename-column': {
      const t = editor.edit(op.table);
      if (!t) return;
      renameColumn(editor, t, op.column, op.newName);
      return;
    }
    case 'modify-column':
      return modifyColumn(editor, op);
    case 'set-default': {
      const c = editColumn(editor, op.table, op.column);
      if (c) c.default = { ...op.default };
      return;
    }
    case 'drop-default': {
      const c = editColumn(editor, op.table, op.column);
      if (c) delete c.default;
      return;
    }
    case 'add-index': {
      const t = editor.editOrPartial(op.table);
      if (op.index.name && findIndex(t, op.index.name)) return;
      addIndex(t, op.index);
      return;
    }
    case 'drop-index': {
      const t = editor.edit(op.table);
      if (t) t.indexes = t.indexes.filter((i) => !same(i.name ?? '', op.name));
      return;
    }
    case 'rename-index': {
      const t = editor.edit(op.table);
      if (t) t.indexes = t.indexes.map((i) => (same(i.name ?? '', op.name) ? { ...i, name: op.newName } : i));
      return;
    }
    case 'index-visibility': {
      const t = editor.edit(op.table);
      if (t) t.indexes = t.indexes.map((i) => (same(i.name ?? '', op.name) ? { ...i, hidden: op.hidden } : i));
      return;
    }
    case 'drop-primary-key': {
      const t = editor.edit(op.table);
      if (t) t.indexes = t.indexes.filter((i) => i.kind !== 'primary');
      return;
    }
    case 'add-foreign-key': {
      const t = editor.edit(op.table);
      if (t) addForeignKey(t, op.fk);
      return;
    }
    case 'drop-foreign-key': {
      const t = editor.edit(op.table);
      if (t) t.foreignKeys = t.foreignKeys.filter((fk) => !same(fk.name ?? '', op.name));
      return;
    }
    case 'add-check': {
      const t = editor.edit(op.table);
      if (!t) return;
      t.checks.push({ ...withOwnSpan(op.check), name: op.check.name ?? nextName(`${t.name}_chk_`, t.checks.map((c) => c.name)) });
      return;
    }
    case 'drop-constraint': {
      const t = editor.edit(op.table);
      if (!t) return;
      // MySQL 8.0.19+: DROP CONSTRAINT drops a foreign key, check or unique key of that name
      t.foreignKeys = t.foreignKeys.filter((fk) => !same(fk.name ?? '', op.name));
      t.checks = t.checks.filter((c) => !same(c.name ?? '', op.name));
      t.indexes = t.indexes.filter((i) => !((i.kind === 'unique' || i.kind === 'primary') && same(i.name ?? '', op.name)));
      return;
    }
    case 'convert-charset': {
      const t = editor.edit(op.table);
      if (t) convertCharset(t, op.charset, op.collation);
      return;
    }
    case 'table-options': {
      const t = editor.edit(op.table);
      if (!t) return;
      const before = t.options;
      t.options = mergeOptions(t.options, op.options);
      pinColumnCharsets(t, before);
      return;
    }
    case 'partition': {
      const t = editor.get(op.table);
      if (!t || (!t.partitioning && op.action !== 'partition-by' && op.action !== 'remove-partitioning')) return;
      const edited = editor.edit(op.table)!;
      if (op.action === 'partition-by' || op.action === 'remove-partitioning') edited.partitioned = op.action === 'partition-by';
      const next = nextPartitioning(edited.partitioning, op);
      if (next) edited.partitioning = next;
      else delete edited.partitioning;
      return;
    }
    case 'truncate-table':
    case 'force':
    case 'optimize-table':
    case 'system-versioning':
    case 'enable-keys':
    case 'disable-keys':
    case 'alter-tablespace':
    case 'unknown-clause':
      return;
  }
}

function createTable(editor: CatalogEditor, op: Extract<Operation, { kind: 'create-table' }>, origin: { path: string; span: Operation['span'] }): void {
  if (op.temporary) return; // session-scoped: not part of the schema later migrations see
  if (editor.get(op.table)) {
    if (op.ifNotExists) return;
    editor.delete(op.table); // the statement would fail; keep the newest definition
  }
  const name = unqualify(op.table);
  const createdAt = { path: origin.path, span: { ...origin.span } };
  if (op.likeTable) {
    const source = editor.get(op.likeTable);
    // LIKE copies columns, indexes, checks and options, not foreign keys
    const base = source ? structuredClone(source) : undefined;
    // a copy of a table known only in part (or not at all) is known only in part
    const partial = !source || source.partial ? { partial: true as const } : {};
    editor.put({
      ...partial,
      name,
      columns: base?.columns ?? [],
      indexes: base?.indexes ?? [],
      foreignKeys: [],
      checks: base?.checks ?? [],
      options: base?.options ?? {},
      partitioned: base?.partitioned ?? false,
      ...(base?.partitioning ? { partitioning: base.partitioning } : {}),
      createdAt,
    });
    return;
  }
  const table: TableDef = { name, columns: [], indexes: [], foreignKeys: [], checks: [], options: mergeOptions({}, op.options), partitioned: op.partitioned, ...(op.partitioning ? { partitioning: { ...op.partitioning, names: [...op.partitioning.names] } } : {}), createdAt };
  for (const column of op.columns) {
    if (findIn(table.columns, column.name)) continue;
    table.columns.push(copyColumn(column));
    addInlineIndexes(table, column);
  }
  for (const index of op.indexes) addIndex(table, index);
  for (const fk of op.foreignKeys) addForeignKey(table, fk);
  for (const check of op.checks) table.checks.push({ ...withOwnSpan(check), name: check.name ?? nextName(`${name}_chk_`, table.checks.map((c) => c.name)) });
  editor.put(table);
}

function renameTable(editor: CatalogEditor, from: string, to: string): void {
  const table = editor.get(from);
  if (!table || (editor.get(to) && tableKey(from) !== tableKey(to))) return;
  for (const child of editor.editChildren(from)) {
    child.foreignKeys = child.foreignKeys.map((fk) => (tableKey(fk.refTable) === tableKey(from) ? { ...fk, refTable: unqualify(to) } : fk));
  }
  const moved = editor.edit(from) ?? structuredClone(table);
  editor.delete(from);
  moved.name = unqualify(to);
  // InnoDB renames the foreign keys it named `<table>_ibfk_<n>` along with the table
  const generatedPrefix = `${table.name}_ibfk_`.toLowerCase();
  moved.foreignKeys = moved.foreignKeys.map((fk) => (fk.name?.toLowerCase().startsWith(generatedPrefix) ? { ...fk, name: `${moved.name}_ibfk_${fk.name.slice(generatedPrefix.length)}` } : fk));
  editor.put(moved);
}

/**
 * The column as the catalog keeps it (inline PRIMARY KEY / UNIQUE also become indexes of the table;
 * the column keeps the flags as written). Spans are copied: the statement's own are moved when the
 * text around it changes, the catalog's stay where the statement was replayed.
 */
function copyColumn(column: ColumnDef): ColumnDef {
  const copy: ColumnDef = { ...column, span: spanCopy(column.span) };
  if (column.references) copy.references = { ...column.references, span: { ...column.references.span } };
  if (!copy.span) delete copy.span;
  return copy;
}

function spanCopy(span: Span | undefined): Span | undefined {
  return span && { start: span.start, end: span.end };
}

/** an index, key or check with a span of its own */
function withOwnSpan<T extends { span?: Span }>(def: T): T {
  return def.span ? { ...def, span: spanCopy(def.span) } : { ...def };
}

function findIn<T extends { name: string }>(items: readonly T[], name: string): T | undefined {
  return items.find((c) => same(c.name, name));
}

function findIndex(table: TableDef, name: string): IndexDef | undefined {
  return table.indexes.find((i) => same(i.name ?? '', name));
}

/** the column of the table, replaced in its (copied) table by a copy that may be changed */
function editColumn(editor: CatalogEditor, table: string, column: string): ColumnDef | undefined {
  const t = editor.edit(table);
  const at = t ? t.columns.findIndex((c) => same(c.name, column)) : -1;
  if (!t || at < 0) return undefined;
  t.columns[at] = { ...t.columns[at] };
  return t.columns[at];
}

function insertColumn(columns: ColumnDef[], column: ColumnDef, position: ColumnPosition | undefined): void {
  if (position && 'first' in position) {
    columns.unshift(column);
    return;
  }
  if (position && 'after' in position) {
    const at = columns.findIndex((c) => same(c.name, position.after));
    if (at >= 0) {
      columns.splice(at + 1, 0, column);
      return;
    }
  }
  columns.push(column);
}

function addInlineIndexes(table: TableDef, column: ColumnDef): void {
  if (column.primaryKey) addIndex(table, { name: 'PRIMARY', kind: 'primary', columns: [{ name: column.name }] });
  if (column.unique) addIndex(table, { kind: 'unique', columns: [{ name: column.name }] });
}

/** Adds an index, naming it the way the server does when no name is written. */
function addIndex(table: TableDef, index: IndexDef): void {
  const copy: IndexDef = { ...withOwnSpan(index), columns: index.columns.map((c) => ({ ...c })) };
  if (copy.kind === 'primary') {
    table.indexes = table.indexes.filter((i) => i.kind !== 'primary');
    copy.name = 'PRIMARY';
    table.indexes.unshift(copy);
    return;
  }
  table.indexes.push(copy);
  dropCoveredGeneratedIndexes(table);
  // the server names unnamed indexes after pruning: a generated index that went frees its name
  if (!copy.name && table.indexes.includes(copy)) {
    const base = copy.columns[0]?.name ?? 'functional_index';
    copy.name = uniqueName(base, table.indexes.map((i) => i.name));
  }
}

function addForeignKey(table: TableDef, fk: ForeignKeyDef): void {
  const copy: ForeignKeyDef = { ...withOwnSpan(fk), columns: [...fk.columns], refColumns: [...fk.refColumns], refTable: unqualify(fk.refTable) };
  if (!copy.name) copy.name = nextName(`${table.name}_ibfk_`, table.foreignKeys.map((f) => f.name));
  // only InnoDB keeps foreign keys: other engines parse the clause, create its index, and drop the key
  const engine = table.options.ENGINE?.toLowerCase();
  if (engine === undefined || engine === 'innodb') table.foreignKeys.push(copy);
  if (copy.columns.length === 0) return;
  // the server adds a "generated" index on the referencing columns, named after the constraint when
  // one is written, else after the first column; it goes again when another index covers it
  addIndex(table, { name: fk.name, kind: 'index', columns: copy.columns.map((name) => ({ name })), generated: true });
}

/**
 * The server's pruning of generated foreign-key indexes, run on every CREATE / ALTER of the table:
 * each index is compared with the ones before it; when a generated index is a leading part of
 * another (the shorter one, when both are generated), the generated one goes, or, between two
 * generated indexes of the same length, the earlier one.
 */
function dropCoveredGeneratedIndexes(table: TableDef): void {
  const keys = table.indexes;
  const dropped = new Set<number>();
  for (let k = 0; k < keys.length; k++) {
    for (let j = 0; j < k; j++) {
      if (dropped.has(j) || !generatedPrefix(keys[k], keys[j])) continue;
      if (!keys[j].generated || (keys[k].generated && keys[k].columns.length < keys[j].columns.length)) dropped.add(k);
      else dropped.add(j);
      break;
    }
  }
  if (dropped.size > 0) table.indexes = keys.filter((_, n) => !dropped.has(n));
}

/** one of the two is generated and it (the shorter, when both are) is a leading part of the other */
function generatedPrefix(a: IndexDef, b: IndexDef): boolean {
  if (!a.generated && !b.generated) return false;
  const [short, long] = a.generated && (!b.generated || a.columns.length <= b.columns.length) ? [a, b] : [b, a];
  if (short.columns.length > long.columns.length) return false;
  return short.columns.every((c, n) => {
    const o = long.columns[n];
    return c.expression === undefined && o.expression === undefined && same(c.name, o.name) && c.length === o.length;
  });
}

function dropColumn(table: TableDef, column: string): void {
  table.columns = table.columns.filter((c) => !same(c.name, column));
  // the server removes the column from every index and drops indexes left empty
  table.indexes = table.indexes
    .map((i) => ({ ...i, columns: i.columns.filter((c) => !same(c.name, column)) }))
    .filter((i) => i.columns.length > 0);
  table.foreignKeys = table.foreignKeys.filter((fk) => !fk.columns.some((c) => same(c, column)));
  dropCoveredGeneratedIndexes(table);
}

function renameColumn(editor: CatalogEditor, table: TableDef, from: string, to: string): void {
  const at = table.columns.findIndex((c) => same(c.name, from));
  if (at < 0) return;
  table.columns[at] = { ...table.columns[at], name: to };
  renameColumnReferences(editor, table, from, to);
}

function renameColumnReferences(editor: CatalogEditor, table: TableDef, from: string, to: string): void {
  table.indexes = table.indexes.map((i) => (i.columns.some((c) => same(c.name, from)) ? { ...i, columns: i.columns.map((c) => (same(c.name, from) ? { ...c, name: to } : c)) } : i));
  table.foreignKeys = table.foreignKeys.map((fk) => (fk.columns.some((c) => same(c, from)) ? { ...fk, columns: fk.columns.map((c) => (same(c, from) ? to : c)) } : fk));
  for (const child of editor.editChildren(table.name)) {
    child.foreignKeys = child.foreignKeys.map((fk) => (tableKey(fk.refTable) === tableKey(table.name) ? { ...fk, refColumns: fk.refColumns.map((c) => (same(c, from) ? to : c)) } : fk));
  }
}

function modifyColumn(editor: CatalogEditor, op: Extract<Operation, { kind: 'modify-column' }>): void {
  const newName = op.newName ?? op.def.name ?? op.column;
  const def: ColumnDef = { ...copyColumn(op.def), name: newName || op.column };
  const known = editor.get(op.table);
  if (!known || known.partial) {
    // the new definition is known; its nullability only when written (an unwritten one depends on
    // whether the column is in the table's primary key, which is not known)
    if (!known && def.nullable === undefined && !def.primaryKey) return;
    const table = editor.editOrPartial(op.table);
    const at = table.columns.findIndex((c) => same(c.name, op.column));
    if (at >= 0) table.columns.splice(at, 1);
    else if (def.nullable === undefined && !def.primaryKey) return;
    if (at >= 0 && !same(op.column, def.name)) renameColumnReferences(editor, table, op.column, def.name);
    table.columns.push(def);
    addInlineIndexes(table, def);
    return;
  }
  const table = editor.edit(op.table);
  if (!table) return;
  const at = table.columns.findIndex((c) => same(c.name, op.column));
  if (at < 0) return;
  if (op.position) {
    table.columns.splice(at, 1);
    insertColumn(table.columns, def, op.position);
  } else {
    table.columns[at] = def;
  }
  if (!same(op.column, def.name)) renameColumnReferences(editor, table, op.column, def.name);
  addInlineIndexes(table, def);
}

function convertCharset(table: TableDef, charset: string, collation: string | undefined): void {
  // CONVERT TO CHARACTER SET DEFAULT: the table's (or, unknown, the server's) default charset
  const target = charset.toUpperCase() === 'DEFAULT' ? table.options.CHARSET ?? charsetOfCollation(collation) : charset.toLowerCase();
  if (!target) {
    table.columns = table.columns.map((column) => (isCharacterType(column.type) ? { ...column, type: { ...column.type, charset: undefined, collation: undefined } } : column));
    return;
  }
  table.columns = table.columns.map((column) => {
    if (!isCharacterType(column.type)) return column;
    const before = charsetBytes(columnCharsetOf(table, column));
    return { ...column, type: withCharset(column.type, target, collation, before) };
  });
  const options: TableOptions = { ...table.options, CHARSET: target };
  if (collation) options.COLLATE = collation.toLowerCase();
  else delete options.COLLATE;
  table.options = options;
}

function columnCharsetOf(table: TableDef, column: ColumnDef): string | undefined {
  return column.type.charset ?? charsetOfCollation(column.type.collation) ?? table.options.CHARSET ?? charsetOfCollation(table.options.COLLATE);
}

function withCharset(type: DataType, charset: string, collation: string | undefined, bytesBefore: number | undefined): DataType {
  const next: DataType = { ...type, charset };
  if (collation) next.collation = collation.toLowerCase();
  else delete next.collation;
  // TEXT types grow so the same number of characters still fits (documented CONVERT TO behaviour)
  const after = charsetBytes(charset);
  if (bytesBefore !== undefined && after !== undefined && after > bytesBefore) {
    const grown = textTypeForBytes(type.name, bytesBefore, after);
    if (grown !== type.name) {
      next.name = grown;
      next.text = grown.toLowerCase();
    }
  }
  return next;
}

/**
 * `DEFAULT CHARSET=x` / `COLLATE=y` change only the table default: existing columns keep the charset
 * and collation they had (the database's, when the table had none of its own).
 */
function pinColumnCharsets(table: TableDef, before: TableOptions): void {
  if (before.CHARSET === table.options.CHARSET && before.COLLATE === table.options.COLLATE) return;
  // a partial table's earlier default is unknown, not the database's
  if (!before.CHARSET && table.partial) return;
  const charset = before.CHARSET ?? DATABASE_DEFAULT_CHARSET;
  table.columns = table.columns.map((column) =>
    !isCharacterType(column.type) || column.type.charset ? column : { ...column, type: { ...column.type, charset, collation: column.type.collation ?? before.COLLATE } },
  );
}

/** Merges table options; a new CHARSET drops a COLLATE that belongs to another character set. */
function mergeOptions(current: TableOptions, changes: TableOptions): TableOptions {
  const next: TableOptions = { ...current };
  for (const [rawKey, value] of Object.entries(changes)) {
    const key = normalizeOptionKey(rawKey);
    next[key] = key === 'CHARSET' || key === 'COLLATE' ? value.toLowerCase() : value;
  }
  const charsetChanged = Object.keys(changes).some((k) => normalizeOptionKey(k) === 'CHARSET');
  const collateChanged = Object.keys(changes).some((k) => normalizeOptionKey(k) === 'COLLATE');
  if (charsetChanged && !collateChanged && next.COLLATE && charsetOfCollation(next.COLLATE) !== next.CHARSET) delete next.COLLATE;
  if (collateChanged && !charsetChanged && next.COLLATE) {
    const implied = charsetOfCollation(next.COLLATE);
    if (implied) next.CHARSET = implied;
  }
  return next;
}

function normalizeOptionKey(key: string): string {
  const k = key.toUpperCase().replace(/^DEFAULT[\s_]+/, '').replace(/\s+/g, '_');
  if (k === 'CHARACTER_SET' || k === 'CHARSET') return 'CHARSET';
  if (k === 'COLLATION' || k === 'COLLATE') return 'COLLATE';
  return k;
}

function uniqueName(base: string, taken: readonly (string | undefined)[]): string {
  const used = new Set(taken.filter((n): n is string => !!n).map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`.toLowerCase())) return `${base}_${n}`;
}

function nextName(prefix: string, taken: readonly (string | undefined)[]): string {
  const used = new Set(taken.filter((n): n is string => !!n).map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`.toLowerCase())) return `${prefix}${n}`;
}
