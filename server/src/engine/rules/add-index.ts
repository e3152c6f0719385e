// add-index: a secondary index built on an existing table (long build, MDL at start and end;
// FULLTEXT/SPATIAL block writes; bundling with ADD COLUMN forces a rebuild).
import { findTable } from '../catalog/lookup';
import { splitAlter } from '../fix/add-index';
import { appendAlterClause, fix, insertAt } from '../fix/edits';
import { predict } from '../kb/predict';
import { atLeast } from '../targets';
import type { Fix, Operation, Prediction, Statement, Target } from '../types';
import { existingTableOps, type Rule, type RuleContext } from './rule';
import { shortReason } from './util/lock-ddl';
import { ident } from './util/lock-text';

type AddIndexOp = Extract<Operation, { kind: 'add-index' }>;

const ONLINE = 'ALGORITHM=INPLACE, LOCK=NONE';

export const addIndex: Rule = {
  meta: {
    id: 'add-index',
    defaultSeverity: 'warning',
    classes: ['LK'],
    description: 'A secondary index added to an existing table without asserting LOCK=NONE, a FULLTEXT or SPATIAL index that blocks writes, or an index bundled with ADD COLUMN that costs the instant add.',
    fixable: true,
  },
  check(ctx) {
    const st = ctx.statement;
    if (st.kind !== 'alter-table' && st.kind !== 'create-index') return;
    const ops = existingTableOps(ctx);
    // UNIQUE indexes are reported by add-unique-index, primary keys by primary-key-change
    const indexOps = ops.filter((op): op is AddIndexOp => op.kind === 'add-index' && op.index.kind !== 'primary' && op.index.kind !== 'unique');
    if (indexOps.length === 0) return;
    const blocking = indexOps.filter((op) => op.index.kind === 'fulltext' || op.index.kind === 'spatial');
    for (const op of blocking) reportBlocking(ctx, op);
    const plain = indexOps.filter((op) => op.index.kind === 'index');
    if (plain.length === 0) return;
    if (reportBundled(ctx, plain, blocking.length === 0)) return;
    reportUnasserted(ctx, plain, blocking.length === 0);
  },
};

function indexName(op: AddIndexOp): string {
  return op.index.name ? ident(op.index.name) : `on (${op.index.columns.map((c) => c.expression ?? c.name).join(', ')})`;
}

function reportBlocking(ctx: RuleContext, op: AddIndexOp): void {
  const kind = op.index.kind === 'fulltext' ? 'FULLTEXT' : 'SPATIAL';
  const table = findTable(ctx.catalog, op.table);
  const firstFulltext = kind === 'FULLTEXT' && table !== undefined && !table.indexes.some((i) => i.kind === 'fulltext');
  const rebuild = firstFulltext ? ', and as the first FULLTEXT index of the table it also rebuilds the table to add the hidden FTS_DOC_ID column' : '';
  ctx.report({
    message: `${kind} index ${indexName(op)} on existing table ${ident(op.table)} cannot be built with LOCK=NONE: writes to the table are blocked (LOCK=SHARED) for the whole build${rebuild}.`,
    span: op.span,
    help: 'Build it with an online schema change tool (gh-ost, pt-online-schema-change) or in a maintenance window, one such index per statement.',
  });
}

/** the prediction for the statement's index clauses alone, so that other clauses' locks are not blamed on the index */
function indexOnlyPrediction(ctx: RuleContext, ops: readonly Operation[]): Prediction | null {
  const st = ctx.statement;
  if (ops.length === st.operations.length) return ctx.prediction;
  return predict({ ...st, operations: [...ops] }, ctx.catalog, ctx.target, ctx.session);
}

/** the statement's algorithm/lock clauses leave room for asserting an online build */
function assertableAlgorithm(st: Statement): boolean {
  const a = st.ddlOptions.algorithm;
  return a === undefined || a === 'DEFAULT' || a === 'INPLACE' || a === 'NOCOPY';
}

