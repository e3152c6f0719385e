// The dry-run's connections: URL parsing, the host allow-list, password scrubbing, timeouts and
// cancellation. Every connection a run opens is tracked here so an abort (or a broken run) can
// destroy them all, and so the blocker list can leave the run's own sessions out.
import mysql from 'mysql2/promise';
import type { Connection, ConnectionOptions, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { KNOWN_TARGETS, parseTarget, type Target } from '../engine';
import type { DryRunConnection } from './types';

export const DEFAULT_ALLOW_HOSTS = ['localhost', '127.0.0.1', '::1', '*.local', '*.test'];

/** a failure of the whole run (bad URL, refused host, unreachable server, cancelled, connection lost) */
export class DryRunError extends Error {
  constructor(
    message: string,
    readonly kind: 'usage' | 'refused-host' | 'connection' | 'cancelled' | 'privileges',
  ) {
    super(message);
    this.name = 'DryRunError';
  }
}

export interface ConnectionTarget {
  user: string;
  password?: string;
  host: string;
  port: number;
  database: string;
}

/** `mysql://user[:password]@host[:port]/db` (also `mariadb://`); throws DryRunError('usage') */
export function parseConnectionUrl(url: string): ConnectionTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    // not echoed: a malformed URL may hold a password where redactUrl cannot find it
    throw new DryRunError('invalid database URL: expected mysql://user[:password]@host[:port]/database', 'usage');
  }
  if (u.protocol !== 'mysql:' && u.protocol !== 'mariadb:') {
    throw new DryRunError(`invalid database URL scheme "${u.protocol}": use mysql://user@host[:port]/database`, 'usage');
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!u.hostname) throw new DryRunError('the database URL has no host: mysql://user@host[:port]/database', 'usage');
  if (!database || database.includes('/')) throw new DryRunError('the database URL names no database: mysql://user@host[:port]/database', 'usage');
  if (!u.username) throw new DryRunError('the database URL names no user: mysql://user@host[:port]/database', 'usage');
  const port = u.port ? Number(u.port) : 3306;
  // URL keeps IPv6 hosts in brackets
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  return { user: decodeURIComponent(u.username), password: u.password ? decodeURIComponent(u.password) : undefined, host, port, database };
}

/** a URL with its password (if any) replaced, for messages */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}

/** `text` with every secret (and its URL-encoded form) replaced by *** */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (!s) continue;
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join('***');
  }
  return out;
}

/** a deep copy of plain data with every string redacted */
export function redactDeep<T>(value: T, secrets: readonly (string | undefined)[]): T {
  if (!secrets.some((s) => s)) return value;
  return JSON.parse(redact(JSON.stringify(value), secrets.map((s) => (s ? JSON.stringify(s).slice(1, -1) : s)))) as T;
}

export function hostAllowed(host: string, allowHosts: readonly string[] = DEFAULT_ALLOW_HOSTS): boolean {
  const h = host.toLowerCase();
  return allowHosts.some((pattern) => {
    const p = pattern.toLowerCase();
    return p.startsWith('*.') ? h.endsWith(p.slice(1)) && h.length > p.length - 1 : h === p;
  });
}

/** the message of an error from mysql2 (errno + message), with secrets scrubbed */
export function errorText(err: unknown, secrets: readonly (string | undefined)[] = []): string {
  const e = err as { errno?: number; code?: string; sqlMessage?: string; message?: string };
  const text = e?.sqlMessage !== undefined ? `${e.errno ?? ''} ${e.sqlMessage}`.trim() : e?.message ?? String(err);
  return redact(text, secrets);
}

export function errnoOf(err: unknown): number | undefined {
  const n = (err as { errno?: unknown })?.errno;
  return typeof n === 'number' ? n : undefined;
}

export type Row = RowDataPacket;

/** one result row as plain data: what the row → fact conversions take (server rows, or recorded ones in tests) */
export type RowData = Readonly<Record<string, unknown>>;

/**
 * One dry-run's access to the server. `open()` gives a new tracked connection; `close()` destroys
 * them all. An abort signal destroys them at once, which makes every pending query fail.
 */
export class Link {
  readonly target: ConnectionTarget;
  readonly secrets: (string | undefined)[];
  private readonly options: ConnectionOptions;
  private readonly queryTimeoutMs: number;
  private readonly open_: Set<Connection> = new Set();
  private readonly ids: Set<number> = new Set();
  private abortListener?: () => void;

