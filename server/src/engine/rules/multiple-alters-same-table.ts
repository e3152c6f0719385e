// multiple-alters-same-table: a second table-rewriting ALTER on the same existing table in one file.
import { fix } from '../fix/edits';
import { mergeAlters } from '../fix/multiple-alters-same-table';
import { isGuessedPrediction } from '../kb/predict';
import { nextSession, initialSession } from '../session';
import type { Statement, TextEdit } from '../types';
import { type Rule, type RuleContext } from './rule';
import { ddlTables, displayTable, rewritesTable } from './util/lock-ddl';
import { ident, lineOf } from './util/lock-text';

const REWRITING_KINDS: ReadonlySet<Statement['kind']> = new Set(['alter-table', 'optimize-table']);

interface Rewriter {
  statement: Statement;
  /** position in the file's statement list */
  at: number;
  /** foreign_key_checks in force before it */
  foreignKeyChecks: boolean;
}

/**
 * One file's ALTER / OPTIMIZE statements as this rule needs them, built once per statement list
 * (so it lives exactly as long as one analysis): per table, in file order, with the session's
 * foreign_key_checks before each; and what the rule decided for the statements it checked (from
 * each one's own prediction). Statements not checked yet fall back to a classification by clause kind.
 */
interface FileIndex {
  byTable: Map<string, Rewriter[]>;
  at: Map<Statement, number>;
  rewrites: Map<Statement, boolean>;
}

const indexes = new WeakMap<readonly Statement[], FileIndex>();
/** a statement's tables do not change while the object lives (edits move it, never re-parse it) */
const tablesOf = new WeakMap<Statement, string[]>();

function lockedTables(st: Statement): string[] {
  let tables = tablesOf.get(st);
  if (!tables) tablesOf.set(st, (tables = ddlTables(st)));
  return tables;
}

function fileIndex(statements: readonly Statement[]): FileIndex {
  const cached = indexes.get(statements);
  if (cached) return cached;
  const index: FileIndex = { byTable: new Map(), at: new Map(), rewrites: new Map() };
  let session = initialSession();
  for (let at = 0; at < statements.length; at++) {
    const st = statements[at];
    if (st.kind === 'set') session = nextSession(session, st);
    if (!st.analyzed || !REWRITING_KINDS.has(st.kind)) continue;
    index.at.set(st, at);
    const entry: Rewriter = { statement: st, at, foreignKeyChecks: session.foreignKeyChecks };
    for (const t of lockedTables(st)) {
      const list = index.byTable.get(t);
      if (list) list.push(entry);
      else index.byTable.set(t, [entry]);
    }
  }
  indexes.set(statements, index);
  return index;
}

/** per statement list: per lower-cased table, the indexes of the statements that name it (ascending) */
const namers = new WeakMap<readonly Statement[], Map<string, number[]>>();
/** the lower-cased tables a statement names (its own facts, kept per object) */
const namedOf = new WeakMap<Statement, string[]>();

function namedTables(st: Statement): string[] {
  let named = namedOf.get(st);
  if (!named) {
    named = [...new Set([...st.tables.map((t) => t.toLowerCase()), ...st.operations.map((op) => op.table.toLowerCase())])];
    namedOf.set(st, named);
  }
  return named;
}

/**
 * Whether a statement strictly between the two (by index) names `table`: the merge fix then
 * refuses (fix/multiple-alters-same-table.ts), and answering it from an index spares its scan of
 * every statement in between.
 */
function namedBetween(statements: readonly Statement[], first: Statement, second: Statement, table: string): boolean {
  let byTable = namers.get(statements);
  if (!byTable) {
    byTable = new Map();
    for (const st of statements) {
      for (const t of namedTables(st)) {
        const list = byTable.get(t);
        if (list) list.push(st.index);
        else byTable.set(t, [st.index]);
      }
    }
    for (const list of byTable.values()) if (list.some((v, k) => k > 0 && list[k - 1] > v)) list.sort((a, b) => a - b);
    namers.set(statements, byTable);
  }
  const list = byTable.get(table);
  if (!list) return false;
  // the first index above first.index, by binary search
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= first.index) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] < second.index;
}

/** the first earlier statement that rewrites one of `tables`, with the tables they share */
function earlierRewrite(index: FileIndex, st: Statement, tables: readonly string[]): { other: Statement; shared: string[] } | undefined {
  let first: Rewriter | undefined;
  let bound = index.at.get(st) ?? -1;
  for (const t of tables) {
    // each list is in file order: its first rewriting statement before the bound is the table's answer
    for (const entry of index.byTable.get(t) ?? []) {
      if (entry.at >= bound) break;
      if (index.rewrites.get(entry.statement) ?? rewritesTable(entry.statement, null, entry.foreignKeyChecks)) {
        first = entry;
        bound = entry.at;
        break;
      }
    }
  }
  return first && { other: first.statement, shared: lockedTables(first.statement).filter((t) => tables.includes(t)) };
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
  const index = fileIndex(ctx.statements);
  index.rewrites.set(st, rewrites);
  if (!rewrites) return undefined;
  const mine = lockedTables(st).filter((t) => !ctx.isNewTable(t));
  if (mine.length === 0) return undefined;
  const earlier = earlierRewrite(index, st, mine);
  if (!earlier) return undefined;
  const { other, shared } = earlier;
  return { other, shared, line: lineOf(ctx.file.text, other.span.start), edits: namedBetween(ctx.statements, other, st, shared[0]) ? undefined : mergeAlters(ctx.file.text, ctx.statements, other, st, shared[0]), known };
}
