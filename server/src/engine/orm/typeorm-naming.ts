// TypeORM's naming strategies for MySQL. Key names are the same in both: a prefix and the SHA-1 of
// `<table>_<columns>` (the column names sorted), cut short; on MySQL every unique key (`unique:
// true`, `@Unique`) is created as a unique index and named like an index. The strategies differ
// in column names: DefaultNamingStrategy keeps the property name and camel-cases join columns
// (`authorId`, junction `postId`); SnakeNamingStrategy (the typeorm-naming-strategies package)
// snake-cases them all (`created_at`, `author_id`, `post_id`). Table names are snake_case in both.
import { createHash } from 'node:crypto';

export type TypeormNaming = 'default' | 'snake';

export interface NamingStrategy {
  /** an entity's table when `@Entity` names none */
  tableName(className: string): string;
  /** a column when its decorator gives no `name` */
  columnName(property: string): string;
  /** a relation's join column: `author` + referenced property `id` */
  joinColumnName(relation: string, referencedProperty: string): string;
  /** a many-to-many junction table: owner table, owner property, target table */
  joinTableName(ownerTable: string, property: string, targetTable: string): string;
  /** a junction table column: the referenced table and the referenced column's name */
  joinTableColumnName(table: string, referencedColumn: string): string;
}

const DEFAULT: NamingStrategy = {
  tableName: (className) => snakeCase(className),
  columnName: (property) => property,
  joinColumnName: (relation, referenced) => camelCase(`${relation}_${referenced}`),
  joinTableName: (owner, property, target) => snakeCase(`${owner}_${property.replace(/\./g, '_')}_${target}`),
  joinTableColumnName: (table, column) => camelCase(`${table}_${column}`),
};

const SNAKE: NamingStrategy = {
  ...DEFAULT,
  columnName: (property) => snakeCase(property),
  joinColumnName: (relation, referenced) => snakeCase(`${relation}_${referenced}`),
  joinTableColumnName: (table, column) => snakeCase(`${table}_${column}`),
};

export function namingStrategy(naming: TypeormNaming | undefined): NamingStrategy {
  return naming === 'snake' ? SNAKE : DEFAULT;
}

/** TypeORM's snakeCase: `UserProfile` → `user_profile`, `HTMLParser` → `html_parser` */
export function snakeCase(name: string): string {
  return name
    .replace(/([A-Z])([A-Z])([a-z])/g, '$1_$2$3')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** TypeORM's camelCase: a leading capital lowered, the letter after `_`, `-` or a space raised (`user_profile_id` → `userProfileId`) */
export function camelCase(name: string): string {
  return name.replace(/^([A-Z])|[\s_-](\w)/g, (_match, first: string | undefined, next: string | undefined) => (next ? next.toUpperCase() : (first ?? '').toLowerCase()));
}

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
