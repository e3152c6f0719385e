// The catalog as SQL: CREATE TABLE statements that, run in order on an empty database, recreate
// the facts `schemaToJson` reports. Foreign keys are added by ALTER TABLE at the end, so the order
// of the tables does not matter. Types, charsets and collations are the resolved ones (as
// information_schema would show them); defaults and generated expressions are written as the
// migrations wrote them. Pure.
// Not recreated: partition definitions (the catalog knows only that a table is partitioned) and
// tables known only in part (no migration created them): both are named in a comment instead.
import type { Catalog, ColumnDef, ForeignKeyDef, IndexDef, TableDef, Target } from '../types';
import { columnCharsetAndCollation, columnType, quoteString, schemaToJson, tableCharset, type SchemaJsonOptions } from './schema-json';

export function schemaToSql(catalog: Catalog, target: Target, options: SchemaJsonOptions = {}): string {
  const json = schemaToJson(catalog, target, options);
  const byName = new Map([...catalog.tables.values()].map((t) => [t.name, t]));
  const out: string[] = [`-- schema as Lockstep replayed it, for ${target.label}`];
  const created = new Set<string>();
  for (const table of json.tables) {
    const def = byName.get(table.name);
    if (!def) continue;
    if (def.partial) {
      out.push(`-- ${quoteId(def.name)}: known only from ALTER statements (no migration creates it): not recreated`);
      continue;
    }
    out.push(createTable(def, target, options));
    created.add(def.name.toLowerCase());
  }
  for (const table of json.tables) {
    const def = byName.get(table.name);
    if (!def || def.partial) continue;
    for (const fk of def.foreignKeys) {
      if (!created.has(fk.refTable.toLowerCase())) {
        out.push(`-- ${quoteId(def.name)}.${quoteId(fk.name ?? '')}: references ${quoteId(fk.refTable)}, which is not recreated`);
        continue;
      }
      out.push(`ALTER TABLE ${quoteId(def.name)} ADD ${foreignKey(fk)};`);
    }
  }
  return `${out.join('\n\n')}\n`;
}

export function quoteId(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

function createTable(table: TableDef, target: Target, options: SchemaJsonOptions): string {
  const lines = [...table.columns.map((c) => columnSql(table, c, target, options)), ...table.indexes.map((i) => indexSql(i, target))];
  const own = tableCharset(table, target, options);
  const parts = [`ENGINE=${table.options.ENGINE ?? options.defaultEngine ?? 'InnoDB'}`, `DEFAULT CHARSET=${own.charset}`];
  if (own.collation) parts.push(`COLLATE=${own.collation}`);
  if (table.options.AUTO_INCREMENT && /^\d+$/.test(table.options.AUTO_INCREMENT)) parts.push(`AUTO_INCREMENT=${table.options.AUTO_INCREMENT}`);
  if (table.options.COMMENT) parts.push(`COMMENT=${quoteString(table.options.COMMENT)}`);
  const partitions = table.partitioned ? '\n-- partitioned in the migrations: the partition definitions are not tracked, so not recreated' : '';
  return `CREATE TABLE ${quoteId(table.name)} (\n  ${lines.join(',\n  ')}\n) ${parts.join(' ')};${partitions}`;
}

function columnSql(table: TableDef, column: ColumnDef, target: Target, options: SchemaJsonOptions): string {
  const { charset, collation } = columnCharsetAndCollation(table, column, target, options);
  const json = column.type.name.toUpperCase() === 'JSON';
  // JSON keeps its name so that MariaDB adds the json_valid() check as it did for the migration
  const type = json ? 'json' : columnType(column.type, charset, target) ?? column.type.text;
  const parts = [quoteId(column.name), type];
  if (charset && !json) parts.push(`CHARACTER SET ${charset}`);
  if (collation && !json) parts.push(`COLLATE ${collation}`);
  if (column.generated) {
    parts.push(`GENERATED ALWAYS AS (${column.generated.expression}) ${column.generated.stored ? 'STORED' : 'VIRTUAL'}`);
    // MariaDB accepts no NULL / NOT NULL on a generated column
    if (target.flavor === 'mysql' && column.nullable === false) parts.push('NOT NULL');
  } else {
    const notNull = column.nullable === false || column.primaryKey || table.indexes.some((i) => i.kind === 'primary' && i.columns.some((c) => c.name.toLowerCase() === column.name.toLowerCase()));
    parts.push(notNull ? 'NOT NULL' : 'NULL');
    const d = column.default;
    if (d) parts.push(`DEFAULT ${d.kind === 'null' ? 'NULL' : d.kind === 'expression' ? `(${d.text})` : d.text}`);
    if (column.onUpdate) parts.push(`ON UPDATE ${column.onUpdate}`);
    if (column.autoIncrement) parts.push('AUTO_INCREMENT');
  }
  if (column.invisible) parts.push('INVISIBLE');
  if (column.comment) parts.push(`COMMENT ${quoteString(column.comment)}`);
  return parts.join(' ');
}

function indexSql(index: IndexDef, target: Target): string {
  const cols = `(${index.columns.map((c) => (c.expression !== undefined ? `(${c.expression})` : `${quoteId(c.name)}${c.length !== undefined ? `(${c.length})` : ''}`)).join(', ')})`;
  const ignored = index.hidden ? (target.flavor === 'mariadb' ? ' IGNORED' : ' INVISIBLE') : '';
  const name = quoteId(index.name ?? '');
  switch (index.kind) {
    case 'primary':
      return `PRIMARY KEY ${cols}`;
    case 'unique':
      return `UNIQUE KEY ${name} ${cols}${ignored}`;
    case 'fulltext':
      return `FULLTEXT KEY ${name} ${cols}${ignored}`;
    case 'spatial':
      return `SPATIAL KEY ${name} ${cols}${ignored}`;
    case 'index':
      return `KEY ${name} ${cols}${ignored}`;
  }
}

function foreignKey(fk: ForeignKeyDef): string {
  const cols = (names: readonly string[]) => names.map(quoteId).join(', ');
  let sql = `CONSTRAINT ${quoteId(fk.name ?? '')} FOREIGN KEY (${cols(fk.columns)}) REFERENCES ${quoteId(fk.refTable)} (${cols(fk.refColumns)})`;
  if (fk.onDelete) sql += ` ON DELETE ${fk.onDelete}`;
  if (fk.onUpdate) sql += ` ON UPDATE ${fk.onUpdate}`;
  return sql;
}
