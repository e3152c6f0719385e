// multiple-alters-same-table: a second table-rewriting ALTER on the same existing table in one file.
import { fix } from '../fix/edits';
import { mergeAlters } from '../fix/multiple-alters-same-table';
import { isGuessedPrediction } from '../kb/predict';
import { nextSession, initialSession } from '../session';
import type { Statement } from '../types';
import { type Rule } from './rule';
import { ddlTables, displayTable, rewritesTable } from './util/lock-ddl';
import { ident, lineOf } from './util/lock-text';

const REWRITING_KINDS: ReadonlySet<Statement['kind']> = new Set(['alter-table', 'optimize-table']);

/**
 * One file's statements as this rule needs them, built once per statement list (so it lives
 * exactly as long as one analysis): the rewriting statements per table, the foreign_key_checks
 * in force before each statement, and what the rule decided for the statements it checked
 * (from each one's own prediction); statements not checked yet fall back to a classification
 * by clause kind.
 */
interface FileIndex {
  position: Map<Statement, number>;
  /** analyzed ALTER / OPTIMIZE statements per lower-cased table, in file order */
  byTable: Map<string, Statement[]>;
  foreignKeyChecks: boolean[];
  rewrites: Map<Statement, boolean>;
}

const indexes = new WeakMap<readonly Statement[], FileIndex>();

function fileIndex(statements: readonly Statement[]): FileIndex {
  let index = indexes.get(statements);
  if (index) return index;
  index = { position: new Map(), byTable: new Map(), foreignKeyChecks: [], rewrites: new Map() };
  let session = initialSession();
  statements.forEach((st, i) => {
    index.position.set(st, i);
    index.foreignKeyChecks.push(session.foreignKeyChecks);
    session = nextSession(session, st);
    if (!st.analyzed || !REWRITING_KINDS.has(st.kind)) return;
    for (const t of ddlTables(st)) {
      const list = index.byTable.get(t);
      if (list) list.push(st);
      else index.byTable.set(t, [st]);
    }
  });
  indexes.set(statements, index);
  return index;
}

/** the first earlier statement that rewrites one of `tables`, with the tables they share */
function earlierRewrite(index: FileIndex, st: Statement, tables: readonly string[]): { other: Statement; shared: string[] } | undefined {
  const before = index.position.get(st) ?? -1;
  let first: Statement | undefined;
  let firstAt = before;
  for (const t of tables) {
    // each list is in file order: its first rewriting statement before both bounds is the table's answer
    for (const other of index.byTable.get(t) ?? []) {
      const at = index.position.get(other) ?? before;
      if (at >= firstAt) break;
      if (index.rewrites.get(other) ?? rewritesTable(other, null, index.foreignKeyChecks[at])) {
        first = other;
        firstAt = at;
        break;
      }
    }
  }
  return first && { other: first, shared: ddlTables(first).filter((t) => tables.includes(t)) };
}

export const multipleAltersSameTable: Rule = {
  meta: {
    id: 'multiple-alters-same-table',
    defaultSeverity: 'warning',
    classes: ['RB', 'LK'],
    description: 'A second statement in one file that rebuilds or copies an existing table already rebuilt by an earlier statement of the same file.',
    fixable: true,
  },
  check(ctx) {
    const st = ctx.statement;
    if (!st.analyzed || !REWRITING_KINDS.has(st.kind)) return;
    // when the prediction had to guess an old definition the catalog lacks (e.g. "old definition
    // unknown: assume a type change"), only clauses that rewrite whatever it was count
    const known = ctx.prediction !== null && !isGuessedPrediction(ctx.prediction);
    const rewrites = rewritesTable(st, known ? ctx.prediction : null, ctx.session.foreignKeyChecks);
    const index = fileIndex(ctx.statements);
    index.rewrites.set(st, rewrites);
    if (!rewrites) return;
    const mine = ddlTables(st).filter((t) => !ctx.isNewTable(t));
    if (mine.length === 0) return;
    const earlier = earlierRewrite(index, st, mine);
    if (!earlier) return;
    const { other, shared } = earlier;
    const line = lineOf(ctx.file.text, other.span.start);
    const p = known ? ctx.prediction : null;
    const why = p ? `; this one runs as ${p.algorithm === 'COPY' || st.ddlOptions.algorithm === 'COPY' ? 'ALGORITHM=COPY' : `ALGORITHM=${p.algorithm} with a table rebuild`}, LOCK=${p.lock}` : '';
    const edits = mergeAlters(ctx.file.text, ctx.statements, other, st, shared[0]);
    ctx.report({
      message: `Existing table ${ident(displayTable(st, shared[0]))} is rewritten a second time in this file (first at line ${line}${why}): each statement waits for its own exclusive metadata lock and copies or rebuilds the whole table again.`,
      span: st.operations[0]?.span ?? st.span,
      help: 'Merge the rebuilding clauses into one ALTER TABLE so the table is rebuilt once; keep instant-eligible clauses in their own statements.',
      related: [{ message: `first rewrite of ${shared[0]}`, span: other.span }],
      fixes: edits ? [fix(`Merge into the ALTER TABLE at line ${line}`, edits, true)] : [],
    });
  },
};
