// add-foreign-key: ADD FOREIGN KEY on an existing table copies it unless foreign_key_checks=0.
import { addForeignKeyFix } from '../fix/add-foreign-key';
import { predict } from '../kb/predict';
import type { Operation } from '../types';
import { findTable } from '../catalog/lookup';
import { existingTableOps, type Rule, type RuleContext } from './rule';
import { ident } from './util/lock-text';

type AddFkOp = Extract<Operation, { kind: 'add-foreign-key' }>;

/** an index of the child table (in the catalog or added by the same statement) starts with the key's columns */
function indexed(ctx: RuleContext, op: AddFkOp): boolean {
  const cols = op.fk.columns.map((c) => c.toLowerCase());
  const starts = (names: readonly string[]) => cols.every((c, i) => names[i]?.toLowerCase() === c);
  const table = findTable(ctx.catalog, op.table);
  if (table?.indexes.some((i) => starts(i.columns.map((c) => c.name)))) return true;
  return ctx.statement.operations.some((o) => o.kind === 'add-index' && o.table.toLowerCase() === op.table.toLowerCase() && starts(o.index.columns.map((c) => c.name)));
}

export const addForeignKey: Rule = {
  meta: {
    id: 'add-foreign-key',
    defaultSeverity: 'error',
    classes: ['RB', 'LK'],
    description: 'A foreign key added to an existing table while foreign_key_checks is on, which copies the whole child table with its writes blocked.',
    fixable: true,
  },
  check(ctx) {
    if (ctx.statement.kind !== 'alter-table' || !ctx.session.foreignKeyChecks) return;
    const fks = existingTableOps(ctx).filter((op): op is AddFkOp => op.kind === 'add-foreign-key');
    if (fks.length === 0) return;
    // the fix runs the statement with ALGORITHM=INPLACE: only when its other clauses allow it
    const unchecked = predict(ctx.statement, ctx.catalog, ctx.target, { ...ctx.session, foreignKeyChecks: false });
    const copyOnly = unchecked?.algorithm === 'COPY';
    const edit = copyOnly ? undefined : addForeignKeyFix(ctx.file.text, ctx.statement, fks);
    fks.forEach((op, i) => {
      const name = op.fk.name ? `${ident(op.fk.name)} ` : '';
      const child = ident(op.table);
      const parent = ident(op.fk.refTable);
      const asserted = ctx.statement.ddlOptions.algorithm;
      const effect = asserted && asserted !== 'COPY' && asserted !== 'DEFAULT'
        ? `the ALTER fails with error 1846 (adding foreign keys needs foreign_key_checks=OFF for ALGORITHM=${asserted})`
        : `the server copies all of ${child} and blocks its writes meanwhile, holding metadata locks on both ${child} and ${parent}`;
      ctx.report({
        message: `Foreign key ${name}(${op.fk.columns.join(', ')}) → ${parent} on existing table ${child} is added with foreign_key_checks=1, which only ALGORITHM=COPY supports: ${effect}.`,
        span: op.span,
        help: `${indexed(ctx, op) ? '' : `Index ${op.fk.columns.join(', ')} first, `}${indexed(ctx, op) ? 'Verify' : 'verify'} there are no orphan rows, then ${copyOnly ? 'add the foreign key in its own ALTER TABLE (this statement\'s other clauses need ALGORITHM=COPY)' : 'run the ALTER'} with ALGORITHM=INPLACE between SET SESSION foreign_key_checks=0 and =1 (or enforce the relation in the app).`,
        // one fix for the statement: on its first foreign key only, so "fix all" applies it once
        fixes: edit && i === 0 ? [edit] : [],
      });
    });
  },
};
