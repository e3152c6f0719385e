// large-table-rewrite: a rebuild or COPY of an existing table known to be larger than the threshold.
import { findTable } from '../catalog/lookup';
import { alterClauses, toolCommands } from '../fix/large-table-rewrite';
import { atLeast } from '../targets';
import { type Rule } from './rule';
import { ddlTables, displayTable, isExplicitRebuild, isMdlDdl, rewritesTable } from './util/lock-ddl';
import { ident } from './util/lock-text';

export const largeTableRewrite: Rule = {
  meta: {
    id: 'large-table-rewrite',
    defaultSeverity: 'error',
    classes: ['RB', 'LK'],
    description: 'A statement that rebuilds or copies an existing table whose known row count is above the large-table threshold.',
    fixable: false,
  },
  check(ctx) {
    const st = ctx.statement;
    if (!isMdlDdl(st) || st.kind === 'drop-table' || st.kind === 'truncate' || st.kind === 'rename-table') return;
    if (!rewritesTable(st, ctx.prediction, ctx.session.foreignKeyChecks)) return;
    const { tableRows, largeTableRows } = ctx.settings;
    for (const table of ddlTables(st)) {
      if (ctx.isNewTable(table)) continue;
      const rows = tableRows[table];
      if (rows === undefined || rows <= largeTableRows) continue;
      const ops = st.operations.filter((op) => op.table.toLowerCase() === table && op.kind !== 'create-table');
      const culprit = ops.find(isExplicitRebuild) ?? ops[0];
      const forcedCopy = st.ddlOptions.algorithm === 'COPY';
      const explicitLock = st.ddlOptions.lock === 'SHARED' || st.ddlOptions.lock === 'EXCLUSIVE';
      const how = forcedCopy ? 'ALGORITHM=COPY' : ctx.prediction ? `${ctx.prediction.algorithm}${ctx.prediction.rebuild && ctx.prediction.algorithm !== 'COPY' ? ' with a rebuild' : ''}, LOCK=${ctx.prediction.lock}` : 'rebuild';
      const onlineCopy = forcedCopy && st.ddlOptions.lock === 'NONE' && ctx.target.flavor === 'mariadb' && atLeast(ctx.target, 11, 2);
      const blocking = explicitLock || (forcedCopy && !onlineCopy) || (!forcedCopy && ctx.prediction !== null && (ctx.prediction.algorithm === 'COPY' || ctx.prediction.lock !== 'NONE'));
      const blocks = blocking ? 'writes are blocked for the whole run' : 'replicas lag behind for as long';
      const def = findTable(ctx.catalog, table);
      const referenced = [...ctx.catalog.tables.values()].some((t) => t.foreignKeys.some((fk) => fk.refTable.toLowerCase() === table));
      const own = ops.some((op) => op.kind === 'add-foreign-key') || (def?.foreignKeys.length ?? 0) > 0;
      const foreignKeys = referenced ? 'referenced' : own ? 'own' : 'none';
      const commands = toolCommands(ops[0]?.table ?? table, ops[0]?.schema, alterClauses(ctx.file.text, st, ops), ctx.target, foreignKeys);
      ctx.report({
        message: `This statement rewrites existing table ${ident(displayTable(st, table))} (${how}), which has about ${rows.toLocaleString('en-US')} rows (threshold ${largeTableRows.toLocaleString('en-US')}): rewriting that many rows takes hours, and ${blocks}.`,
        span: culprit?.span ?? st.span,
        help: `Run it with an online schema change tool instead: ${commands.join('  or  ')}`,
      });
    }
  },
};
