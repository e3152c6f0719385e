// multiple-alters-same-table: a second table-rewriting ALTER on the same existing table in one file.
import { fix } from '../fix/edits';
import { mergeAlters } from '../fix/multiple-alters-same-table';
import { isGuessedPrediction } from '../kb/predict';
import { nextSession, initialSession } from '../session';
import type { Statement, TextEdit } from '../types';
import { type Rule, type RuleContext } from './rule';
import { ddlTables, displayTable, rewritesTable } from './util/lock-ddl';
import { ident, lineOf } from './util/lock-text';
import { firstAbove, SET_STATEMENTS, statementsNaming } from './util/statements-by-table';

const REWRITING_KINDS: ReadonlySet<Statement['kind']> = new Set(['alter-table', 'optimize-table']);

/**
 * One file's ALTER / OPTIMIZE statements of a table as this rule needs them, derived per statement
 * list (so they live exactly as long as one analysis) from the statements that name the table: in
 * file order, with the session's foreign_key_checks before each. And what the rule decided for the
 * statements it checked (from each one's own prediction); statements not checked yet fall back to
 * a classification by clause kind.
 */
interface FileFacts {
  rewriters: Map<string, Statement[]>;
  rewrites: Map<Statement, boolean>;
  /** each SET statement's index and the foreign_key_checks after it, ascending */
  fkChecks: { index: number; value: boolean }[] | undefined;
}

const facts = new WeakMap<readonly Statement[], FileFacts>();
/** a statement's tables do not change while the object lives (edits move it, never re-parse it) */
const tablesOf = new WeakMap<Statement, string[]>();

function lockedTables(st: Statement): string[] {
  let tables = tablesOf.get(st);
  if (!tables) tablesOf.set(st, (tables = ddlTables(st)));
  return tables;
}

function factsOf(statements: readonly Statement[]): FileFacts {
  let f = facts.get(statements);
  if (!f) facts.set(statements, (f = { rewriters: new Map(), rewrites: new Map(), fkChecks: undefined }));
  return f;
}

/** the statements of the file that rewrite `table` (lower-cased), ascending */
function rewritersOf(statements: readonly Statement[], f: FileFacts, table: string): Statement[] {
  let list = f.rewriters.get(table);
  if (!list) {
    list = statementsNaming(statements, table).filter((st) => st.analyzed && REWRITING_KINDS.has(st.kind) && lockedTables(st).includes(table));
    f.rewriters.set(table, list);
  }
  return list;
}

/** foreign_key_checks in force before the statement: the file's SET statements folded in order */
function foreignKeyChecksBefore(statements: readonly Statement[], f: FileFacts, st: Statement): boolean {
  if (!f.fkChecks) {
    let session = initialSession();
    f.fkChecks = statementsNaming(statements, SET_STATEMENTS).map((set) => {
      session = nextSession(session, set);
      return { index: set.index, value: session.foreignKeyChecks };
    });
  }
  let value = initialSession().foreignKeyChecks;
  for (const set of f.fkChecks) {
    if (set.index >= st.index) break;
    value = set.value;
  }
  return value;
}

/**
 * The lower-cased tables a statement names itself: its tables and its operations' tables (kept per
 * object). Narrower than the per-table lists' generous `namedTables`, which also counts foreign-key
 * parents, rename targets and LIKE sources: only these stop the merge fix.
 */
const namedOf = new WeakMap<Statement, string[]>();

function directlyNamed(st: Statement): string[] {
  let named = namedOf.get(st);
  if (!named) {
    named = [...new Set([...st.tables.map((t) => t.toLowerCase()), ...st.operations.map((op) => op.table.toLowerCase())])];
    namedOf.set(st, named);
  }
  return named;
}

/**
 * Whether a statement strictly between the two (by index) names `table`: the merge fix then
 * refuses (fix/multiple-alters-same-table.ts), and answering it from the statements that name the
 * table spares its scan of every statement in between.
 */
function namedBetween(statements: readonly Statement[], first: Statement, second: Statement, table: string): boolean {
  const list = statementsNaming(statements, table);
  for (let k = firstAbove(list, first.index); k < list.length && list[k].index < second.index; k++) {
    if (directlyNamed(list[k]).includes(table)) return true;
  }
  return false;
}

