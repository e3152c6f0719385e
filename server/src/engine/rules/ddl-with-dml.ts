// ddl-with-dml: data changes (UPDATE, DELETE, INSERT … SELECT) in the same migration file as DDL.
// Reported once per file, at the first such data change: mixing is a property of the file.
import type { Span, Statement } from '../types';
import { type Rule, type RuleContext } from './rule';
import { dmlShape, dmlSubjects, writtenName, type DmlShape } from './util/lock-dml';
import { findInSpan, ident, lineOf } from './util/lock-text';

const DDL_KINDS: ReadonlySet<Statement['kind']> = new Set([
  'alter-table', 'create-table', 'create-index', 'drop-index', 'drop-table', 'rename-table', 'truncate',
]);

/** a statement's data-change shape and subjects (statement-local, so kept per statement object) */
const shapes = new WeakMap<Statement, { shape: DmlShape; subjects: string[] } | null>();

function dataChange(st: Statement): { shape: DmlShape; subjects: string[] } | null {
  let change = shapes.get(st);
  if (change === undefined) {
    const shape = dmlShape(st);
    change = shape ? { shape, subjects: dmlSubjects(st, shape) } : null;
    shapes.set(st, change);
  }
  return change;
}

/** per statement list: the first DDL and the data-changing statements, in file order */
interface FileIndex {
  firstDdl: Statement | undefined;
  changes: Statement[];
}

const indexes = new WeakMap<readonly Statement[], FileIndex>();

function fileIndex(statements: readonly Statement[]): FileIndex {
  let index = indexes.get(statements);
  if (!index) {
    index = {
      firstDdl: statements.find((s) => s.analyzed && DDL_KINDS.has(s.kind) && s.operations.length > 0),
      changes: statements.filter((s) => dataChange(s) !== null),
    };
    indexes.set(statements, index);
  }
  return index;
}

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
    const subject = dataChangeSubject(ctx, st);
    if (!subject) return;
    const index = fileIndex(ctx.statements);
    const ddl = index.firstDdl;
    if (!ddl || ddl === st) return;
    // only the file's first data change reports (the scan stops at the first one it meets)
    if (index.changes.find((s) => s === st || dataChangeSubject(ctx, s) !== undefined) !== st) return;
    const changes = index.changes.filter((s) => dataChangeSubject(ctx, s) !== undefined);
    const shape = dataChange(st)?.shape;
    const verb = shape === 'insert-select' ? 'INSERT … SELECT from' : shape === 'update' ? 'UPDATE of' : 'DELETE from';
    const more = changes.length > 1 ? `, as ${changes.length > 2 ? `do ${changes.length - 1} more data changes` : 'does 1 more data change'} in this file` : '';
    ctx.report({
      message: `${verb} existing table ${ident(writtenName(st, subject))} runs in the same migration as DDL (line ${lineOf(ctx.file.text, ddl.span.start)})${more}: DDL commits implicitly, so a failure here leaves the schema change applied with no rollback, and a large data change locks rows and lags replicas.`,
      span: firstLine(ctx.file.text, st.span),
      help: 'Move the data changes to their own migration or background job, batched by primary-key range with a cutoff id.',
      related: [{ message: 'DDL in the same file', span: ddl.span }],
    });
  },
};

/** the existing table a data-changing statement touches, or undefined */
function dataChangeSubject(ctx: RuleContext, st: Statement): string | undefined {
  return dataChange(st)?.subjects.find((t) => !ctx.isNewTable(t));
}

function firstLine(text: string, span: Span): Span {
  return findInSpan(text, span, /^\s*\S[^\n]*/)[0] ?? span;
}
