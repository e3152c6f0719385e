// DML helpers for ddl-with-dml and unbatched-dml: what a statement changes, and whether its WHERE
// bounds it to a key range.
import { findTable } from '../../catalog/lookup';
import type { Catalog, Statement, TableDef } from '../../types';
import { maskQuoted } from './lock-text';

export type DmlShape = 'update' | 'delete' | 'insert-select';

/** UPDATE, DELETE, or INSERT/REPLACE … SELECT; undefined for other statements (INSERT … VALUES too) */
export function dmlShape(st: Statement): DmlShape | undefined {
  if (!st.analyzed || !st.dml) return undefined;
  if (st.dml.verb === 'update' || st.dml.verb === 'delete') return st.dml.verb;
  // cheap test first: most INSERTs are VALUES lists, possibly huge
  return /\bSELECT\b/i.test(st.sql) && /\bSELECT\b/i.test(maskQuoted(st.sql)) ? 'insert-select' : undefined;
}

/** the table an UPDATE/DELETE changes, or the tables an INSERT … SELECT reads */
export function dmlSubjects(st: Statement, shape: DmlShape): string[] {
  if (shape !== 'insert-select') return (st.dml?.tables ?? st.tables).slice(0, 1).map((t) => t.toLowerCase());
  const target = (st.dml?.tables ?? st.tables)[0]?.toLowerCase();
  return selectSources(st).filter((t) => t !== target);
}

/** the tables named after FROM / JOIN in the SELECT part of an INSERT … SELECT */
function selectSources(st: Statement): string[] {
  const sql = st.sql.replace(/`/g, ' ');
  const masked = maskQuoted(sql);
  const select = /\bSELECT\b/i.exec(masked);
  if (!select) return [];
  const names = new Set<string>();
  const re = /\b(?:FROM|JOIN)\s+([\w$]+(?:\s*\.\s*[\w$]+)?)/gi;
  const tail = masked.slice(select.index);
  for (let m = re.exec(tail); m; m = re.exec(tail)) names.add(m[1].split('.').pop()!.trim().toLowerCase());
  return [...names];
}

/** the SELECT's WHERE text of an INSERT … SELECT (undefined when it has none) */
export function selectWhere(st: Statement): { where?: string; limit: boolean } {
  const sql = st.sql.replace(/`/g, ' ');
  const masked = maskQuoted(sql);
  const select = /\bSELECT\b/i.exec(masked);
  if (!select) return { limit: false };
  const tail = masked.slice(select.index);
  const w = /\bWHERE\b/i.exec(tail);
  const limit = /\bLIMIT\s+\d/i.test(tail);
  if (!w) return { limit };
  const end = /\b(GROUP\s+BY|ORDER\s+BY|LIMIT|ON\s+DUPLICATE)\b/i.exec(tail.slice(w.index));
  const text = sql.slice(select.index + w.index + 5, end ? select.index + w.index + end.index : undefined);
  return { where: text, limit };
}

function keyLeaders(table: TableDef | undefined): Set<string> | undefined {
  if (!table) return undefined;
  const leaders = new Set<string>();
  for (const ix of table.indexes) if ((ix.kind === 'primary' || ix.kind === 'unique') && ix.columns[0]) leaders.add(ix.columns[0].name.toLowerCase());
  for (const c of table.columns) if (c.primaryKey || c.unique) leaders.add(c.name.toLowerCase());
  return leaders;
}

/**
 * Whether a WHERE clause limits the statement to a bounded key range: a two-sided range or
 * BETWEEN on any column, or equality / IN (list) on a primary or unique key column (on any column
 * when the table is unknown to the catalog).
 */
export function isBoundedWhere(where: string, table: string | undefined, catalog: Catalog): boolean {
  const text = maskQuoted(where.replace(/`/g, ''))
    .replace(/<=>|<>|!=/g, ' ~ ')
    .replace(/\(\s*SELECT\b[^)]*\)/gi, ' (subquery) ');
  if (/\bBETWEEN\b/i.test(text)) return true;
  if (/>=?/.test(text) && /<=?/.test(text)) return true;
  const leaders = keyLeaders(table ? findTable(catalog, table) : undefined);
  const eq = /(?:[\w$]+\s*\.\s*)?([\w$]+)\s*(?:=|\bIN\s*\(\s*(?!subquery))/gi;
  for (let m = eq.exec(text); m; m = eq.exec(text)) {
    const column = m[1].toLowerCase();
    if (!leaders || leaders.has(column)) return true;
  }
  return false;
}

/** the primary key's first column, for help texts */
export function primaryKeyColumn(catalog: Catalog, table: string): string | undefined {
  const t = findTable(catalog, table);
  const pk = t?.indexes.find((i) => i.kind === 'primary')?.columns[0]?.name ?? t?.columns.find((c) => c.primaryKey)?.name;
  return pk;
}

/** a table name as the statement writes it (the parser and dmlSubjects lower-case names for matching) */
export function writtenName(st: Statement, lower: string): string {
  const escaped = lower.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
  const m = new RegExp(`(?:^|[^\\w$])\`?(${escaped})\`?(?![\\w$])`, 'i').exec(st.sql);
  return m ? m[1] : lower;
}
