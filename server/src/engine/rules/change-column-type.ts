import { insertAt, fix } from '../fix/edits';
import { isPrimaryKeyColumn } from '../catalog/lookup';
import type { ColumnDef, Fix } from '../types';
import { existingTableOps, type Rule, type RuleContext } from './rule';
import { diffColumn, type LostAttribute, type ModifyOp, type TypeChange } from './util/compat-column-diff';
import { groupByTable, listNames, reportGraded } from './util/compat-report';
import { definitionEnd, quoteString } from './util/compat-sql';

function typeMessage(op: ModifyOp, change: TypeChange): string {
  const risk = change.signChange
    ? ' Negative values (or values above the signed range) no longer fit.'
    : change.narrowing
      ? ` ${change.why ? `Not every old value is a value of the new type (${change.why}): values` : 'Values'} that do not fit the new type fail the ALTER (strict mode) or are truncated, and the running app version may still write them.`
      : ' The running app version must be able to read the wider values once they are written.';
  return `${op.via === 'change' ? 'CHANGE' : 'MODIFY'} changes the type of ${op.table}.${op.column} from ${change.from} to ${change.to}: only ALGORITHM=COPY can do that, so writes to ${op.table} are blocked for the whole table copy.${risk}`;
}

/** the attribute text to restate, or undefined when it cannot be written back in one edit */
function restate(attr: LostAttribute, old: ColumnDef): string | undefined {
  switch (attr) {
    case 'NOT NULL':
      return 'NOT NULL';
    case 'AUTO_INCREMENT':
      return 'AUTO_INCREMENT';
    case 'COMMENT':
      return old.comment !== undefined ? `COMMENT ${quoteString(old.comment)}` : undefined;
    case 'ON UPDATE':
      return old.onUpdate ? `ON UPDATE ${old.onUpdate}` : undefined;
    case 'INVISIBLE':
      return 'INVISIBLE';
  }
}

function restateFix(text: string, op: ModifyOp, old: ColumnDef, lost: LostAttribute[]): Fix[] {
  const end = definitionEnd(text, op.def, op.position !== undefined);
  if (end === undefined) return [];
  const parts = lost.map((a) => restate(a, old));
  if (parts.some((p) => p === undefined)) return [];
  return [fix(`Restate ${lost.join(', ')} from the old definition`, [insertAt(end, ` ${parts.join(' ')}`)], true)];
}

const LOSS_EFFECT: Record<LostAttribute, string> = {
  'NOT NULL': 'the column becomes nullable (an in-place rebuild)',
  AUTO_INCREMENT: 'INSERTs that rely on generated ids fail',
  COMMENT: 'the column comment is removed',
  'ON UPDATE': 'the column stops tracking updates',
  INVISIBLE: 'the column becomes visible, so SELECT * and INSERT without a column list change',
};

function reportLost(ctx: RuleContext, op: ModifyOp, old: ColumnDef, lost: LostAttribute[]): void {
  const effects = lost.map((a) => LOSS_EFFECT[a]).join('; ');
  reportGraded(ctx, {
    message: `${op.via === 'change' ? 'CHANGE' : 'MODIFY'} restates the whole column ${op.table}.${op.column} and leaves out ${lost.join(', ')} that it had: ${effects}.`,
    span: op.span,
    help: 'Restate every attribute the column should keep (MODIFY replaces the whole definition).',
    fixes: restateFix(ctx.file.text, op, old, lost),
  }, 'warning');
}

export const changeColumnType: Rule = {
  meta: {
    id: 'change-column-type',
    defaultSeverity: 'error',
    classes: ['RB', 'LK', 'BC'],
    description: 'A MODIFY or CHANGE that changes a column data type (INT to BIGINT, signed to unsigned, DECIMAL precision, …) or silently drops attributes of the old definition.',
    fixable: true,
  },
  check(ctx) {
    const unknown: ModifyOp[] = [];
    for (const op of existingTableOps(ctx)) {
      if (op.kind !== 'modify-column') continue;
      const diff = diffColumn(ctx.catalog, op, ctx.target);
      if (!diff.old) {
        unknown.push(op);
        continue;
      }
      if (diff.type) {
        const pkNote = isPrimaryKeyColumn(diff.table, diff.old.name) ? ' For a primary key column, create a new table and migrate as a rename.' : '';
        ctx.report({
          message: typeMessage(op, diff.type),
          span: op.span,
          help: `Add a new column of the new type, dual-write and backfill it, then swap (like a rename), or run the change through gh-ost, pt-online-schema-change or spirit.${pkNote}`,
        });
      }
      if (diff.lost.length > 0) reportLost(ctx, op, diff.old, diff.lost);
    }
    reportUnknown(ctx, unknown);
  },
};

/** one info finding per table for the MODIFY/CHANGE clauses whose old column definition is unknown */
function reportUnknown(ctx: RuleContext, ops: readonly ModifyOp[]): void {
  for (const { ops: group, span } of groupByTable(ops)) {
    const first = group[0];
    const verb = first.via === 'change' ? 'CHANGE' : 'MODIFY';
    const what = group.length === 1
      ? `${first.table}.${first.column} with its old definition (no earlier migration defines it), so it cannot tell whether this ${verb} changes the type and copies the table`
      : `the old definitions of ${listNames(group.map((o) => o.column))} in ${first.table} (no earlier migration defines them), so it cannot tell whether these ${group.length} MODIFY/CHANGE clauses change a type and copy the table`;
    reportGraded(ctx, {
      message: `Lockstep could not compare ${what}.`,
      span,
      help: 'Make sure the earlier migrations are in the workspace (or connect a database) so Lockstep knows the current column definition.',
    }, 'info');
  }
}
