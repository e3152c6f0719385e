// Sessions that would make the statement wait for its metadata lock on the user's table: open
// transactions (information_schema.INNODB_TRX + PROCESSLIST) and, where the server can tell, the
// holders of a metadata lock on the table (performance_schema.metadata_locks, or MariaDB's
// METADATA_LOCK_INFO plugin). Each comes with the KILL the user could run; nothing is executed.
import type { Connection } from 'mysql2/promise';
import { errnoOf, errorText, type Link, type RowData } from './connection';
import type { Blocker } from './types';

/** a transaction still running a statement after this long is listed even without lock information */
const LONG_TRANSACTION_S = 10;

export interface Transaction {
  id: number;
  user: string;
  host: string;
  command: string;
  ageSeconds: number;
  statement: string | null;
}

export interface MdlHolder {
  id: number;
  user: string;
  host: string;
  lockType: string;
  statement: string | null;
}

export interface BlockerScan {
  /** per table (real name, as passed in) */
  byTable: Map<string, Blocker[]>;
  notes: string[];
}

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

async function transactions(link: Link, conn: Connection): Promise<Transaction[]> {
  const rows = await link.query(
    conn,
    `SELECT t.trx_mysql_thread_id AS id, p.USER AS user, p.HOST AS host, p.COMMAND AS command,
            TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) AS age, COALESCE(t.trx_query, p.INFO) AS q
       FROM information_schema.INNODB_TRX t
       LEFT JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
      WHERE t.trx_mysql_thread_id <> CONNECTION_ID()`,
  );
  return transactionsFrom(rows);
}

/** rows of the INNODB_TRX ⨝ PROCESSLIST query (columns id, user, host, command, age, q) → transactions */
export function transactionsFrom(rows: readonly RowData[]): Transaction[] {
  return rows.map((r) => ({ id: Number(r.id), user: String(r.user ?? ''), host: String(r.host ?? ''), command: String(r.command ?? ''), ageSeconds: Number(r.age ?? 0), statement: str(r.q) }));
}

/** `SELECT @@performance_schema AS ps`: MySQL 8.0 has it ON by default, MariaDB OFF */
export function performanceSchemaOn(rows: readonly RowData[]): boolean {
  return Number(rows[0]?.ps ?? 0) === 1;
}

/** the `wait/lock/metadata/sql/mdl` row of performance_schema.setup_instruments (column e = ENABLED): on by default in MySQL 8.0 */
export function mdlInstrumentEnabled(rows: readonly RowData[]): boolean {
  return String(rows[0]?.e ?? 'NO') === 'YES';
}

