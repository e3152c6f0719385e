// multiple-alters-same-table: a second table-rewriting ALTER on the same existing table in one file.
import { fix } from '../fix/edits';
import { mergeAlters } from '../fix/multiple-alters-same-table';
import { findTable } from '../catalog/lookup';
import { nextSession, initialSession } from '../session';
import type { Statement } from '../types';
import { type Rule } from './rule';
import { ddlTables, displayTable, rewritesTable } from './util/lock-ddl';
import { ident, lineOf } from './util/lock-text';

const REWRITING_KINDS: ReadonlySet<Statement['kind']> = new Set(['alter-table', 'optimize-table']);

/**
 * What this rule saw for the earlier statements of a file (whether each one rewrites its table,
 * from that statement's own prediction). Keyed by the file's statement list, so it lives exactly
 * as long as one analysis; statements it has not seen fall back to a classification by clause kind.
 */
const seen = new WeakMap<readonly Statement[], Map<Statement, boolean>>();

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
    // for a table the catalog does not know, the prediction guesses (e.g. "old definition unknown:
    // assume a type change"); only clauses that rewrite whatever the old definition was count then
    const known = ddlTables(st).every((t) => findTable(ctx.catalog, t) !== undefined);
    const rewrites = rewritesTable(st, known ? ctx.prediction : null, ctx.session.foreignKeyChecks);
    let memo = seen.get(ctx.statements);
    if (!memo) seen.set(ctx.statements, (memo = new Map()));
    memo.set(st, rewrites);
    if (!rewrites) return;
    const mine = ddlTables(st).filter((t) => !ctx.isNewTable(t));
    if (mine.length === 0) return;
    let session = initialSession();
    for (const other of ctx.statements) {
      if (other === st) break;
      const shared = REWRITING_KINDS.has(other.kind) && other.analyzed ? ddlTables(other).filter((t) => mine.includes(t)) : [];
      if (shared.length > 0 && (memo.get(other) ?? rewritesTable(other, null, session.foreignKeyChecks))) {
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
        return;
      }
      session = nextSession(session, other);
    }
  },
};