  constructor(
    connection: DryRunConnection,
    private readonly signal?: AbortSignal,
  ) {
    const target = parseConnectionUrl(connection.url);
    const password = connection.password ?? target.password;
    if (!connection.confirmedHost && !hostAllowed(target.host, connection.allowHosts)) {
      throw new DryRunError(
        `refusing to connect to ${target.host}: it is not in the dry-run's allow-list (${(connection.allowHosts ?? DEFAULT_ALLOW_HOSTS).join(', ')}). ` +
          'The dry-run is meant for a development database; confirm the host explicitly (CLI: --yes-remote-host) to go on.',
        'refused-host',
      );
    }
    this.target = { ...target, password };
    this.secrets = [password];
    this.queryTimeoutMs = connection.queryTimeoutMs ?? 30_000;
    this.options = {
      host: target.host,
      port: target.port,
      user: target.user,
      password: password ?? '',
      database: target.database,
      connectTimeout: connection.connectTimeoutMs ?? 5000,
      multipleStatements: false,
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: false,
      ssl: connection.tls ? { ca: connection.tls.ca, rejectUnauthorized: connection.tls.rejectUnauthorized ?? true } : undefined,
    };
    if (signal) {
      this.abortListener = () => this.destroyAll();
      signal.addEventListener('abort', this.abortListener, { once: true });
    }
  }

  get database(): string {
    return this.target.database;
  }

  /** the server thread ids of every connection this run opened (to leave them out of the blockers) */
  get ownIds(): ReadonlySet<number> {
    return this.ids;
  }

  checkAborted(): void {
    if (this.signal?.aborted) throw new DryRunError('the dry-run was cancelled', 'cancelled');
  }

  async open(): Promise<Connection> {
    this.checkAborted();
    let conn: Connection;
    try {
      conn = await mysql.createConnection(this.options);
    } catch (err) {
      this.checkAborted();
      throw new DryRunError(`cannot connect to ${this.target.host}:${this.target.port} as ${this.target.user}: ${errorText(err, this.secrets)}`, errnoOf(err) === 1044 || errnoOf(err) === 1045 ? 'privileges' : 'connection');
    }
    // a connection that breaks later emits 'error'; the pending query rejects on its own
    conn.on('error', () => undefined);
    this.open_.add(conn);
    this.ids.add(conn.threadId);
    if (this.signal?.aborted) {
      this.destroyAll();
      this.checkAborted();
    }
    return conn;
  }

  async query(conn: Connection, sql: string, values: unknown[] = [], timeoutMs = this.queryTimeoutMs): Promise<Row[]> {
    this.checkAborted();
    const [rows] = await conn.query<Row[]>({ sql, values, timeout: timeoutMs });
    return Array.isArray(rows) ? rows : [];
  }

  /** a statement whose result is an OK packet (DDL, DML): affected rows */
  async exec(conn: Connection, sql: string, timeoutMs = this.queryTimeoutMs): Promise<{ affectedRows: number; rows: Row[] }> {
    this.checkAborted();
    const [res] = await conn.query<ResultSetHeader | Row[]>({ sql, timeout: timeoutMs });
    return Array.isArray(res) ? { affectedRows: 0, rows: res } : { affectedRows: res.affectedRows, rows: [] };
  }

  /** a connection for the final cleanup: opened even after an abort */
  async openForCleanup(): Promise<Connection> {
    const conn = await mysql.createConnection(this.options);
    conn.on('error', () => undefined);
    this.open_.add(conn);
    this.ids.add(conn.threadId);
    return conn;
  }

  /** a query that ignores the abort signal (cleanup) */
  async raw(conn: Connection, sql: string, timeoutMs = 15_000): Promise<void> {
    await conn.query({ sql, timeout: timeoutMs });
  }

  /** destroys one connection (no round trip: a connection waiting on a lock must not be waited for) */
  drop(conn: Connection): void {
    if (!this.open_.delete(conn)) return;
    try {
      conn.destroy();
    } catch {
      // already gone
    }
  }

  destroyAll(): void {
    for (const conn of [...this.open_]) this.drop(conn);
  }

  close(): void {
    this.destroyAll();
    if (this.abortListener) this.signal?.removeEventListener('abort', this.abortListener);
  }
}

export interface ServerInfo {
  flavor: 'mysql' | 'mariadb';
  version: string;
  target: Target;
}

/** `SELECT VERSION()` → flavor, version and the nearest known prediction target */
export async function serverInfo(link: Link, conn: Connection): Promise<ServerInfo> {
  const rows = await link.query(conn, 'SELECT VERSION() AS v');
  const version = String(rows[0]?.v ?? '');
  const flavor = /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  return { flavor, version, target: targetFor(flavor, version) };
}

/** the known target label of the flavor at or below the version (else the lowest), with the server's patch level */
export function targetFor(flavor: 'mysql' | 'mariadb', version: string): Target {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
  const [major, minor, patch] = m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : [0, 0, 0];
  const known = KNOWN_TARGETS.filter((l) => l.startsWith(`${flavor}-`))
    .map((label) => ({ label, target: parseTarget(label) as Target }))
    .sort((a, b) => a.target.version[0] - b.target.version[0] || a.target.version[1] - b.target.version[1]);
  const below = known.filter((k) => k.target.version[0] < major || (k.target.version[0] === major && k.target.version[1] <= minor));
  const best = below.length > 0 ? below[below.length - 1] : known[0];
  const exact = best.target.version[0] === major && best.target.version[1] === minor;
  return (exact && parseTarget(`${best.label}.${patch}`)) || best.target;
}
