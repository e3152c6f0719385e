// What an ORM model file says about the database, independent of the ORM: tables, their columns
// (with the ORM's mapping and type rules already applied) and keys. Spans are offsets into the
// model file's own text, so findings and fixes land on the model's lines.
import type { Span } from '../types';

export type OrmKind = 'prisma' | 'typeorm' | 'gorm';

export interface ModelColumn {
  /** the field or property name in the model */
  field: string;
  /** the column name in the database (after `@map`, `name:`, `column:` or the naming strategy) */
  column: string;
  /** the MySQL column type, upper-case: `VARCHAR(191)`, `INT`, `DATETIME(3)`, `ENUM('A','B')` */
  sqlType: string;
  nullable: boolean;
  /** the DEFAULT as SQL text (`0`, `'x'`, `CURRENT_TIMESTAMP(3)`); absent when the database has none */
  default?: string;
  autoIncrement?: boolean;
  /** in the application's model but kept out of its use (Prisma `@ignore`): the column stays */
  ignored?: boolean;
  /** the whole field declaration */
  span: Span;
  /** the field's name */
  nameSpan: Span;
}

export interface ModelIndex {
  kind: 'unique' | 'index';
  name: string;
  columns: string[];
  span: Span;
  /**
   * the index the server creates for a foreign key when no other index starts with its columns
   * (named after the constraint): the generator never adds it, but drops it with the key
   */
  implicit?: boolean;
}

export interface ModelForeignKey {
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  /** the referential actions as SQL (`CASCADE`, `SET NULL`, …); absent: the generator writes none */
  onDelete?: string;
  onUpdate?: string;
  /** the relation field or property that declares it */
  span: Span;
}

export interface ModelTable {
  /** the model / entity / struct name */
  model: string;
  /** the table name in the database */
  table: string;
  columns: ModelColumn[];
  primaryKey: string[];
  indexes: ModelIndex[];
  foreignKeys: ModelForeignKey[];
  /** the whole declaration */
  span: Span;
  /** the model's name in its declaration */
  nameSpan: Span;
  /** where a new member line can be inserted: the start of the line that closes the declaration */
  bodyEnd: number;
  /**
   * a relation table the ORM keeps for a many-to-many relation (Prisma's implicit `_AToB`), not a
   * model of its own: the two models it joins (A's first) and their relation fields' declarations.
   * The table's own spans are the first relation field's.
   */
  joins?: { models: [string, string]; fields: [Span, Span] };
}

export interface OrmModel {
  orm: OrmKind;
  tables: ModelTable[];
  /** why (part of) the file could not be read; an unreadable file yields no tables */
  problems: string[];
}

/**
 * where the drop of a table that is no model of its own belongs in the after-model: a relation
 * table whose relation was renamed, on the relation that replaces it; one whose relation was
 * removed, on the first of its models that is still there. Undefined for a model's own table.
 */
export function dropAnchor(table: ModelTable, after: OrmModel): Span | undefined {
  const joins = table.joins;
  if (!joins) return undefined;
  const [a, b] = joins.models;
  const same = after.tables.find((t) => t.joins?.models[0] === a && t.joins.models[1] === b);
  const kept = (model: string) => after.tables.find((t) => !t.joins && t.model === model)?.nameSpan;
  return same?.span ?? kept(a) ?? kept(b);
}
