import { columnCharset, findTable } from '../catalog/lookup';
import { charsetOfCollation, isCharacterType } from '../catalog/charsets';
import { fix, insertAt } from '../fix/edits';
import type { ColumnDef, Fix, Operation, TableDef } from '../types';
import { existingTableOps, type Rule, type RuleContext } from './rule';
import { diffColumn, type CharsetChange, type ModifyOp } from './util/compat-column-diff';
import { listNames, reportGraded } from './util/compat-report';
import { maskQuoted } from './util/compat-sql';

type ConvertOp = Extract<Operation, { kind: 'convert-charset' }>;
type OptionsOp = Extract<Operation, { kind: 'table-options' }>;

function norm(charset: string): string {
  const c = charset.toLowerCase();
  return c === 'utf8' ? 'utf8mb3' : c;
}

/** MariaDB converts utf8mb3 → utf8mb4 instantly (measured); everything else rebuilds or copies */
function instantOnTarget(ctx: RuleContext, from: string, to: string): boolean {
  return ctx.target.flavor === 'mariadb' && from === 'utf8mb3' && to === 'utf8mb4';
}

function costText(ctx: RuleContext, from: string, to: string, column: boolean): string {
  if (instantOnTarget(ctx, from, to)) return 'MariaDB converts utf8mb3 to utf8mb4 instantly, but the wider characters can push indexed columns past the index length limit';
  if (ctx.target.flavor === 'mariadb') return 'MariaDB needs ALGORITHM=COPY for it, blocking writes for the whole copy';
  return column
    ? 'MySQL treats a column charset change as a type change: ALGORITHM=COPY, blocking writes for the whole copy'
    : 'MySQL rebuilds the table for it without permitting concurrent writes';
}

const INSTANT_HELP = 'Check that indexed columns still fit the index length limit with 4 bytes per character before converting.';

function uniqueNote(table: TableDef | undefined, columns: readonly string[]): string {
  const names = new Set(columns.map((c) => c.toLowerCase()));
  const unique = table?.indexes.filter((i) => (i.kind === 'unique' || i.kind === 'primary') && i.columns.some((c) => names.has(c.name.toLowerCase()))) ?? [];
  if (unique.length === 0) return '';
  return ` Unique key ${unique.map((i) => i.name ?? 'PRIMARY').join(', ')} compares under the new collation: values that become equal fail the change (1062) and lookups by the running app version may match differently.`;
}

/** inserts the column's current CHARACTER SET right after the data type of the MODIFY/CHANGE */
function keepCharsetFix(ctx: RuleContext, op: ModifyOp, charset: string): Fix[] {
  const span = op.def.span;
  const typeText = op.def.type.text?.trim();
  if (!span || !typeText) return [];
  const masked = maskQuoted(ctx.file.text.slice(span.start, span.end)).toLowerCase();
  const at = masked.indexOf(typeText.toLowerCase());
  if (at < 0) return [];
  return [fix(`Keep CHARACTER SET ${charset}`, [insertAt(span.start + at + typeText.length, ` CHARACTER SET ${charset}`)], true)];
}

function checkModify(ctx: RuleContext, op: ModifyOp): void {
  const diff = diffColumn(ctx.catalog, op, ctx.target);
  const change: CharsetChange | undefined = diff.charset;
  if (!change) return;
  const col = `${op.table}.${op.column}`;
  const what = change.fromCharset !== change.toCharset
    ? `from ${change.fromCharset} to ${change.toCharset}${change.implicit ? ' (the MODIFY names no CHARACTER SET, so the column silently takes the table default)' : ''}`
    : `collation from ${change.fromCollation} to ${change.toCollation}`;
  const cost = change.fromCharset !== change.toCharset ? `${costText(ctx, change.fromCharset, change.toCharset, true)}.` : 'A collation change alters equality and sort order.';
  reportGraded(ctx, {
    message: `This ${op.via === 'change' ? 'CHANGE' : 'MODIFY'} converts ${col} ${what}. ${cost}${uniqueNote(diff.table, [op.column])}`,
    span: op.span,
    help: instantOnTarget(ctx, change.fromCharset, change.toCharset)
      ? INSTANT_HELP
      : change.implicit
      ? `Write the column's current CHARACTER SET ${change.fromCharset} in the MODIFY if it should not change; otherwise run the conversion through an online-schema-change tool.`
      : 'Run the conversion through an online-schema-change tool and check unique keys for values that collide under the new collation.',
    fixes: change.implicit && change.fromCharset !== change.toCharset ? keepCharsetFix(ctx, op, change.fromCharset) : [],
  }, instantOnTarget(ctx, change.fromCharset, change.toCharset) ? 'info' : undefined);
}

