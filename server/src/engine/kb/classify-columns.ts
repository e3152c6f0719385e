// Column clauses (ADD / DROP / RENAME / MODIFY / CHANGE COLUMN) → operation classes, using the
// catalog's old column definitions and the table's context.
import type { ColumnPosition, Operation, TableDef } from '../types';
import { findColumn, findKnownColumn, foreignKeysOfColumn, implicitClusteredIndex, indexesOfColumn, referencingForeignKeys } from '../catalog/lookup';
import { atLeast } from '../targets';
import { modifyAspects } from './column-change';
import type { Classified, ClassifyContext } from './table-context';
import { instantColumnsBlocked, isVirtual, q, rowVersionsExhausted, rowVersionsRefusal } from './table-context';

/** index in the column list where a column lands; undefined = at the end (nothing moves) */
function insertionIndex(table: TableDef | undefined, position: ColumnPosition | undefined): number | undefined {
  if (!position || !table) return position ? 0 : undefined;
  const columns = table.columns;
  if ('first' in position) return columns.length === 0 ? undefined : 0;
  const at = columns.findIndex((c) => c.name.toLowerCase() === position.after.toLowerCase());
  if (at < 0 || at === columns.length - 1) return undefined;
  return at + 1;
}

/** MODIFY … FIRST/AFTER x really changes the column's position */
function movesColumn(table: TableDef | undefined, position: ColumnPosition, column: string): boolean {
  if (!table) return true;
  const name = column.toLowerCase();
  const current = table.columns.findIndex((c) => c.name.toLowerCase() === name);
  const others = table.columns.filter((c) => c.name.toLowerCase() !== name);
  const target = 'first' in position ? 0 : others.findIndex((c) => c.name.toLowerCase() === position.after.toLowerCase()) + 1;
  return target > 0 || 'first' in position ? target !== current : true;
}

/** a VIRTUAL column lies between the column's old and new positions */
function movesVirtual(table: TableDef | undefined, position: ColumnPosition, column: string): boolean {
  if (!table) return false;
  const name = column.toLowerCase();
  const current = table.columns.findIndex((c) => c.name.toLowerCase() === name);
  const target = 'first' in position ? 0 : table.columns.findIndex((c) => c.name.toLowerCase() === position.after.toLowerCase()) + 1;
  if (current < 0 || target < 0) return false;
  const [from, to] = current < target ? [current + 1, target] : [target, current];
  return table.columns.slice(from, to).some(isVirtual);
}