function reportUnasserted(ctx: RuleContext, plain: AddIndexOp[], fixable: boolean): void {
  const st = ctx.statement;
  if (st.ddlOptions.lock !== undefined || st.ddlOptions.online) return; // an explicit LOCK is judged by locking-algorithm
  if (!assertableAlgorithm(st)) return;
  const names = plain.map(indexName).join(', ');
  const what = plain.length > 1 ? `indexes ${names}` : `index ${names}`;
  const p = indexOnlyPrediction(ctx, plain);
  if (p && p.lock !== 'NONE') {
    ctx.report({
      message: `Adding ${what} to existing table ${ident(plain[0].table)} cannot run with LOCK=NONE here (${shortReason(p)}): writes to the table are blocked for the whole build.`,
      span: plain[0].span,
      help: 'Build the index with an online schema change tool (pt-online-schema-change handles foreign keys) or in a maintenance window.',
    });
    return;
  }
  // another clause of the statement (a COPY-only change, ENGINE=, …) rules out LOCK=NONE: the rules
  // for that clause report it, and asserting LOCK=NONE would only make the statement fail
  if (ctx.prediction && ctx.prediction.lock !== 'NONE') return;
  const clause = st.ddlOptions.algorithm && st.ddlOptions.algorithm !== 'DEFAULT' ? 'LOCK=NONE' : ONLINE;
  const text = st.kind === 'alter-table' ? clause : clause.replace(', ', ' ');
  const fixes: Fix[] = [];
  if (fixable) {
    const edit = st.kind === 'alter-table' ? appendAlterClause(st, text) : insertAt(st.span.end, ` ${text}`);
    fixes.push(fix(`Assert an online build: ${text}`, [edit], true));
  }
  const several = plain.length > 1 ? ' Build one index per statement so each one can fail or be retried on its own.' : '';
  ctx.report({
    message: `Adding ${what} to existing table ${ident(plain[0].table)} reads the whole table and takes an exclusive metadata lock at its start and end; without LOCK=NONE nothing stops the server from blocking writes.${several}`,
    span: plain[0].span,
    help: `Append ${text} so the statement fails instead of blocking writes, set a short lock_wait_timeout, and use an online schema change tool on big tables.`,
    fixes,
  });
}

/** ADD COLUMN that the target could add instantly when alone in its statement */
function instantEligibleAdd(op: Operation, target: Target): boolean {
  if (op.kind !== 'add-column') return false;
  if (op.column.autoIncrement || op.column.generated?.stored) return false;
  if (op.column.default?.kind === 'expression' && op.column.default.volatile) return false;
  if (target.flavor === 'mysql' && op.position && !atLeast(target, 8, 0, 29)) return false;
  return true;
}

function instantAddSupported(target: Target): boolean {
  return target.flavor === 'mysql' ? atLeast(target, 8, 0, 12) : atLeast(target, 10, 3);
}

function reportBundled(ctx: RuleContext, plain: AddIndexOp[], fixable: boolean): boolean {
  const st = ctx.statement;
  if (st.kind !== 'alter-table' || !instantAddSupported(ctx.target)) return false;
  const table = findTable(ctx.catalog, plain[0].table);
  if (table?.indexes.some((i) => i.kind === 'fulltext')) return false; // ADD COLUMN is not instant there anyway
  const adds = st.operations.filter((op) => instantEligibleAdd(op, ctx.target));
  if (adds.length === 0) return false;
  const columns = adds.map((op) => (op.kind === 'add-column' ? ident(op.column.name) : '')).join(', ');
  const fixes: Fix[] = [];
  if (fixable) {
    const indexOps = st.operations.filter((op) => op.kind === 'add-index');
    const rest = st.operations.filter((op) => op.kind !== 'add-index');
    const own = indexOnlyPrediction(ctx, indexOps);
    const online = !own || own.lock === 'NONE' ? ONLINE : 'ALGORITHM=INPLACE';
    const edit = splitAlter(ctx.file.text, st, [{ ops: rest }, { ops: indexOps, options: online }]);
    if (edit) fixes.push(fix('Split into ADD COLUMN and a separate online ADD INDEX statement', [edit], true));
  }
  ctx.report({
    message: `Index ${plain.map(indexName).join(', ')} is added in the same ALTER as column ${columns} on existing table ${ident(plain[0].table)}: the index build makes the column add lose INSTANT, so the whole table is rebuilt.`,
    span: plain[0].span,
    help: `Add the column in one statement and the index in the next, with ${ONLINE}.`,
    fixes,
  });
  return true;
}
