import { existingTableOps, type Rule } from './rule';
import { diffColumn, type VarcharChange } from './util/compat-column-diff';
import { reportGraded } from './util/compat-report';

function sizes(c: VarcharChange): string {
  const per = c.typeName === 'VARBINARY' ? '' : ` in ${c.charset}`;
  return `${c.typeName}(${c.fromChars}) to ${c.typeName}(${c.toChars}) (${c.fromBytes} to ${c.toBytes} bytes${per})`;
}

export const varcharLengthChange: Rule = {
  meta: {
    id: 'varchar-length-change',
    defaultSeverity: 'warning',
    classes: ['RB', 'LK', 'DL'],
    description: 'A VARCHAR length change that shrinks the column or crosses the 255-byte length-byte boundary, which copies the table (and may truncate data).',
    fixable: false,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      if (op.kind !== 'modify-column') continue;
      const change = diffColumn(ctx.catalog, op, ctx.target).varchar;
      if (!change) continue;
      const col = `${op.table}.${op.column}`;
      if (change.verdict === 'shrink') {
        reportGraded(ctx, {
          message: `Shrinking ${col} from ${sizes(change)} needs ALGORITHM=COPY, blocking writes for the whole copy, and longer values fail the ALTER (error 1406 in strict mode) or are truncated; the running app version may still write them.`,
          span: op.span,
          help: `Check MAX(CHAR_LENGTH(${op.column})), enforce the new limit in the app first, then shrink with an online-schema-change tool.`,
        }, 'error');
      } else if (change.verdict === 'cross-length-bytes') {
        const why = ctx.target.flavor === 'mariadb'
          ? 'MariaDB extends in place only within one length-byte class or from at most 127 bytes'
          : 'MySQL extends VARCHAR in place only while the number of length bytes stays the same';
        ctx.report({
          message: `Growing ${col} from ${sizes(change)} crosses the 255-byte boundary (1 → 2 length bytes): ${why}, so this is ALGORITHM=COPY and writes to ${op.table} are blocked for the whole copy.`,
          span: op.span,
          help: `Stay within the length-byte class (at most ${Math.floor(255 / Math.max(1, change.toBytes / change.toChars))} characters here), or run the change through an online-schema-change tool.`,
        });
      }
    }
  },
};
