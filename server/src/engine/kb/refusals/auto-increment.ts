// "there can be only one auto column and it must be defined as a key" (1075): a second
// AUTO_INCREMENT column, or one that is not the first column of some index. InnoDB needs an index
// that starts with the column to find its maximum (measured on MariaDB 10.11.19 for both cases).
import type { ColumnDef, Operation, TableDef } from '../../types';
import type { Refusal, RefusalContext, TableChange } from './types';

const SOURCE = 'https://dev.mysql.com/doc/refman/8.0/en/innodb-auto-increment-handling.html; measured MariaDB 10.11.19';
const MESSAGE = 'Incorrect table definition; there can be only one auto column and it must be defined as a key';

function autoColumns(table: TableDef | undefined): ColumnDef[] {
  return table?.columns.filter((c) => c.autoIncrement) ?? [];
}

function leadsAnIndex(table: TableDef, column: string): boolean {
  const n = column.toLowerCase();
  return table.indexes.some((i) => i.kind !== 'fulltext' && i.kind !== 'spatial' && i.columns[0]?.name.toLowerCase() === n && !i.columns[0]?.expression);
}

/** the operation that makes the column AUTO_INCREMENT (or creates the table), to point at */
function introducing(ctx: RefusalContext, table: string, column: string): Operation | undefined {
  const t = table.toLowerCase();
  const c = column.toLowerCase();
  return ctx.statement.operations.find((op) => op.table.toLowerCase() === t && (
    (op.kind === 'add-column' && op.column.name.toLowerCase() === c) ||
    (op.kind === 'modify-column' && (op.newName ?? op.column).toLowerCase() === c) ||
    op.kind === 'create-table'));
}

export function autoIncrementRefusals(ctx: RefusalContext, change: TableChange): Refusal[] {
  const after = change.after;
  if (!after) return [];
  const autos = autoColumns(after);
  if (autos.length === 0) return [];
  const was = new Set(autoColumns(change.before).map((c) => c.name.toLowerCase()));
  const brokeBefore = change.before && (was.size > 1 || autoColumns(change.before).some((c) => !leadsAnIndex(change.before!, c.name)));
  if (brokeBefore) return []; // the catalog already held an impossible table: do not guess
  const out: Refusal[] = [];
  if (autos.length > 1) {
    const added = autos.find((c) => !was.has(c.name.toLowerCase())) ?? autos[1];
    const op = introducing(ctx, change.name, added.name);
    out.push({ errno: 1075, message: MESSAGE, span: op?.span ?? change.span, cause: `\`${added.name}\` would be a second AUTO_INCREMENT column of \`${after.name}\` (${autos.map((c) => c.name).join(', ')})`, source: SOURCE });
    return out;
  }
  const [auto] = autos;
  if (!leadsAnIndex(after, auto.name)) {
    const op = introducing(ctx, change.name, auto.name);
    const inKey = after.indexes.some((i) => i.columns.some((c) => c.name.toLowerCase() === auto.name.toLowerCase()));
    const where = inKey ? 'is not the first column of any index' : 'is in no index';
    out.push({ errno: 1075, message: MESSAGE, span: op?.span ?? change.span, cause: `AUTO_INCREMENT column \`${auto.name}\` of \`${after.name}\` ${where}`, source: SOURCE });
  }
  return out;
}
