// table-rebuild: clauses whose purpose or unavoidable effect is rebuilding an existing table.
import { atLeast } from '../targets';
import type { Operation, Target } from '../types';
import { existingTableOps, type Rule } from './rule';
import { isExplicitRebuild, REBUILD_OPTIONS, toolNames } from './util/lock-ddl';
import { ident } from './util/lock-text';

export const tableRebuild: Rule = {
  meta: {
    id: 'table-rebuild',
    defaultSeverity: 'warning',
    classes: ['RB'],
    description: 'A clause that rebuilds an existing table: ENGINE=, FORCE, OPTIMIZE TABLE, ROW_FORMAT=, KEY_BLOCK_SIZE=, ENCRYPTION=, PARTITION BY, REMOVE PARTITIONING or a partition rebuild.',
    fixable: false,
  },
  check(ctx) {
    const instantAsked = ctx.statement.ddlOptions.algorithm === 'INSTANT' || ctx.statement.ddlOptions.algorithm === 'NOCOPY';
    for (const op of existingTableOps(ctx)) {
      if (!isExplicitRebuild(op)) continue;
      const effect = describe(op, ctx.target, instantAsked);
      if (!effect) continue;
      ctx.report({
        message: `${effect.what} on existing table ${ident(op.table)} ${effect.how}; on a big table that takes hours, lags replicas, and still needs an exclusive metadata lock at its start and end.`,
        span: op.span,
        help: `Run the rebuild with an online schema change tool (${toolNames(ctx.target)}) or off-peak, and only when it is really needed.`,
      });
    }
  },
};

function describe(op: Operation, target: Target, instantAsked: boolean): { what: string; how: string } | undefined {
  const inplace = 'rebuilds the whole table in place (concurrent DML allowed)';
  switch (op.kind) {
    case 'force':
      return { what: 'FORCE', how: inplace };
    case 'optimize-table':
      return { what: 'OPTIMIZE TABLE', how: `${inplace}: on InnoDB it is a recreate plus ANALYZE` };
    case 'table-options': {
      const keys = Object.keys(op.options).filter((k) => REBUILD_OPTIONS.includes(k.toUpperCase()));
      const engine = keys.find((k) => k.toUpperCase() === 'ENGINE');
      const engineValue = engine ? op.options[engine].toUpperCase() : undefined;
      // MySQL file-per-table ENCRYPTION= is not in place (the manual's Tablespace Operations row)
      const encryption = target.flavor === 'mysql' && keys.some((k) => k.toUpperCase() === 'ENCRYPTION');
      const how = engine && engineValue !== 'INNODB'
        ? `copies the table into the ${op.options[engine]} engine (ALGORITHM=COPY, writes blocked)`
        : encryption ? 'copies the whole table to encrypt or decrypt it (ALGORITHM=COPY, writes blocked)' : inplace;
      return { what: keys.map((k) => `${k.toUpperCase()}=${op.options[k]}`).join(', '), how };
    }
    case 'partition': {
      if (op.action === 'partition-by' || op.action === 'remove-partitioning') {
        const what = op.action === 'partition-by' ? 'PARTITION BY' : 'REMOVE PARTITIONING';
        const mariaNote = target.flavor === 'mariadb' && atLeast(target, 10, 0) && instantAsked ? ' (MariaDB accepts ALGORITHM=INSTANT/NOCOPY here and copies anyway)' : '';
        return { what, how: `copies every row into a new table (ALGORITHM=COPY), blocking writes for the whole copy${mariaNote}` };
      }
      if (op.action === 'optimize') return { what: 'OPTIMIZE PARTITION', how: 'rebuilds the whole table, not just the named partitions' };
      return { what: 'REBUILD PARTITION', how: 're-creates the named partitions with at least LOCK=SHARED (writes blocked)' };
    }
    default:
      return undefined;
  }
}
