// One table or column of a catalog as SQL, for a hover: the table's CREATE TABLE (and the ALTERs
// adding its foreign keys) as `schemaToSql` prints the schema, or the column's definition line with
// the keys and foreign keys that name it.
import { tableKey } from '../catalog/apply';
import { schemaToSql, quoteId } from '../catalog/schema-sql';
import { foreignKeysOfColumn, indexesOfColumn } from '../catalog/lookup';
import type { Catalog, IndexKind, TableDef, Target } from '../types';

const INDEX_WORDS: Record<IndexKind, string> = { primary: 'PRIMARY KEY', unique: 'UNIQUE KEY', index: 'KEY', fulltext: 'FULLTEXT KEY', spatial: 'SPATIAL KEY' };

export interface TableDescription {
  table: TableDef;
  sql: string;
}

/** the table's definition as SQL; undefined when the catalog does not know it */
export function describeTable(catalog: Catalog, name: string, target: Target): TableDescription | undefined {
  const table = catalog.tables.get(tableKey(name));
  if (!table) return undefined;
  // the referenced tables go along so that the foreign keys are printed, then only this table's blocks are kept
  const tables = new Map<string, TableDef>([[tableKey(table.name), table]]);
  for (const fk of table.foreignKeys) {
    const ref = catalog.tables.get(tableKey(fk.refTable));
    if (ref) tables.set(tableKey(ref.name), ref);
  }
  const own = quoteId(table.name);
  const blocks = schemaToSql({ tables }, target)
    .trimEnd()
    .split('\n\n')
    .filter((b) => b.startsWith(`CREATE TABLE ${own} (`) || b.startsWith(`ALTER TABLE ${own} `) || b.startsWith(`-- ${own}`));
  return { table, sql: blocks.join('\n') };
}

export interface ColumnDescription {
  table: TableDef;
  /** the column's definition line */
  definition: string;
  /** keys and foreign keys that name the column */
  keys: string[];
}

export function describeColumn(catalog: Catalog, tableName: string, column: string, target: Target): ColumnDescription | undefined {
  const described = describeTable(catalog, tableName, target);
  const def = described?.table.columns.find((c) => c.name.toLowerCase() === column.toLowerCase());
  if (!described || !def) return undefined;
  const quoted = quoteId(def.name);
  const lines = described.sql.split('\n').map((l) => l.trim().replace(/,$/, ''));
  // a table known only in part is printed as a comment: its column is then described from the catalog
  const definition = lines.find((l) => l.startsWith(`${quoted} `)) ?? `${quoted} ${def.type.text}`;
  const keys = [
    ...indexesOfColumn(described.table, def.name).map((i) => `${INDEX_WORDS[i.kind]}${i.name && i.kind !== 'primary' ? ` ${quoteId(i.name)}` : ''} (${i.columns.map((c) => (c.expression !== undefined ? `(${c.expression})` : quoteId(c.name))).join(', ')})`),
    ...foreignKeysOfColumn(described.table, def.name).map((fk) => `${fk.name ? `CONSTRAINT ${quoteId(fk.name)} ` : ''}FOREIGN KEY (${fk.columns.map(quoteId).join(', ')}) REFERENCES ${quoteId(fk.refTable)} (${fk.refColumns.map(quoteId).join(', ')})`),
  ];
  return { table: described.table, definition, keys };
}
