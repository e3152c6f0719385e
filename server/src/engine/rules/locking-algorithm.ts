// locking-algorithm: ALGORITHM/LOCK clauses that block DML, are invalid, or cannot be honoured.
import { appendAlterClause, fix } from '../fix/edits';
import { atLeast } from '../targets';
import type { Fix, Prediction, Span, Statement, Target, TextEdit } from '../types';
import { type Rule } from './rule';
import { assertionFor, ddlTables, displayTable, isMdlDdl, toolNames } from './util/lock-ddl';
import { ident, removeListItem } from './util/lock-text';

export const lockingAlgorithm: Rule = {
  meta: {
    id: 'locking-algorithm',
    defaultSeverity: 'error',
    classes: ['LK', 'RB'],
    description: 'An ALGORITHM or LOCK clause that blocks writes or reads (COPY, SHARED, EXCLUSIVE), is invalid for the target, or cannot be honoured for the statement.',
    fixable: true,
  },
  check(ctx) {
    const st = ctx.statement;
    if (!isMdlDdl(st)) return;
    const tables = ddlTables(st).filter((t) => !ctx.isNewTable(t));
    if (tables.length === 0) return;
    const { algorithm, lock, algorithmSpan, lockSpan } = st.ddlOptions;
    const table = ident(displayTable(st, tables[0]));
    const text = ctx.file.text;

    if (ctx.target.flavor === 'mysql' && algorithm === 'INSTANT' && lock && lock !== 'DEFAULT' && lockSpan) {
      ctx.report({
        message: `ALGORITHM=INSTANT cannot be combined with LOCK=${lock} on MySQL (error 1221, Incorrect usage of ALGORITHM=INSTANT and LOCK): the ALTER on ${table} fails.`,
        span: lockSpan,
        help: 'Write ALGORITHM=INSTANT alone: an instant change never blocks DML.',
        fixes: [fix(`Remove LOCK=${lock}`, [removeListItem(text, lockSpan)], true)],
      });
      return;
    }

    const rejected = ctx.prediction?.rejected;
    if (rejected && (algorithmSpan || lockSpan)) {
      const written = [algorithm && `ALGORITHM=${algorithm}`, lock && `LOCK=${lock}`].filter(Boolean).join(', ');
      ctx.report({
        message: `The server cannot honour ${written} for this statement on ${table}: ${rejected}`,
        span: joinSpans(algorithmSpan, lockSpan),
        help: supportedHelp(st, ctx.target, ctx.prediction!),
        fixes: rewriteFixes(text, st, ctx.target, ctx.prediction!),
      });
      return;
    }

    if (!algorithm && ctx.target.flavor === 'mariadb' && ctx.session.alterAlgorithm === 'COPY' && st.kind === 'alter-table' && st.operations.length > 0) {
      const clause = ctx.prediction ? assertionFor(st, ctx.target, ctx.prediction) : undefined;
      ctx.report({
        message: `SET alter_algorithm = COPY earlier in this file makes this ALTER copy all of ${table} and block its writes for the whole copy.`,
        span: st.operations[0].span,
        help: clause ? `Write ${clause} on the statement (it overrides the session setting), or drop the SET.` : 'Drop the SET alter_algorithm = COPY, or run the change with an online schema change tool.',
        fixes: clause ? [fix(`Append ${clause}`, [appendAlterClause(st, clause)], true)] : [],
      });
      return;
    }

    const copyOnline = algorithm === 'COPY' && lock === 'NONE' && ctx.target.flavor === 'mariadb' && atLeast(ctx.target, 11, 2);
    const problems: string[] = [];
    if (algorithm === 'COPY' && !copyOnline) problems.push(`ALGORITHM=COPY copies all of ${table} into a new table and blocks writes to it for the whole copy`);
    if (lock === 'SHARED') problems.push(`LOCK=SHARED blocks every write to ${table} while the statement runs`);
    if (lock === 'EXCLUSIVE') problems.push(`LOCK=EXCLUSIVE blocks reads and writes of ${table} while the statement runs`);
    if (problems.length === 0) return;
    const spans = [algorithm === 'COPY' && !copyOnline ? algorithmSpan : undefined, lock === 'SHARED' || lock === 'EXCLUSIVE' ? lockSpan : undefined];
    ctx.report({
      message: `${problems.join('; ')}.`,
      span: joinSpans(spans[0], spans[1]) ?? st.span,
      help: ctx.prediction ? supportedHelp(st, ctx.target, ctx.prediction) : 'Use ALGORITHM=INSTANT alone, or ALGORITHM=INPLACE, LOCK=NONE where the operation supports it; otherwise an online schema change tool.',
      fixes: ctx.prediction ? rewriteFixes(text, st, ctx.target, ctx.prediction) : [],
    });
  },
};

function joinSpans(a: Span | undefined, b: Span | undefined): Span {
  if (a && b) return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
  return (a ?? b)!;
}

function supportedHelp(st: Statement, target: Target, p: Prediction): string {
  const clause = p.lock === 'NONE' ? assertionFor(st, target, p) : undefined;
  if (!clause) return `No online clause exists for this change (${p.algorithm}, LOCK=${p.lock} at best); run it with an online schema change tool (${toolNames(target)}).`;
  return clause === 'ALGORITHM=INSTANT' ? 'Write ALGORITHM=INSTANT alone.' : `Write ${clause}.`;
}

/** replaces the written ALGORITHM/LOCK clauses with the strongest ones the prediction supports */
function rewriteFixes(text: string, st: Statement, target: Target, p: Prediction): Fix[] {
  if (p.lock !== 'NONE') return [];
  const clause = assertionFor(st, target, p);
  if (!clause) return [];
  const { algorithmSpan, lockSpan } = st.ddlOptions;
  const edits: TextEdit[] = [];
  if (algorithmSpan && lockSpan) {
    // keep the first clause's place, drop the other one
    const [first, second] = algorithmSpan.start < lockSpan.start ? [algorithmSpan, lockSpan] : [lockSpan, algorithmSpan];
    edits.push({ span: first, newText: clause }, removeListItem(text, second));
  } else {
    const only = (algorithmSpan ?? lockSpan)!;
    edits.push({ span: only, newText: clause });
  }
  return [fix(`Use ${clause}`, edits, true)];
}
