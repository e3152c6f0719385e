// Dropping a column that a foreign key still uses. MySQL: 1828 (the child's column) / 1829 (a
// referenced parent column), https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html.
// MariaDB 10.11.19 (measured): with foreign_key_checks=1 the index the key needs goes first, so a
// column in a secondary index is 1553 "Cannot drop index …" on either side; otherwise the child's
// column is 1828 and a referenced PRIMARY KEY column 1829.
import type { Catalog, ForeignKeyDef, Operation, Statement, TableDef } from '../../types';
import { findTable, foreignKeysOfColumn, indexesOfColumn, referencingForeignKeys } from '../../catalog/lookup';
import type { Refusal, RefusalContext } from './types';

const SOURCE = 'https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html; measured MariaDB 10.11.19';

function droppedForeignKeys(statement: Statement, table: string): Set<string> {
  const t = table.toLowerCase();
  const names = statement.operations.flatMap((op) => (op.table.toLowerCase() === t && (op.kind === 'drop-foreign-key' || op.kind === 'drop-constraint') ? [op.name.toLowerCase()] : []));
  return new Set(names);
}

function fkName(fk: ForeignKeyDef): string {
  return fk.name ?? '(unnamed)';
}

function childRefusal(ctx: RefusalContext, op: Extract<Operation, { kind: 'drop-column' }>, table: TableDef, fk: ForeignKeyDef): Refusal {
  const cause = `column \`${op.column}\` is used by foreign key \`${fkName(fk)}\` of \`${table.name}\``;
  const index = droppedIndexRefusal(ctx, op, table, cause);
  if (index) return index;
  return { errno: 1828, message: `Cannot drop column '${op.column}': needed in a foreign key constraint '${fkName(fk)}'`, span: op.span, cause, source: SOURCE };
}

/** MariaDB, foreign_key_checks=1: the secondary index the key needs is dropped with the column, and that is refused first */
function droppedIndexRefusal(ctx: RefusalContext, op: Extract<Operation, { kind: 'drop-column' }>, table: TableDef, cause: string): Refusal | undefined {
  if (ctx.target.flavor !== 'mariadb' || !ctx.session.foreignKeyChecks) return undefined;
  const index = indexesOfColumn(table, op.column).find((i) => i.kind !== 'primary');
  if (!index) return undefined;
  return { errno: 1553, message: `Cannot drop index '${index.name ?? op.column}': needed in a foreign key constraint`, span: op.span, cause, source: SOURCE };
}

export function foreignKeyColumnRefusals(ctx: RefusalContext): Refusal[] {
  const out: Refusal[] = [];
  for (const op of ctx.statement.operations) {
    if (op.kind !== 'drop-column') continue;
    const table = findTable(ctx.before, op.table);
    const dropped = droppedForeignKeys(ctx.statement, op.table);
    const own = foreignKeysOfColumn(table, op.column).find((fk) => !dropped.has(fkName(fk).toLowerCase()));
    if (table && own) {
      out.push(childRefusal(ctx, op, table, own));
      continue;
    }
    const parent = referencing(ctx.before, op.table, op.column, dropped);
    if (parent) {
      const cause = `column \`${op.column}\` is referenced by foreign key \`${fkName(parent.fk)}\` of \`${parent.table.name}\``;
      const index = table ? droppedIndexRefusal(ctx, op, table, cause) : undefined;
      out.push(index ?? {
        errno: 1829,
        message: `Cannot drop column '${op.column}': needed in a foreign key constraint '${fkName(parent.fk)}' of table '${parent.table.name}'`,
        span: op.span,
        cause,
        source: SOURCE,
      });
    }
  }
  return out;
}

/** a foreign key of another table (or of this one, not dropped here) that references the column */
function referencing(catalog: Catalog, table: string, column: string, dropped: Set<string>): { table: TableDef; fk: ForeignKeyDef } | undefined {
  const self = table.toLowerCase();
  return referencingForeignKeys(catalog, table, column).find((r) => r.table.name.toLowerCase() !== self || !dropped.has(fkName(r.fk).toLowerCase()));
}