/** the first earlier statement that rewrites one of `tables`, with the tables they share */
function earlierRewrite(statements: readonly Statement[], f: FileFacts, st: Statement, tables: readonly string[]): { other: Statement; shared: string[] } | undefined {
  let first: Statement | undefined;
  let bound = st.index;
  for (const t of tables) {
    // each list is in file order: its first rewriting statement before the bound is the table's answer
    for (const other of rewritersOf(statements, f, t)) {
      if (other.index >= bound) break;
      if (f.rewrites.get(other) ?? rewritesTable(other, null, foreignKeyChecksBefore(statements, f, other))) {
        first = other;
        bound = other.index;
        break;
      }
    }
  }
  return first && { other: first, shared: lockedTables(first).filter((t) => tables.includes(t)) };
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
    const found = secondRewrite(ctx);
    if (!found) return;
    const { other, shared, line, edits, known } = found;
    const st = ctx.statement;
    const p = known ? ctx.prediction : null;
    const why = p ? `; this one runs as ${p.algorithm === 'COPY' || st.ddlOptions.algorithm === 'COPY' ? 'ALGORITHM=COPY' : `ALGORITHM=${p.algorithm} with a table rebuild`}, LOCK=${p.lock}` : '';
    ctx.report({
      message: `Existing table ${ident(displayTable(st, shared[0]))} is rewritten a second time in this file (first at line ${line}${why}): each statement waits for its own exclusive metadata lock and copies or rebuilds the whole table again.`,
      span: st.operations[0]?.span ?? st.span,
      help: 'Merge the rebuilding clauses into one ALTER TABLE so the table is rebuilt once; keep instant-eligible clauses in their own statements.',
      related: [{ message: `first rewrite of ${shared[0]}`, span: other.span }],
      fixes: edits ? [fix(`Merge into the ALTER TABLE at line ${line}`, edits, true)] : [],
    });
  },
  // the rest of the file gives the earlier rewrite (where it is relative to this one, its line) and the merge edits
  dependency(ctx) {
    const found = secondRewrite(ctx);
    if (!found) return '-';
    const at = ctx.statement.span.start;
    const { other, shared, line, edits } = found;
    const merge = edits ? edits.map((e) => `${e.span.start - at},${e.span.end - at},${e.newText}`).join('\0') : '-';
    return `${other.span.start - at},${other.span.end - at},${line},${shared[0]}\0${merge}`;
  },
};

interface SecondRewrite {
  other: Statement;
  shared: string[];
  /** line of `other` */
  line: number;
  edits: TextEdit[] | undefined;
  /** the prediction is not a guess */
  known: boolean;
}

/**
 * The earlier statement of the file that already rewrote a table this one rewrites, or undefined.
 * Records the statement's own decision in the file index for the statements after it.
 */
function secondRewrite(ctx: RuleContext): SecondRewrite | undefined {
  const st = ctx.statement;
  if (!st.analyzed || !REWRITING_KINDS.has(st.kind)) return undefined;
  // when the prediction had to guess an old definition the catalog lacks (e.g. "old definition
  // unknown: assume a type change"), only clauses that rewrite whatever it was count
  const known = ctx.prediction !== null && !isGuessedPrediction(ctx.prediction);
  const rewrites = rewritesTable(st, known ? ctx.prediction : null, ctx.session.foreignKeyChecks);
  const f = factsOf(ctx.statements);
  f.rewrites.set(st, rewrites);
  if (!rewrites) return undefined;
  const mine = lockedTables(st).filter((t) => !ctx.isNewTable(t));
  if (mine.length === 0) return undefined;
  const earlier = earlierRewrite(ctx.statements, f, st, mine);
  if (!earlier) return undefined;
  const { other, shared } = earlier;
  return { other, shared, line: lineOf(ctx.file.text, other.span.start), edits: namedBetween(ctx.statements, other, st, shared[0]) ? undefined : mergeAlters(ctx.file.text, ctx.statements, other, st, shared[0]), known };
}
