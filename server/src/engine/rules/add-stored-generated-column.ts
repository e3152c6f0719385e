// add-stored-generated-column: a STORED generated column added to an existing table (COPY).
import { findTable } from '../catalog/lookup';
import { fix, replaceSpan } from '../fix/edits';
import type { ColumnDef, Fix, Operation } from '../types';
import { existingTableOps, type Rule } from './rule';
import { findInSpan, ident } from './util/lock-text';

export const addStoredGeneratedColumn: Rule = {
  meta: {
    id: 'add-stored-generated-column',
    defaultSeverity: 'warning',
    classes: ['RB', 'LK'],
    description: 'A STORED generated column added to an existing table, which only ALGORITHM=COPY can do, with writes blocked.',
    fixable: true,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      const def = storedGenerated(op, findTable(ctx.catalog, op.table)?.columns);
      if (!def) continue;
      const keyword = findInSpan(ctx.file.text, op.span, /\b(STORED|PERSISTENT)\b/i).pop();
      const fixes: Fix[] = [];
      // only for ADD: MySQL cannot turn a non-generated column into a VIRTUAL one
      if (keyword && !def.primaryKey && op.kind === 'add-column') fixes.push(fix(`Make ${def.name} a VIRTUAL column (computed on read, still indexable)`, [replaceSpan(keyword, 'VIRTUAL')], true));
      const verb = op.kind === 'add-column' ? 'Adding' : 'Turning';
      const into = op.kind === 'add-column' ? `STORED generated column ${ident(def.name)} to` : `column ${ident(def.name)} into a STORED generated column on`;
      ctx.report({
        message: `${verb} ${into} existing table ${ident(op.table)} needs ALGORITHM=COPY: the server evaluates the expression for every row while writes are blocked.`,
        span: op.span,
        help: 'Use a VIRTUAL generated column (instant, and it can be indexed), or compute the value in the application.',
        fixes,
      });
    }
  },
};

/** the STORED generated column an ADD or MODIFY introduces (a MODIFY only when it was not stored before) */
function storedGenerated(op: Operation, columns: ColumnDef[] | undefined): ColumnDef | undefined {
  if (op.kind === 'add-column') return op.column.generated?.stored ? op.column : undefined;
  if (op.kind !== 'modify-column' || !op.def.generated?.stored) return undefined;
  const old = columns?.find((c) => c.name.toLowerCase() === op.column.toLowerCase());
  return old && !old.generated?.stored ? op.def : undefined;
}
