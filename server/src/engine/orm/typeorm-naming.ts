// TypeORM's DefaultNamingStrategy names for keys: a prefix and the SHA-1 of `<table>_<columns>`
// (the column names sorted), cut short. On MySQL every unique key (`unique: true`, `@Unique`) is
// created as a unique index and named like an index. Join columns are `<property><ReferencedColumn>`.
import { createHash } from 'node:crypto';

function key(table: string, columns: readonly string[]): string {
  return `${table.replace('.', '_')}_${[...columns].sort().join('_')}`;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** `IDX_…`: indexes and, on MySQL, unique keys */
export function indexName(table: string, columns: readonly string[]): string {
  return `IDX_${sha1(key(table, columns)).slice(0, 26)}`;
}

/** `FK_…` */
export function foreignKeyName(table: string, columns: readonly string[]): string {
  return `FK_${sha1(key(table, columns)).slice(0, 27)}`;
}

/** `REL_…`: the unique index of a one-to-one join column */
export function relationIndexName(table: string, columns: readonly string[]): string {
  return `REL_${sha1(key(table, columns)).slice(0, 26)}`;
}

/** `author` + `id` → `authorId` */
export function joinColumnName(property: string, referenced: string): string {
  return `${property}${referenced.charAt(0).toUpperCase()}${referenced.slice(1)}`;
}
