import type { Rule } from './rule';

const ACK = 'If it is intended, archive the data first and acknowledge it with an ignore comment that gives the reason (-- lockstep-disable-next-line destructive-statement -- reason).';

/** the database name of `DROP DATABASE|SCHEMA [IF EXISTS] name` */
function droppedDatabase(sql: string): string {
  const m = /\bDROP\s+(?:DATABASE|SCHEMA)\s+(?:IF\s+EXISTS\s+)?(`[^`]+`|[\w$]+)/i.exec(sql);
  return m ? `database ${m[1].replace(/`/g, '')}` : 'the database';
}

export const destructiveStatement: Rule = {
  meta: {
    id: 'destructive-statement',
    defaultSeverity: 'error',
    classes: ['DL'],
    description: 'A statement that deletes data wholesale: TRUNCATE TABLE, DROP DATABASE or SCHEMA, DROP PARTITION and TRUNCATE PARTITION.',
    fixable: false,
  },
  check(ctx) {
    const st = ctx.statement;
    if (st.kind === 'drop-database') {
      ctx.report({
        message: `DROP DATABASE deletes ${droppedDatabase(st.sql)} with every table and row in it.`,
        span: st.span,
        help: ACK,
      });
      return;
    }
    for (const op of st.operations) {
      if (ctx.isNewTable(op.table)) continue;
      if (op.kind === 'truncate-table') {
        ctx.report({
          message: `TRUNCATE deletes every row of ${op.table} at once (it drops and re-creates the table, cannot be rolled back and ignores DELETE triggers).`,
          span: op.span,
          help: ACK,
        });
      } else if (op.kind === 'partition' && (op.action === 'drop' || op.action === 'truncate')) {
        const names = op.names ?? [];
        const all = names.some((n) => n.toUpperCase() === 'ALL');
        const where = all ? 'every partition' : names.length > 1 ? 'those partitions' : 'that partition';
        ctx.report({
          message: `${op.action === 'drop' ? 'DROP' : 'TRUNCATE'} PARTITION${names.length ? ` ${names.join(', ')}` : ''} deletes every row stored in ${where} of ${op.table}.`,
          span: op.span,
          help: ACK,
        });
      }
    }
  },
};
