// unbatched-dml: UPDATE/DELETE/INSERT … SELECT over an existing table without a bounded key range.
import type { Span } from '../types';
import { type Rule } from './rule';
import { dmlShape, dmlSubjects, isBoundedWhere, primaryKeyColumn, selectWhere, writtenName } from './util/lock-dml';
import { findInSpan, ident, maskQuoted } from './util/lock-text';

export const unbatchedDml: Rule = {
  meta: {
    id: 'unbatched-dml',
    defaultSeverity: 'warning',
    classes: ['LK'],
    description: 'An UPDATE, DELETE or INSERT … SELECT on an existing table without a WHERE clause or a bounded key range, which locks every matching row in one transaction.',
    fixable: false,
  },
  check(ctx) {
    const st = ctx.statement;
    const shape = dmlShape(st);
    if (!shape || !st.dml) return;
    const table = dmlSubjects(st, shape).find((t) => !ctx.isNewTable(t));
    if (!table) return;
    const { where, limit } = shape === 'insert-select' ? selectWhere(st) : { where: st.dml.hasWhere ? st.dml.whereText ?? '' : undefined, limit: st.dml.hasLimit };
    if (limit) return;
    if (where !== undefined && (where.trim() === '' || isBoundedWhere(where, table, ctx.catalog))) return;
    const name = ident(writtenName(st, table));
    const what = shape === 'insert-select' ? `INSERT … SELECT from existing table ${name}` : `${shape.toUpperCase()} on existing table ${name}`;
    const scope = where === undefined ? 'has no WHERE clause, so it touches every row' : 'has no bounded key range in its WHERE clause, so it may touch any number of rows';
    const pk = primaryKeyColumn(ctx.catalog, table) ?? 'id';
    ctx.report({
      message: `${what} ${scope} in one transaction: row locks are held until it commits, undo grows, and replicas lag by its whole run time.`,
      span: whereSpan(ctx.file.text, st.span) ?? st.span,
      help: `Run it in batches by primary-key range (WHERE ${pk} > ? AND ${pk} <= ?) up to a cutoff ${pk} read at the start, committing each batch.`,
    });
  },
};

/** from the statement's own WHERE (not one inside a subquery) to its end; else its first line */
function whereSpan(text: string, span: Span): Span | undefined {
  const masked = maskQuoted(text.slice(span.start, span.end));
  let depth = 0;
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && /^WHERE\b/i.test(masked.slice(i, i + 6)) && !/\w/.test(masked[i - 1] ?? ' ')) return { start: span.start + i, end: span.end };
  }
  return findInSpan(text, span, /^\s*\S[^\n]*/)[0];
}
