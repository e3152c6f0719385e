// missing-lock-wait-timeout: DDL on an existing table with no short lock_wait_timeout in force
// (and no MariaDB WAIT n / NOWAIT). Reported once per file, at the first such statement.
import { fix, insertLineBefore } from '../fix/edits';
import { nextSession, initialSession } from '../session';
import { atLeast } from '../targets';
import type { Fix, SessionState, Statement, Target } from '../types';
import { type Rule, type RuleContext } from './rule';
import { ddlTables, displayTable, isMdlDdl, topLevelOf } from './util/lock-ddl';
import { delimiterAfter, findInSpan, ident } from './util/lock-text';
import { isOnlyCreateGuards } from './util/recreate';

/** a lock_wait_timeout above this many seconds does not bound the metadata-lock queue usefully */
const MAX_LOCK_WAIT_SECONDS = 60;
const SUGGESTED_SECONDS = 5;

export const missingLockWaitTimeout: Rule = {
  meta: {
    id: 'missing-lock-wait-timeout',
    defaultSeverity: 'warning',
    classes: ['LK'],
    description: 'DDL on an existing table with no short lock_wait_timeout set before it (nor MariaDB WAIT or NOWAIT), so a metadata-lock wait can stall every query on the table.',
    fixable: true,
  },
  check(ctx) {
    const st = ctx.statement;
    const createdHere = new Set<string>();
    const isNew = (name: string): boolean => ctx.isNewTable(name) || createdHere.has(name.toLowerCase());
    // `DROP TABLE IF EXISTS t` before a CREATE TABLE t, t unknown to the catalog: nothing to wait for
    const locks = (other: Statement, session: SessionState): boolean =>
      offending(other, session, isNew, ctx.target) && !isOnlyCreateGuards(other, ctx.statements, ctx.catalog);
    if (!locks(st, ctx.session)) return;
    // only the first offending statement of the file reports; the fix covers the whole file
    let session = initialSession();
    let later = 0;
    for (const other of ctx.statements) {
      if (other === st) break;
      if (locks(other, session)) return;
      for (const op of other.operations) if (op.kind === 'create-table') createdHere.add(op.table.toLowerCase());
      session = nextSession(session, other);
    }
    // the tables this statement locks, before the scan below learns about tables created after it
    const tables = lockedExisting(st, isNew, ctx.target);
    if (tables.length === 0) return;
    session = ctx.session;
    for (const other of ctx.statements.slice(ctx.statements.indexOf(st) + 1)) {
      for (const op of other.operations) if (op.kind === 'create-table') createdHere.add(op.table.toLowerCase());
      if (locks(other, session)) later++;
      session = nextSession(session, other);
    }
    const changed = isMdlDdl(st) && ddlTables(st).includes(tables[0]);
    const shown = ident(displayTable(st, tables[0]));
    const subject = changed ? `DDL on existing table ${shown}` : `This statement references existing table ${shown} in a foreign key, so MySQL locks it too: it`;
    const current = ctx.session.lockWaitTimeout;
    const setting = current === undefined ? `no lock_wait_timeout is set (the default is ${ctx.target.flavor === 'mysql' ? '31536000 s, a year' : '86400 s, a day'})` : `lock_wait_timeout is ${current} s`;
    const more = later > 0 ? ` (${later} later DDL statement${later > 1 ? 's' : ''} in this file run${later > 1 ? '' : 's'} under the same setting)` : '';
    ctx.report({
      message: `${subject} waits for an exclusive metadata lock behind any open transaction on it, and while it waits every later query on the table queues behind it; ${setting}${more}.`,
      span: changed ? headSpan(ctx) : fkSpan(st, tables[0]) ?? headSpan(ctx),
      help: `Put SET SESSION lock_wait_timeout = ${SUGGESTED_SECONDS}; before the first DDL of the file and retry the migration when it fails with error 1205.`,
      fixes: fixesFor(ctx),
    });
  },
};

/** DDL on an existing table, not bounded by a short session timeout nor by its own WAIT/NOWAIT */
function offending(st: Statement, session: SessionState, isNew: (name: string) => boolean, target: Target): boolean {
  if (st.ddlOptions.wait) return false;
  if (session.lockWaitTimeout !== undefined && session.lockWaitTimeout <= MAX_LOCK_WAIT_SECONDS) return false;
  return lockedExisting(st, isNew, target).length > 0;
}

/**
 * The existing tables whose metadata lock the statement needs: the tables a DDL changes, and on
 * MySQL 8+ also the parents of foreign keys it creates (MySQL locks FK parents exclusively since
 * 8.0; MariaDB 10.11 was measured not to wait on the parent).
 */
function lockedExisting(st: Statement, isNew: (name: string) => boolean, target: Target): string[] {
  if (!st.analyzed) return [];
  const names = isMdlDdl(st) ? ddlTables(st).filter((t) => !isNew(t)) : [];
  if (target.flavor === 'mysql' && atLeast(target, 8)) {
    for (const op of st.operations) {
      const fks = op.kind === 'create-table' ? op.foreignKeys : op.kind === 'add-foreign-key' ? [op.fk] : [];
      for (const fk of fks) {
        const parent = fk.refTable.toLowerCase();
        if (parent !== op.table.toLowerCase() && !isNew(parent) && !names.includes(parent)) names.push(parent);
      }
    }
  }
  return names;
}

/** the statement's leading keywords (`ALTER TABLE t`), or the whole statement */
function headSpan(ctx: RuleContext): Statement['span'] {
  const st = ctx.statement;
  const first = st.operations.length > 0 ? Math.min(...st.operations.map((op) => op.span.start)) : st.span.end;
  const head = findInSpan(ctx.file.text, { start: st.span.start, end: Math.max(st.span.start, first) }, /\S(.*\S)?/s).pop();
  return head && head.end > head.start ? head : st.span;
}

function fkSpan(st: Statement, parent: string): Statement['span'] | undefined {
  for (const op of st.operations) {
    const fks = op.kind === 'create-table' ? op.foreignKeys : op.kind === 'add-foreign-key' ? [op.fk] : [];
    const fk = fks.find((f) => f.refTable.toLowerCase() === parent);
    if (fk) return fk.span ?? op.span;
  }
  return undefined;
}

function fixesFor(ctx: RuleContext): Fix[] {
  const text = ctx.file.text;
  const container = topLevelOf(ctx.statements, ctx.statement);
  const delimiter = delimiterAfter(text, container);
  const fixes: Fix[] = [fix(`Set lock_wait_timeout = ${SUGGESTED_SECONDS} s for this session before the first DDL`, [insertLineBefore(text, container, `SET SESSION lock_wait_timeout = ${SUGGESTED_SECONDS}${delimiter}`)], true)];
  const st = ctx.statement;
  if (ctx.target.flavor === 'mariadb' && st.kind === 'alter-table') {
    const name = findInSpan(text, st.span, /^\s*ALTER\s+(ONLINE\s+)?(IGNORE\s+)?TABLE\s+(IF\s+EXISTS\s+)?(`[^`]*`|[\w$]+)(\s*\.\s*(`[^`]*`|[\w$]+))?/i)[0];
    if (name) {
      const at = { start: name.end, end: name.end };
      fixes.push(fix(`Add WAIT ${SUGGESTED_SECONDS} to this ALTER (MariaDB)`, [{ span: at, newText: ` WAIT ${SUGGESTED_SECONDS}` }]));
      fixes.push(fix('Add NOWAIT to this ALTER (MariaDB)', [{ span: at, newText: ' NOWAIT' }]));
    }
  }
  return fixes;
}
