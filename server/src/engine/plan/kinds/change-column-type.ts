// change-column-type, varchar-length-change, enum-set-change: a type change the server can only do
// by copying the table becomes a new column of the new type (`<column>_new`), dual-written,
// backfilled with a CAST, compared and compensated, then the old column is dropped — the
// rename-column releases. The column keeps the new name: map it in the ORM (`@map`, `column:`)
// rather than renaming it back, which would be another rename.
import { findColumn } from '../../catalog/lookup';
import type { ColumnDef, Operation } from '../../types';
import type { Builder } from '../build';
import { quoteId } from '../sql';
import { renameColumnPlan } from './rename-column';

type ModifyOp = Extract<Operation, { kind: 'modify-column' }>;

export function planTypeChange(kind: 'change-column-type' | 'varchar-length-change' | 'enum-set-change'): Builder<ModifyOp> {
  return (build, op) => {
    const table = build.table(op.table);
    if (!table || table.partial) return `table ${op.table} is not known from the earlier migrations`;
    const old = findColumn(table, op.column);
    if (!old) return `column ${op.table}.${op.column} is not known from the earlier migrations`;
    if (op.newName && op.newName.toLowerCase() !== old.name.toLowerCase()) return 'the statement also renames the column: plan the rename first';
    const name = `${old.name}_new`.slice(0, 64);
    if (findColumn(table, name)) return `${op.table} already has a column ${name}`;
    const final: ColumnDef = { ...op.def, name };
    const plan = renameColumnPlan(build, table, old, final, kind);
    const misfits = misfitQuery(table.name, old, final);
    if (misfits) {
      // values the new type cannot hold make the copy fail (strict sql_mode): find and fix them first
      plan.releases[0].appSteps.unshift(`Before release 1 ships, fix the rows whose ${old.name} the new type cannot hold (the first verification query lists how many).`);
      plan.releases[0].verify.unshift(misfits);
    }
    return plan;
  };
}

/** counts the rows whose value the new column cannot hold: ENUM/SET members removed, strings longer than the new length */
function misfitQuery(table: string, old: ColumnDef, final: ColumnDef): string | undefined {
  const t = quoteId(table);
  const o = quoteId(old.name);
  const name = final.type.name.toUpperCase();
  if (name === 'ENUM' && final.type.values) {
    return `SELECT COUNT(*) FROM ${t} WHERE ${o} IS NOT NULL AND ${o} NOT IN (${final.type.values.map(quoteString).join(', ')})`;
  }
  if ((name === 'VARCHAR' || name === 'CHAR') && final.type.length !== undefined) {
    return `SELECT COUNT(*) FROM ${t} WHERE CHAR_LENGTH(${o}) > ${final.type.length}`;
  }
  return undefined;
}

function quoteString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
