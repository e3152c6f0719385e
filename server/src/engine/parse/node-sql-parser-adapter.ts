// node-sql-parser as the second reader, for statements the recogniser does not know. Loaded
// lazily and per dialect (`build/mysql` or `build/mariadb`): the all-dialect entry, or loading it
// for files the recogniser fully understands, would cost most of the CLI's start-up budget.
import type { Flavor, StatementKind } from '../types';

interface NspParser {
  parse(sql: string, options: { database: string }): { tableList: string[]; ast: unknown };
}

interface NspModule {
  Parser?: new () => NspParser;
  default?: { Parser?: new () => NspParser };
}

const parsers: Partial<Record<Flavor, NspParser | null>> = {};

function parserFor(flavor: Flavor): NspParser | null {
  const cached = parsers[flavor];
  if (cached !== undefined) return cached;
  let parser: NspParser | null = null;
  try {
    // static specifiers so bundlers include exactly these two builds
    const mod = (flavor === 'mariadb' ? require('node-sql-parser/build/mariadb') : require('node-sql-parser/build/mysql')) as NspModule;
    const Ctor = mod.Parser ?? mod.default?.Parser;
    parser = Ctor ? new Ctor() : null;
  } catch {
    parser = null;
  }
  parsers[flavor] = parser;
  return parser;
}

export type NspResult = { ok: true; kind: StatementKind; tables: string[] } | { ok: false; error: string };

/** statements longer than this are not given to node-sql-parser (its backtracking can take seconds) */
const MAX_LENGTH = 20_000;

export function parseWithNodeSqlParser(sql: string, flavor: Flavor): NspResult {
  if (sql.length > MAX_LENGTH) return { ok: false, error: 'statement too long for the fallback parser' };
  const parser = parserFor(flavor);
  if (!parser) return { ok: false, error: 'node-sql-parser is not available' };
  try {
    const { tableList, ast } = parser.parse(sql, { database: flavor === 'mariadb' ? 'MariaDB' : 'MySQL' });
    const first = (Array.isArray(ast) ? ast[0] : ast) as { type?: string; keyword?: string } | undefined;
    const tables = [...new Set(tableList.map((entry) => (entry.split('::')[2] ?? '').toLowerCase()).filter(Boolean))];
    return { ok: true, kind: kindOf(first), tables };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: shorten(message) };
  }
}

function kindOf(ast: { type?: string; keyword?: string } | undefined): StatementKind {
  const type = ast?.type ?? '';
  const keyword = (ast?.keyword ?? '').toLowerCase();
  switch (type) {
    case 'select':
      return 'select';
    case 'insert':
    case 'replace':
      return 'insert';
    case 'update':
      return 'update';
    case 'delete':
      return 'delete';
    case 'set':
      return 'set';
    case 'use':
      return 'use';
    case 'truncate':
      return 'truncate';
    case 'rename':
      return 'rename-table';
    case 'call':
      return 'call';
    case 'lock':
    case 'unlock':
      return 'lock-tables';
    case 'transaction':
      return 'transaction';
    case 'alter':
      return keyword === 'table' || keyword === '' ? 'alter-table' : 'other';
    case 'create':
      if (keyword === 'table') return 'create-table';
      if (keyword === 'index') return 'create-index';
      if (keyword === 'view') return 'create-view';
      if (keyword === 'database' || keyword === 'schema') return 'create-database';
      if (keyword === 'trigger' || keyword === 'procedure' || keyword === 'function' || keyword === 'event') return 'create-routine';
      return 'other';
    case 'drop':
      if (keyword === 'table') return 'drop-table';
      if (keyword === 'index') return 'drop-index';
      if (keyword === 'view') return 'drop-view';
      if (keyword === 'database' || keyword === 'schema') return 'drop-database';
      return 'other';
    default:
      return 'other';
  }
}

function shorten(message: string): string {
  const line = message.split('\n')[0];
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
