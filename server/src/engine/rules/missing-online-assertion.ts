// missing-online-assertion (opt-in): an ALTER on an existing table that does not assert ALGORITHM/LOCK.
import { appendAlterClause, fix, insertAt } from '../fix/edits';
import type { Fix } from '../types';
import { type Rule } from './rule';
import { assertionFor, ddlTables, displayTable, isPartitionMaintenance } from './util/lock-ddl';
import { ident } from './util/lock-text';

export const missingOnlineAssertion: Rule = {
  meta: {
    id: 'missing-online-assertion',
    defaultSeverity: 'off',
    classes: ['LK', 'RB'],
    description: 'An ALTER TABLE or CREATE INDEX on an existing table without an ALGORITHM or LOCK clause, so the server may silently rebuild or copy instead of failing.',
    fixable: true,
  },
  check(ctx) {
    const st = ctx.statement;
    if (!st.analyzed || (st.kind !== 'alter-table' && st.kind !== 'create-index' && st.kind !== 'drop-index')) return;
    if (ctx.target.flavor === 'mariadb' && st.kind === 'drop-index') return; // MariaDB's DROP INDEX takes no ALGORITHM/LOCK
    const { algorithm, lock, online } = st.ddlOptions;
    if (algorithm || lock || online) return;
    if (ctx.target.flavor === 'mariadb' && ctx.session.alterAlgorithm && ctx.session.alterAlgorithm !== 'DEFAULT' && ctx.session.alterAlgorithm !== 'COPY') return;
    if (st.operations.length === 0 || st.operations.some(isPartitionMaintenance)) return;
    const tables = ddlTables(st).filter((t) => !ctx.isNewTable(t));
    if (tables.length === 0) return;
    const p = ctx.prediction;
    if (p && p.algorithm === 'COPY') return; // no clause can make it online: table-rebuild and the clause rules explain it
    const clause = p ? assertionFor(st, ctx.target, p) : undefined;
    const fixes: Fix[] = [];
    if (clause) {
      const edit = st.kind === 'alter-table' ? appendAlterClause(st, clause) : insertAt(st.span.end, ` ${clause}`);
      fixes.push(fix(`Assert ${clause}`, [edit], true));
    }
    const expected = p ? ` (expected: ${p.algorithm}, LOCK=${p.lock})` : '';
    ctx.report({
      message: `This change to existing table ${ident(displayTable(st, tables[0]))} has no ALGORITHM/LOCK clause${expected}: if the server cannot do it online it silently rebuilds or copies the table instead of failing.`,
      span: st.operations[0].span,
      help: clause ? `Append ${clause} so the statement fails fast instead of locking.` : 'Append the strongest ALGORITHM/LOCK clause the change supports (ALGORITHM=INSTANT, or ALGORITHM=INPLACE, LOCK=NONE).',
      fixes,
    });
  },
};
