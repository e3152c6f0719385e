// will-fail: statements the server will refuse (error number and message), found before deploy.
import { refusals } from '../kb/refusals';
import type { Span } from '../types';
import { type Rule } from './rule';

function errnoOf(text: string): number | undefined {
  const m = /^(\d{4})\b/.exec(text);
  return m ? Number(m[1]) : undefined;
}

export const willFail: Rule = {
  meta: {
    id: 'will-fail',
    defaultSeverity: 'error',
    classes: ['BC'],
    description: 'A statement the server will refuse: the migration stops at it with the server error named in the finding.',
    fixable: false,
  },
  check(ctx) {
    const st = ctx.statement;
    for (const r of refusals(st, ctx.catalog, ctx.target, ctx.session, ctx.file.path)) {
      ctx.report({
        message: `${ctx.target.label} will refuse this statement: ${r.cause}. Error ${r.errno}: ${r.message}.`,
        span: r.span,
        help: 'Change the statement so the server accepts it; the migration stops here otherwise, and every statement after it in the file does not run.',
      });
    }
    // an ALGORITHM/LOCK the statement cannot honour, requested without a clause to point at
    // (SET alter_algorithm earlier in the file, ALTER ONLINE TABLE): locking-algorithm reports written clauses
    const rejected = ctx.prediction?.rejected;
    const { algorithmSpan, lockSpan } = st.ddlOptions;
    if (rejected && !algorithmSpan && !lockSpan && errnoOf(rejected)) {
      const how = st.ddlOptions.online ? 'ALTER ONLINE (LOCK=NONE)' : ctx.session.alterAlgorithm ? `SET alter_algorithm = ${ctx.session.alterAlgorithm.replace(/'/g, '')} earlier in this file` : 'the requested algorithm';
      const span: Span = st.operations[0]?.span ?? st.span;
      ctx.report({
        message: `${ctx.target.label} will refuse this statement under ${how}: error ${rejected}.`,
        span,
        help: st.ddlOptions.online ? 'Remove ONLINE: this change cannot run without a lock (or run it with an online schema change tool).' : 'Write ALGORITHM=DEFAULT on the statement, or set alter_algorithm back to DEFAULT before it.',
      });
    }
  },
};
