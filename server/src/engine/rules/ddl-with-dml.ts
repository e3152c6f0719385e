// ddl-with-dml: data changes (UPDATE, DELETE, INSERT … SELECT) in the same migration file as DDL.
import type { Span, Statement } from '../types';
import { type Rule } from './rule';
import { dmlShape, dmlSubjects } from './util/lock-dml';
import { findInSpan, ident, lineOf } from './util/lock-text';

const DDL_KINDS: ReadonlySet<Statement['kind']> = new Set([
  'alter-table', 'create-table', 'create-index', 'drop-index', 'drop-table', 'rename-table', 'truncate',
]);

export const ddlWithDml: Rule = {
  meta: {
    id: 'ddl-with-dml',
    defaultSeverity: 'warning',
    classes: ['LK', 'FL'],
    description: 'An UPDATE, DELETE or INSERT … SELECT on an existing table in the same migration file as DDL, which cannot roll back together with it.',
    fixable: false,
  },
  check(ctx) {
    const st = ctx.statement;
    const shape = dmlShape(st);
    if (!shape) return;
    const subjects = dmlSubjects(st, shape).filter((t) => !ctx.isNewTable(t));
    if (subjects.length === 0) return;
    const ddl = ctx.statements.find((s) => s !== st && s.analyzed && DDL_KINDS.has(s.kind) && s.operations.length > 0);
    if (!ddl) return;
    const verb = shape === 'insert-select' ? 'INSERT … SELECT from' : shape === 'update' ? 'UPDATE of' : 'DELETE from';
    ctx.report({
      message: `${verb} existing table ${ident(subjects[0])} runs in the same migration as DDL (line ${lineOf(ctx.file.text, ddl.span.start)}): DDL commits implicitly, so a failure here leaves the schema change applied with no rollback, and a large data change locks rows and lags replicas.`,
      span: firstLine(ctx.file.text, st.span),
      help: 'Move the data change to its own migration or background job, batched by primary-key range with a cutoff id.',
      related: [{ message: 'DDL in the same file', span: ddl.span }],
    });
  },
};

function firstLine(text: string, span: Span): Span {
  return findInSpan(text, span, /^\s*\S[^\n]*/)[0] ?? span;
}