/** MDL holders per lower-cased table name, or undefined when the server cannot tell */
async function mdlHolders(link: Link, conn: Connection, flavor: 'mysql' | 'mariadb', tables: string[], notes: string[]): Promise<Map<string, MdlHolder[]> | undefined> {
  const db = link.database;
  const ps = await link.query(conn, 'SELECT @@performance_schema AS ps');
  const psOn = performanceSchemaOn(ps);
  if (psOn) {
    const instrument = await link.query(conn, "SELECT ENABLED AS e FROM performance_schema.setup_instruments WHERE NAME = 'wait/lock/metadata/sql/mdl'").catch(() => []);
    if (mdlInstrumentEnabled(instrument)) {
      const rows = await link.query(
        conn,
        `SELECT m.OBJECT_NAME AS t, th.PROCESSLIST_ID AS id, th.PROCESSLIST_USER AS user, th.PROCESSLIST_HOST AS host, m.LOCK_TYPE AS lt, th.PROCESSLIST_INFO AS q
           FROM performance_schema.metadata_locks m JOIN performance_schema.threads th ON th.THREAD_ID = m.OWNER_THREAD_ID
          WHERE m.OBJECT_TYPE = 'TABLE' AND m.OBJECT_SCHEMA = ? AND m.LOCK_STATUS = 'GRANTED' AND th.PROCESSLIST_ID <> CONNECTION_ID()`,
        [db],
      );
      return groupHolders(rows, tables);
    }
    notes.push(
      "performance_schema is ON but the metadata-lock instrument is off, so the holders of a table's metadata lock cannot be named; enable it with UPDATE performance_schema.setup_instruments SET ENABLED='YES', TIMED='YES' WHERE NAME = 'wait/lock/metadata/sql/mdl'. Open transactions are listed instead.",
    );
  } else if (flavor === 'mariadb') {
    notes.push(
      "performance_schema is OFF, so the holders of a table's metadata lock cannot be named; open transactions are listed instead. To see them: set performance_schema=ON in my.cnf (restart), then UPDATE performance_schema.setup_instruments SET ENABLED='YES', TIMED='YES' WHERE NAME = 'wait/lock/metadata/sql/mdl'.",
    );
  } else {
    notes.push('performance_schema is OFF, so the holders of metadata locks cannot be named; open transactions are listed instead (performance_schema=ON in my.cnf shows them).');
  }
  if (flavor === 'mariadb') {
    // the METADATA_LOCK_INFO plugin (INSTALL SONAME 'metadata_lock_info') lists granted MDLs
    try {
      const rows = await link.query(
        conn,
        `SELECT m.TABLE_NAME AS t, m.THREAD_ID AS id, p.USER AS user, p.HOST AS host, m.LOCK_MODE AS lt, p.INFO AS q
           FROM information_schema.METADATA_LOCK_INFO m LEFT JOIN information_schema.PROCESSLIST p ON p.ID = m.THREAD_ID
          WHERE m.TABLE_SCHEMA = ? AND m.THREAD_ID <> CONNECTION_ID()`,
        [db],
      );
      return groupHolders(rows, tables);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** rows of a metadata-lock query (columns t, id, user, host, lt, q) → holders per lower-cased table */
export function groupHolders(rows: readonly RowData[], tables: readonly string[]): Map<string, MdlHolder[]> {
  const out = new Map<string, MdlHolder[]>(tables.map((t) => [t.toLowerCase(), []]));
  for (const r of rows) {
    const list = out.get(String(r.t).toLowerCase());
    if (list) list.push({ id: Number(r.id), user: String(r.user ?? ''), host: String(r.host ?? ''), lockType: String(r.lt ?? '').replace(/^MDL_/, ''), statement: str(r.q) });
  }
  return out;
}

function killText(id: number): string {
  return `KILL ${id}`;
}

/** the blockers of each table; a missing privilege becomes a note, not a failure */
export async function findBlockers(link: Link, conn: Connection, flavor: 'mysql' | 'mariadb', tables: string[]): Promise<BlockerScan> {
  const notes: string[] = [];
  const byTable = new Map<string, Blocker[]>(tables.map((t) => [t, []]));
  let trx: Transaction[];
  try {
    trx = (await transactions(link, conn)).filter((t) => !link.ownIds.has(t.id));
  } catch (err) {
    const errno = errnoOf(err);
    notes.push(
      errno === 1227 || errno === 1142 || errno === 1044
        ? 'blockers not listed: the user needs the PROCESS privilege to read information_schema.INNODB_TRX and other sessions in the processlist'
        : `blockers not listed: ${errorText(err, link.secrets)}`,
    );
    return { byTable, notes };
  }
  let holders: Map<string, MdlHolder[]> | undefined;
  try {
    holders = await mdlHolders(link, conn, flavor, tables, notes);
  } catch (err) {
    notes.push(`metadata-lock holders not read: ${errorText(err, link.secrets)}`);
  }
  return { byTable: blockersFrom(tables, trx, holders, link.ownIds), notes };
}

/**
 * The blockers of each table from the open transactions (the run's own sessions already left out)
 * and the metadata-lock holders (undefined when the server cannot tell): holders first, then long
 * transactions; without holder information, every idle or long transaction.
 */
export function blockersFrom(tables: readonly string[], trx: readonly Transaction[], holders: Map<string, MdlHolder[]> | undefined, ownIds: ReadonlySet<number>): Map<string, Blocker[]> {
  const byTable = new Map<string, Blocker[]>();
  for (const table of tables) {
    const list: Blocker[] = [];
    const seen = new Set<number>();
    const own = holders?.get(table.toLowerCase());
    for (const h of own ?? []) {
      if (ownIds.has(h.id) || seen.has(h.id)) continue;
      seen.add(h.id);
      const t = trx.find((x) => x.id === h.id);
      list.push({
        connectionId: h.id,
        user: h.user,
        host: h.host,
        transactionAgeSeconds: t ? t.ageSeconds : null,
        lastStatement: h.statement ?? t?.statement ?? null,
        reason: `holds a metadata lock on the table (${h.lockType})${t && t.command === 'Sleep' ? `, idle in a transaction open for ${t.ageSeconds} s` : ''}`,
        kill: killText(h.id),
      });
    }
    for (const t of trx) {
      if (seen.has(t.id)) continue;
      const idle = t.command === 'Sleep';
      if (own !== undefined) {
        // the holders are known: other transactions matter only when long
        if (t.ageSeconds < LONG_TRANSACTION_S) continue;
        list.push({ connectionId: t.id, user: t.user, host: t.host, transactionAgeSeconds: t.ageSeconds, lastStatement: t.statement, reason: `long transaction (open ${t.ageSeconds} s${idle ? ', idle' : ''})`, kill: killText(t.id) });
        continue;
      }
      if (!idle && t.ageSeconds < LONG_TRANSACTION_S) continue;
      list.push({
        connectionId: t.id,
        user: t.user,
        host: t.host,
        transactionAgeSeconds: t.ageSeconds,
        lastStatement: t.statement,
        reason: `open transaction (may hold a metadata lock on the table)${idle ? `: a sleeping connection, transaction open for ${t.ageSeconds} s` : `: running for ${t.ageSeconds} s`}`,
        kill: killText(t.id),
      });
    }
    byTable.set(table, list);
  }
  return byTable;
}
