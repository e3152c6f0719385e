// GORM's index tags as MySQL indexes (gorm.io "Indexes"): `index` and `uniqueIndex` (the same as
// `index:,unique`), each naming its index or taking `idx_<table>_<field name snake_case>` (with
// `composite:id`, `idx_<table>_<id>`); fields naming the same index make one composite index,
// ordered by `priority` (default 10), then by field order; `class:FULLTEXT|SPATIAL|UNIQUE`,
// `sort:desc` and `length:n` shape it. A field may carry several index tags. `unique` (no index
// tag) is a unique constraint named `uni_<table>_<column>`. Expression indexes are not modelled.
import type { Span } from '../types';
import type { ModelColumn } from './model';
import type { StyledIndex } from './diff';
import { snakeCase } from './gorm-naming';

/** one field's part of an index */
export interface IndexField {
  name: string;
  unique: boolean;
  /** FULLTEXT / SPATIAL; absent: a B-tree index */
  class?: 'FULLTEXT' | 'SPATIAL';
  column: string;
  /** how the column is written in the index beyond its name: `(10)`, ` DESC` */
  suffix: string;
  priority: number;
  /** the field's place in the struct (the tie-break after priority) */
  order: number;
  /** the field's declaration */
  span: Span;
}

/** the gorm tag's settings in order, keys lower-cased; unlike `gormTag`, a repeated key (`index:a;index:b`) is kept */
export function gormTagEntries(tag: string): [string, string][] {
  const value = /(?:^|\s)gorm:"((?:[^"\\]|\\.)*)"/.exec(tag)?.[1];
  if (value === undefined) return [];
  return value
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      return [(colon < 0 ? part : part.slice(0, colon)).trim().toLowerCase(), colon < 0 ? '' : part.slice(colon + 1).trim()];
    });
}

/** the indexes one field's tag entries put it in; `order` numbers the table's fields */
export function fieldIndexes(entries: readonly [string, string][], table: string, column: ModelColumn, order: number): IndexField[] {
  const out: IndexField[] = [];
  for (const [key, value] of entries) {
    if (key === 'unique') {
      out.push({ name: `uni_${table}_${column.column}`, unique: true, column: column.column, suffix: '', priority: 10, order, span: column.span });
      continue;
    }
    if (key !== 'index' && key !== 'uniqueindex') continue;
    const [named, ...options] = value.split(/(?<!\\),/);
    const settings = new Map(options.map((o) => o.trim()).filter(Boolean).map((o) => [o.split(':')[0].trim().toUpperCase(), o.includes(':') ? o.slice(o.indexOf(':') + 1).trim() : o.trim().toUpperCase()]));
    if (settings.has('EXPRESSION')) continue;
    const composite = settings.get('COMPOSITE');
    const name = named.trim() || `idx_${table}_${snakeCase(composite || column.field)}`;
    const cls = (settings.get('CLASS') ?? '').toUpperCase();
    const length = /^\d+$/.test(settings.get('LENGTH') ?? '') ? `(${settings.get('LENGTH')})` : '';
    const sort = (settings.get('SORT') ?? '').toUpperCase();
    const priority = Number.parseInt(settings.get('PRIORITY') ?? '', 10);
    out.push({
      name,
      unique: key === 'uniqueindex' || settings.has('UNIQUE') || cls === 'UNIQUE',
      ...(cls === 'FULLTEXT' || cls === 'SPATIAL' ? { class: cls } : {}),
      column: column.column,
      suffix: `${length}${sort === 'DESC' || sort === 'ASC' ? ` ${sort}` : ''}`,
      priority: Number.isNaN(priority) ? 10 : priority,
      order,
      span: column.span,
    });
  }
  return out;
}

/** the fields' index parts grouped by index name (case-insensitive, as MySQL compares them) */
export function mergeIndexes(fields: readonly IndexField[]): StyledIndex[] {
  const groups = new Map<string, IndexField[]>();
  for (const f of fields) {
    const key = f.name.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((parts) => {
    const ordered = [...parts].sort((a, b) => a.priority - b.priority || a.order - b.order);
    const cls = parts.find((p) => p.class)?.class;
    const suffixes = ordered.map((p) => p.suffix);
    return {
      kind: parts.some((p) => p.unique) ? 'unique' : 'index',
      name: parts[0].name,
      columns: ordered.map((p) => p.column),
      span: parts[0].span,
      ...(cls ? { class: cls } : {}),
      ...(suffixes.some(Boolean) ? { columnSuffixes: suffixes } : {}),
    };
  });
}