/** character columns whose charset or collation the conversion really changes */
function changedColumns(table: TableDef, charset: string, collation: string | undefined): ColumnDef[] {
  return table.columns.filter((c) => {
    if (!isCharacterType(c.type)) return false;
    if (norm(columnCharset(table, c)) !== charset) return true;
    return collation !== undefined && c.type.collation !== undefined && c.type.collation.toLowerCase() !== collation.toLowerCase();
  });
}

function checkConvert(ctx: RuleContext, op: ConvertOp): void {
  const table = findTable(ctx.catalog, op.table);
  const charset = norm(op.charset.toUpperCase() === 'DEFAULT' ? table?.options.CHARSET ?? op.charset : op.charset);
  if (!table) {
    reportGraded(ctx, {
      message: `CONVERT TO CHARACTER SET ${charset} on ${op.table}: Lockstep does not know the table's columns (no earlier migration creates it), so it could not tell which columns change; any column in another character set is rewritten and the table rebuilt.`,
      span: op.span,
      help: 'Make sure the earlier migrations are in the workspace (or connect a database) so Lockstep knows the current column definitions.',
    }, 'info');
    return;
  }
  const changed = changedColumns(table, charset, op.collation);
  if (changed.length === 0) return;
  const froms = [...new Set(changed.map((c) => norm(columnCharset(table, c))))];
  const allInstant = froms.every((f) => instantOnTarget(ctx, f, charset));
  reportGraded(ctx, {
    message: `CONVERT TO CHARACTER SET ${charset} rewrites ${listNames(changed.map((c) => c.name))} of ${op.table} (now ${froms.join(', ')}). ${froms.map((f) => costText(ctx, f, charset, false)).filter((v, i, a) => a.indexOf(v) === i).join('; ')}.${uniqueNote(table, changed.map((c) => c.name))}`,
    span: op.span,
    help: allInstant ? INSTANT_HELP : 'Run the conversion through an online-schema-change tool, and check unique keys for values that collide under the new collation.',
  }, allInstant ? 'info' : undefined);
}

/** `ALTER TABLE t DEFAULT CHARSET=x` alone converts nothing: say so when existing columns keep another charset */
function checkDefaultCharset(ctx: RuleContext, op: OptionsOp): void {
  const raw = op.options.CHARSET ?? charsetOfCollation(op.options.COLLATE);
  if (!raw || ctx.statement.operations.some((o) => o.kind === 'convert-charset')) return;
  const table = findTable(ctx.catalog, op.table);
  if (!table) return;
  const charset = norm(raw);
  const keep = table.columns.filter((c) => isCharacterType(c.type) && norm(columnCharset(table, c)) !== charset);
  if (keep.length === 0) return;
  reportGraded(ctx, {
    message: `DEFAULT CHARSET=${charset} on ${op.table} only changes the default for new columns: the existing columns ${listNames(keep.map((c) => c.name))} keep their current character set.`,
    span: op.span,
    help: `Use CONVERT TO CHARACTER SET ${charset} (through an online-schema-change tool on big tables) if the existing columns should change too.`,
  }, 'info');
}

export const charsetConversion: Rule = {
  meta: {
    id: 'charset-conversion',
    defaultSeverity: 'warning',
    classes: ['RB', 'BC'],
    description: 'A character set or collation conversion of existing columns (CONVERT TO CHARACTER SET, or a column charset or collation change), naming the columns that really change.',
    fixable: true,
  },
  check(ctx) {
    for (const op of existingTableOps(ctx)) {
      if (op.kind === 'modify-column') checkModify(ctx, op);
      else if (op.kind === 'convert-charset') checkConvert(ctx, op);
      else if (op.kind === 'table-options') checkDefaultCharset(ctx, op);
    }
  },
};
