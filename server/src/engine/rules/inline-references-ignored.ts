import { fix, insertAt, replaceSpan } from '../fix/edits';
import type { ColumnDef, Fix, Span, Target } from '../types';
import { atLeast } from '../targets';
import type { Rule, RuleContext } from './rule';
import { quoteIdent } from './util/compat-sql';

/** MariaDB creates the key since 10.5 (MDEV-20729), MySQL since 9.0; older servers parse and drop it */
export function honoursInlineReferences(target: Target): boolean {
  return target.flavor === 'mariadb' ? atLeast(target, 10, 5) : atLeast(target, 9, 0);
}

/**
 * One edit from the REFERENCES clause to the end of the column definition: the clause is removed
 * and re-added after the column as a table-level key (`, FOREIGN KEY (c) REFERENCES …` in CREATE
 * TABLE, `, ADD FOREIGN KEY …` in ALTER TABLE).
 */
function rewriteFix(text: string, column: ColumnDef, inAlter: boolean, clauseEnd?: number): Fix[] {
  const ref = column.references;
  if (!ref || !column.span || ref.span.end > column.span.end || ref.span.start < column.span.start) return [];
  let start = ref.span.start;
  while (start > column.span.start && /\s/.test(text[start - 1])) start--;
  const refText = text.slice(ref.span.start, ref.span.end);
  const rest = text.slice(ref.span.end, column.span.end);
  const clause = `${inAlter ? 'ADD ' : ''}FOREIGN KEY (${quoteIdent(column.name)}) ${refText}`;
  const span: Span = { start, end: column.span.end };
  if (clauseEnd !== undefined && clauseEnd > column.span.end) {
    // FIRST / AFTER follows the definition: the new clause goes after it
    return [fix('Rewrite as a table-level FOREIGN KEY', [replaceSpan(span, rest), insertAt(clauseEnd, `, ${clause}`)], true)];
  }
  return [fix('Rewrite as a table-level FOREIGN KEY', [replaceSpan(span, `${rest}, ${clause}`)], true)];
}

function check(ctx: RuleContext, table: string, column: ColumnDef, inAlter: boolean, clauseEnd?: number): void {
  const ref = column.references;
  if (!ref) return;
  const target = ctx.target.flavor === 'mysql' ? `MySQL ${ctx.target.version[0]}.${ctx.target.version[1]}` : `MariaDB ${ctx.target.version[0]}.${ctx.target.version[1]}`;
  ctx.report({
    message: `${target} parses the inline REFERENCES ${ref.table} on ${table}.${column.name} and silently ignores it: no foreign key is created, so nothing stops orphan rows.`,
    span: ref.span,
    help: `Declare the key at table level: FOREIGN KEY (${column.name}) REFERENCES ${ref.table} (${ref.columns.length > 0 ? ref.columns.join(', ') : '…'}).`,
    fixes: rewriteFix(ctx.file.text, column, inAlter, clauseEnd),
  });
}

export const inlineReferencesIgnored: Rule = {
  meta: {
    id: 'inline-references-ignored',
    defaultSeverity: 'error',
    classes: ['DL'],
    description: 'A column-level REFERENCES clause, which MySQL before 9.0 and MariaDB before 10.5 accept but silently ignore, so no foreign key exists.',
    fixable: true,
  },
  check(ctx) {
    if (honoursInlineReferences(ctx.target)) return;
    for (const op of ctx.statement.operations) {
      if (op.kind === 'create-table') for (const c of op.columns) check(ctx, op.table, c, false);
      else if (op.kind === 'add-column') check(ctx, op.table, op.column, true, op.position ? op.span.end : undefined);
      else if (op.kind === 'modify-column') check(ctx, op.table, op.def, true, op.position ? op.span.end : undefined);
    }
  },
};
