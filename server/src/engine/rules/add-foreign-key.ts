// add-foreign-key: ADD FOREIGN KEY on an existing table copies it unless foreign_key_checks=0.
import { addForeignKeyFix } from '../fix/add-foreign-key';
import type { Operation } from '../types';
import { existingTableOps, type Rule } from './rule';
import { ident } from './util/lock-text';

type AddFkOp = Extract<Operation, { kind: 'add-foreign-key' }>;

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
    const edit = addForeignKeyFix(ctx.file.text, ctx.statement, fks);
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
        help: `Index ${op.fk.columns.join(', ')} first, verify there are no orphan rows, then run the ALTER with ALGORITHM=INPLACE between SET SESSION foreign_key_checks=0 and =1 (or enforce the relation in the app).`,
        // one fix for the statement: on its first foreign key only, so "fix all" applies it once
        fixes: edit && i === 0 ? [edit] : [],
      });
    });
  },
};
