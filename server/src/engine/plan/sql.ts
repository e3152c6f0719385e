// SQL text helpers for generated plans: quoting and column definitions rendered from the catalog.
import { quoteId } from '../catalog/schema-sql';
import type { ColumnDef, DefaultValue } from '../types';

export { quoteId };

function defaultSql(d: DefaultValue): string {
  if (d.kind === 'null') return 'NULL';
  if (d.kind === 'expression') return `(${d.text})`;
  return d.text;
}

export interface ColumnOverrides {
  name?: string;
  nullable?: boolean;
  /** null: no DEFAULT clause */
  default?: DefaultValue | null;
  /** drop AUTO_INCREMENT / key-ness (a copy of a key column is a plain column) */
  plain?: boolean;
}

/** a column definition as ADD COLUMN / MODIFY take it: `name type [NULL|NOT NULL] [DEFAULT …] …` */
export function columnDefinition(column: ColumnDef, overrides: ColumnOverrides = {}): string {
  const parts = [quoteId(overrides.name ?? column.name), column.type.text];
  if (column.type.charset && !/\b(CHARACTER SET|CHARSET)\b/i.test(column.type.text)) parts.push(`CHARACTER SET ${column.type.charset}`);
  if (column.type.collation && !/\bCOLLATE\b/i.test(column.type.text)) parts.push(`COLLATE ${column.type.collation}`);
  if (column.generated) {
    parts.push(`GENERATED ALWAYS AS (${column.generated.expression}) ${column.generated.stored ? 'STORED' : 'VIRTUAL'}`);
    return parts.join(' ');
  }
  const nullable = overrides.nullable ?? (column.nullable !== false && !column.primaryKey);
  parts.push(nullable ? 'NULL' : 'NOT NULL');
  const d = overrides.default === null ? undefined : (overrides.default ?? column.default);
  if (d) parts.push(`DEFAULT ${defaultSql(d)}`);
  if (column.onUpdate) parts.push(`ON UPDATE ${column.onUpdate}`);
  if (column.autoIncrement && !overrides.plain) parts.push('AUTO_INCREMENT');
  if (column.comment) parts.push(`COMMENT '${column.comment.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);
  return parts.join(' ');
}

/** `a <=> b` negated: true when the two values differ, NULLs included */
export function differs(a: string, b: string): string {
  return `NOT (${a} <=> ${b})`;
}
