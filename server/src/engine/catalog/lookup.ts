// Read-only questions rules and the knowledge base ask of the catalog. Names are case-insensitive.
import type { Catalog, ColumnDef, ForeignKeyDef, IndexDef, TableDef } from '../types';
import { charsetBytes, charsetOfCollation, DATABASE_DEFAULT_CHARSET, DEFAULT_SERVER_CHARSET, isCharacterType } from './charsets';
import { tableKey } from './apply';

/**
 * The table when its whole definition is known (created by a migration). A partial table (only
 * what ALTERs of an unknown table told us) is undefined here: asking it "is there a column / an
 * index / a primary key" would mistake unknown for absent.
 */
export function findTable(catalog: Catalog, name: string): TableDef | undefined {
  const table = catalog.tables.get(tableKey(name));
  return table?.partial ? undefined : table;
}

/** the table whether fully known or partial: for "does the table exist" and for known parts of it */
export function findTableOrPartial(catalog: Catalog, name: string): TableDef | undefined {
  return catalog.tables.get(tableKey(name));
}

/** whether the table exists: created by a migration, or altered earlier (so it was there) */
export function tableExists(catalog: Catalog, name: string): boolean {
  return findTableOrPartial(catalog, name) !== undefined;
}

/**
 * A column whose definition is known: from a fully known table, or one an earlier ALTER of a
 * partial table added or redefined. With the table it belongs to (partial or not).
 */
export function findKnownColumn(catalog: Catalog, table: string, column: string): { table: TableDef; column: ColumnDef } | undefined {
  const def = findTableOrPartial(catalog, table);
  const col = findColumn(def, column);
  return def && col ? { table: def, column: col } : undefined;
}

export function findColumn(table: TableDef | undefined, name: string): ColumnDef | undefined {
  if (!table) return undefined;
  const n = name.toLowerCase();
  return table.columns.find((c) => c.name.toLowerCase() === n);
}

export function findIndex(table: TableDef | undefined, name: string): IndexDef | undefined {
  if (!table) return undefined;
  const n = name.toLowerCase();
  return table.indexes.find((i) => (i.name ?? '').toLowerCase() === n);
}

export function primaryKey(table: TableDef | undefined): IndexDef | undefined {
  return table?.indexes.find((i) => i.kind === 'primary');
}

/**
 * The index InnoDB clusters the table on when it has no PRIMARY KEY: the first UNIQUE index whose
 * key parts are all whole NOT NULL columns (https://dev.mysql.com/doc/refman/8.0/en/innodb-index-types.html).
 * Undefined when the table has a PRIMARY KEY or no such index (then a hidden row id is used).
 */
export function implicitClusteredIndex(table: TableDef | undefined): IndexDef | undefined {
  if (!table || table.indexes.some((i) => i.kind === 'primary')) return undefined;
  return table.indexes.find((i) => qualifiesAsClustered(table, i));
}

/** a UNIQUE index of whole NOT NULL columns: InnoDB would cluster on it if the table had no PRIMARY KEY */
export function qualifiesAsClustered(table: TableDef, index: IndexDef): boolean {
  const notNull = (name: string) => table.columns.some((c) => c.name.toLowerCase() === name.toLowerCase() && (c.nullable === false || !!c.primaryKey));
  return index.kind === 'unique' && index.columns.length > 0 && index.columns.every((c) => !c.expression && !c.length && notNull(c.name));
}

/** indexes that contain the column (at any position) */
export function indexesOfColumn(table: TableDef | undefined, column: string): IndexDef[] {
  if (!table) return [];
  const n = column.toLowerCase();
  return table.indexes.filter((i) => i.columns.some((c) => c.name.toLowerCase() === n));
}

export function isIndexed(table: TableDef | undefined, column: string): boolean {
  return indexesOfColumn(table, column).length > 0;
}

/** true when the column is the first key part of some index (usable for lookups by that column alone) */
export function isLeadingIndexColumn(table: TableDef | undefined, column: string): boolean {
  const n = column.toLowerCase();
  return !!table?.indexes.some((i) => i.columns[0]?.name.toLowerCase() === n);
}

export function isPrimaryKeyColumn(table: TableDef | undefined, column: string): boolean {
  const n = column.toLowerCase();
  return !!primaryKey(table)?.columns.some((c) => c.name.toLowerCase() === n);
}

/** NULL allowed: not declared NOT NULL and not part of the primary key */
export function isNullable(table: TableDef | undefined, column: ColumnDef): boolean {
  if (column.nullable === false || column.primaryKey) return false;
  return !isPrimaryKeyColumn(table, column.name);
}

/** foreign keys of this table that use the column */
export function foreignKeysOfColumn(table: TableDef | undefined, column: string): ForeignKeyDef[] {
  if (!table) return [];
  const n = column.toLowerCase();
  return table.foreignKeys.filter((fk) => fk.columns.some((c) => c.toLowerCase() === n));
}

/** foreign keys in other tables that reference this table (optionally one column of it) */
export function referencingForeignKeys(catalog: Catalog, table: string, column?: string): { table: TableDef; fk: ForeignKeyDef }[] {
  // a referenced column is in an index of its table (InnoDB refuses the key, or dropping that
  // index, otherwise): for a known table, a column in no index needs no look through every table
  if (column !== undefined) {
    const parent = findTable(catalog, table);
    if (parent && !isIndexed(parent, column)) return [];
  }
  const key = tableKey(table);
  const out: { table: TableDef; fk: ForeignKeyDef }[] = [];
  for (const t of catalog.tables.values()) {
    for (const fk of t.foreignKeys) {
      if (tableKey(fk.refTable) !== key) continue;
      if (column && !fk.refColumns.some((c) => c.toLowerCase() === column.toLowerCase())) continue;
      out.push({ table: t, fk });
    }
  }
  return out;
}

/** the character set in force for a column: explicit column charset/collation, else the table default, else the server default */
export function columnCharset(table: TableDef | undefined, column: ColumnDef, serverDefault = DEFAULT_SERVER_CHARSET): string {
  const type = column.type;
  if (['NCHAR', 'NVARCHAR'].includes(type.name.toUpperCase())) return 'utf8mb3';
  if (type.charset?.toLowerCase() === DATABASE_DEFAULT_CHARSET) return serverDefault.toLowerCase();
  return (
    type.charset?.toLowerCase() ??
    charsetOfCollation(type.collation) ??
    table?.options.CHARSET?.toLowerCase() ??
    charsetOfCollation(table?.options.COLLATE) ??
    serverDefault.toLowerCase()
  );
}

/**
 * Bytes per character of a column: 1 for binary types, the charset's maximum width for character
 * types; undefined when the column is not found or the charset is unknown.
 */
export function columnCharsetBytes(table: TableDef | undefined, column: string | ColumnDef, serverDefault = DEFAULT_SERVER_CHARSET): number | undefined {
  const def = typeof column === 'string' ? findColumn(table, column) : column;
  if (!def) return undefined;
  if (!isCharacterType(def.type)) return 1;
  return charsetBytes(columnCharset(table, def, serverDefault));
}

export { charsetBytes, charsetOfCollation, DEFAULT_SERVER_CHARSET } from './charsets';