export function addColumn(op: Extract<Operation, { kind: 'add-column' }>, table: TableDef | undefined, ctx: ClassifyContext): Classified[] {
  const col = op.column;
  const name = `ADD COLUMN ${q(col.name)}`;
  const out: Classified[] = [];
  const at = insertionIndex(table, op.position);
  const virtualAfter = at !== undefined && !!table?.columns.slice(at).some(isVirtual);
  const blocked = instantColumnsBlocked(table, ctx.target);
  if (col.generated?.stored) out.push({ cls: 'add-column-stored', detail: `${name} (STORED generated)` });
  else if (col.generated) {
    if (table?.partitioned) out.push({ cls: 'add-column-virtual-partitioned', detail: `${name} (VIRTUAL) on a partitioned table`, virtualAddDrop: true });
    else if (virtualAfter) out.push({ cls: 'add-column-moves-virtual', detail: `${name} (VIRTUAL) before another VIRTUAL column` });
    else out.push({ cls: 'add-column-virtual', detail: `${name} (VIRTUAL)`, virtualAddDrop: true });
  } else if (col.autoIncrement) out.push({ cls: 'add-column-auto-increment', detail: `${name} AUTO_INCREMENT` });
  else if (col.default?.kind === 'expression' && /\b(uuid|uuid_short|sys_guid)\s*\(/i.test(col.default.text)) {
    out.push({ cls: 'add-column-uuid-default', detail: `${name} DEFAULT (${col.default.text})` });
  } else if (blocked) out.push({ cls: 'add-column-rebuild', detail: `${name} (not instant: ${blocked})`, ...versionsRefusal(table, ctx) });
  else if (col.default?.kind === 'expression') out.push({ cls: 'add-column-expression-default', detail: `${name} DEFAULT (${col.default.text})` });
  else if (virtualAfter) out.push({ cls: 'add-column-moves-virtual', detail: `${name} before a VIRTUAL column` });
  else if (at !== undefined) out.push({ cls: 'add-column-positioned', detail: `${name} ${op.position && 'first' in op.position ? 'FIRST' : 'AFTER …'}` });
  else out.push({ cls: 'add-column', detail: name });
  if (col.primaryKey) out.push({ cls: 'add-primary-key', detail: `${name} PRIMARY KEY`, buildsIndex: true });
  else if (col.unique) out.push({ cls: 'add-index', detail: `${name} UNIQUE`, buildsIndex: true, indexOnly: true });
  // MariaDB 10.5+ honours an inline REFERENCES (MDEV-20480): a foreign key and its index are added (measured)
  if (col.references && ctx.target.flavor === 'mariadb' && atLeast(ctx.target, 10, 5, 0)) {
    const label = `${name} REFERENCES ${col.references.table} (inline foreign key)`;
    out.push(ctx.session.foreignKeyChecks
      ? { cls: 'add-foreign-key-checked', detail: `${label} with foreign_key_checks=1` }
      : { cls: 'add-foreign-key-unindexed', detail: `${label} with foreign_key_checks=0, creates its index`, buildsIndex: true });
  }
  return out;
}

/** ALGORITHM=INSTANT on MySQL once the table's row versions are used up: error 4092 */
function versionsRefusal(table: TableDef | undefined, ctx: ClassifyContext): { instantRefusal?: string } {
  return table && rowVersionsExhausted(table, ctx.target) ? { instantRefusal: rowVersionsRefusal(table) } : {};
}

export function dropColumn(op: Extract<Operation, { kind: 'drop-column' }>, table: TableDef | undefined, ctx: ClassifyContext): Classified[] {
  const name = `DROP COLUMN ${q(op.column)}`;
  const col = findColumn(table, op.column);
  const out: Classified[] = [];
  const blocked = instantColumnsBlocked(table, ctx.target);
  if (col?.generated && !col.generated.stored) out.push({ cls: 'drop-column-virtual', detail: `${name} (VIRTUAL)`, virtualAddDrop: true });
  else if (col?.generated) out.push({ cls: 'drop-column-stored', detail: `${name} (STORED generated)` });
  else if (blocked) out.push({ cls: 'drop-column-rebuild', detail: `${name} (not instant: ${blocked})`, ...versionsRefusal(table, ctx) });
  else out.push({ cls: 'drop-column', detail: name });
  for (const idx of indexesOfColumn(table, op.column)) {
    const label = `index ${q(idx.name ?? op.column)}`;
    if (idx.kind === 'primary') out.push({ cls: 'drop-primary-key', detail: `${name} drops the PRIMARY KEY column` });
    else if (idx === implicitClusteredIndex(table)) out.push({ cls: 'drop-primary-key', detail: `${name} drops a column of the clustered ${label} (no PRIMARY KEY)` });
    else if (idx.columns.length > 1) out.push({ cls: 'add-index', detail: `${name} re-creates ${label} without it`, buildsIndex: true, indexOnly: true });
    else out.push({ cls: 'drop-index', detail: `${name} drops ${label} with it`, indexOnly: true });
  }
  return out;
}

export function renameColumn(ctx: ClassifyContext, table: TableDef | undefined, tableName: string, column: string, newName: string): Classified {
  const detail = `rename column ${q(column)} → ${q(newName)}`;
  const inFk = foreignKeysOfColumn(table, column).length > 0 || referencingForeignKeys(ctx.catalog, tableName, column).length > 0;
  return inFk ? { cls: 'rename-column-fk', detail: `${detail} (used by a foreign key)` } : { cls: 'rename-column', detail };
}

export function modifyColumn(op: Extract<Operation, { kind: 'modify-column' }>, table: TableDef | undefined, ctx: ClassifyContext): Classified[] {
  const verb = op.via === 'change' ? `CHANGE ${q(op.column)}` : `MODIFY ${q(op.column)}`;
  // a table no migration creates may still have this column's definition from an earlier ALTER
  const known = table ? undefined : findKnownColumn(ctx.catalog, op.table, op.column);
  const old = findColumn(table, op.column) ?? known?.column;
  if (!old) {
    const why = table ? `column ${q(op.column)} not in the catalog` : `table ${q(op.table)} not in the catalog`;
    return [{ cls: 'modify-unknown', detail: `${verb}: ${why}, old definition unknown (assuming a type change)` }];
  }
  const out: Classified[] = modifyAspects(table ?? known?.table, old, op.def, ctx.session.sqlModeStrict).map((a) => ({ cls: a.cls, detail: `${verb}: ${a.detail}` }));
  if (op.newName && op.newName.toLowerCase() !== op.column.toLowerCase()) out.push(renameColumn(ctx, table, op.table, op.column, op.newName));
  const moves = op.position !== undefined && movesColumn(table, op.position, op.column);
  if (moves) {
    const generated = old.generated || op.def.generated;
    const blocked = instantColumnsBlocked(table, ctx.target);
    if (generated) out.push({ cls: 'reorder-generated-column', detail: `${verb}: reorders a generated column` });
    else if (movesVirtual(table, op.position!, op.column)) out.push({ cls: 'reorder-moves-virtual', detail: `${verb}: reorders columns past a VIRTUAL column` });
    else if (blocked) out.push({ cls: 'reorder-column-rebuild', detail: `${verb}: reorders columns (not instant: ${blocked})` });
    else out.push({ cls: 'reorder-column', detail: `${verb}: reorders columns` });
  }
  if (out.length === 0) out.push({ cls: 'modify-attributes', detail: `${verb}: attributes only (default, comment, visibility, display width)` });
  return out;
}
