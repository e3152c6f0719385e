// Statements other than ALTER TABLE / CREATE TABLE: indexes, drops, renames, SET, DML, and the
// verbs that only need a kind (transactions, grants, SHOW…).
import type { DdlOptions, DmlInfo, IndexDef, IndexKind, Operation, Span, VariableAssignment } from '../../types';
import { Cursor, splitTopLevel } from '../cursor';
import { ALGORITHMS, LOCKS } from './ddl-options';
import { applyIndexOptions, indexColumns } from './index-def';
import type { Recognized } from './result';
import { recognized } from './result';
import type { StatementSource } from './source';
import { sourceText, tableKey } from './source';

function wholeSpan(src: StatementSource): Span {
  return { start: src.tokens[0].start, end: src.tokens[src.tokens.length - 1].end };
}

function withSchema(schema: string | undefined): { schema?: string } {
  return schema ? { schema } : {};
}


/** ALGORITHM [=] x / LOCK [=] x trailing a CREATE/DROP INDEX */
function trailingDdlOptions(c: Cursor, out: Recognized): void {
  while (!c.done) {
    const start = c.pos;
    if (c.acceptPunct(',')) continue;
    const w = c.word();
    if (w === 'ALGORITHM' || w === 'LOCK') {
      c.next();
      c.acceptEquals();
      const value = c.word();
      c.next();
      const span = c.spanFrom(start);
      if (w === 'ALGORITHM' && ALGORITHMS.has(value)) {
        out.ddlOptions.algorithm = value as NonNullable<DdlOptions['algorithm']>;
        out.ddlOptions.algorithmSpan = span;
      } else if (w === 'LOCK' && LOCKS.has(value)) {
        out.ddlOptions.lock = value as NonNullable<DdlOptions['lock']>;
        out.ddlOptions.lockSpan = span;
      } else out.problems.push(`unknown ${w} value '${value}'`);
    } else if (c.accept('NOWAIT')) out.ddlOptions.wait = { nowait: true };
    else if (w === 'WAIT' && c.peek(1)?.kind === 'number') {
      out.ddlOptions.wait = { seconds: Number(c.peek(1)?.value) };
      c.pos += 2;
    } else c.next();
  }
}

/** CREATE [ONLINE|OFFLINE] [UNIQUE|FULLTEXT|SPATIAL] INDEX [IF NOT EXISTS] i [USING …] ON t (cols) [options] */
export function recognizeCreateIndex(src: StatementSource): Recognized | undefined {
  const c = new Cursor(src.tokens);
  if (!c.accept('CREATE')) return undefined;
  c.accept('OR', 'REPLACE');
  const ddlOnline = c.accept('ONLINE');
  c.accept('OFFLINE');
  const kindWord = c.word();
  const kind: IndexKind = kindWord === 'UNIQUE' ? 'unique' : kindWord === 'FULLTEXT' ? 'fulltext' : kindWord === 'SPATIAL' ? 'spatial' : 'index';
  if (kind !== 'index') c.next();
  if (!c.accept('INDEX')) return undefined;
  const ifNotExists = c.acceptIfNotExists();
  const name = c.identifier();
  if (name === undefined) return undefined;
  if (c.accept('USING') || c.accept('TYPE')) c.next();
  if (!c.accept('ON')) return undefined;
  const table = c.qualifiedName();
  if (!table || !c.isPunct('(')) return undefined;
  const columns = indexColumns(src, c);
  const result = recognized('create-index', { tables: [tableKey(table.name)] });
  if (ddlOnline) result.ddlOptions.online = true;
  const def: IndexDef = { name, kind, columns, span: wholeSpan(src) };
  applyIndexOptions(c, def);
  trailingDdlOptions(c, result);
  result.operations.push({ kind: 'add-index', table: table.name, ...withSchema(table.schema), span: wholeSpan(src), index: def, via: 'create-index', ...(ifNotExists ? { ifNotExists: true } : {}) });
  return result;
}

/** DROP … : TABLE(S), INDEX, DATABASE/SCHEMA, VIEW, routines, anything else as `other` */
export function recognizeDrop(src: StatementSource): Recognized | undefined {
  const c = new Cursor(src.tokens);
  if (!c.accept('DROP')) return undefined;
  const temporary = c.accept('TEMPORARY');
  if (c.accept('TABLE') || c.accept('TABLES')) {
    const ifExists = c.acceptIfExists();
    const result = recognized('drop-table');
    const end = c.limit;
    for (const [s, e] of splitTopLevel(src.tokens, c.pos, end)) {
      const part = new Cursor(src.tokens, s, e);
      const name = part.qualifiedName();
      if (!name) continue;
      const span = { start: src.tokens[s].start, end: src.tokens[part.pos - 1].end };
      result.tables.push(tableKey(name.name));
      result.operations.push({ kind: 'drop-table', table: name.name, ...withSchema(name.schema), span: result.operations.length === 0 && e === end ? wholeSpan(src) : span, ifExists, temporary });
    }
    if (result.operations.length === 0) return undefined;
    return result;
  }
  const online = c.accept('ONLINE');
  c.accept('OFFLINE');
  if (c.accept('INDEX')) {
    const ifExists = c.acceptIfExists();
    const name = c.identifier();
    if (name === undefined || !c.accept('ON')) return undefined;
    const table = c.qualifiedName();
    if (!table) return undefined;
    const result = recognized('drop-index', { tables: [tableKey(table.name)] });
    if (online) result.ddlOptions.online = true;
    trailingDdlOptions(c, result);
    result.operations.push({ kind: 'drop-index', table: table.name, ...withSchema(table.schema), span: wholeSpan(src), name, via: 'drop-index', ...(ifExists ? { ifExists: true } : {}) });
    return result;
  }
  const what = c.word();
  if (what === 'DATABASE' || what === 'SCHEMA') return recognized('drop-database');
  if (what === 'VIEW') {
    c.next();
    c.acceptIfExists();
    return recognized('drop-view', { tables: splitTopLevel(src.tokens, c.pos, c.limit).map(([s]) => tableKey(new Cursor(src.tokens, s).qualifiedName()?.name ?? '')).filter(Boolean) });
  }
  if (what === 'PROCEDURE' || what === 'FUNCTION' || what === 'TRIGGER' || what === 'EVENT' || what === 'PACKAGE') return recognized('drop-routine');
  if (what === 'PREPARE') return recognized('prepare');
  if (what) return recognized('other');
  return undefined;
}

/** RENAME TABLE a TO b [, c TO d] */
export function recognizeRename(src: StatementSource): Recognized | undefined {
  const c = new Cursor(src.tokens);
  if (!c.accept('RENAME')) return undefined;
  if (!(c.accept('TABLE') || c.accept('TABLES'))) return c.done ? undefined : recognized('other');
  c.acceptIfExists();
  const result = recognized('rename-table');
  const parts = splitTopLevel(src.tokens, c.pos, c.limit);
  for (const [s, e] of parts) {
    const part = new Cursor(src.tokens, s, e);
    const from = part.qualifiedName();
    part.accept('NOWAIT');
    if (part.isWord('WAIT')) part.pos += 2;
    if (!from || !part.accept('TO')) return undefined;
    const to = part.qualifiedName();
    if (!to) return undefined;
    result.tables.push(tableKey(from.name), tableKey(to.name));
    const span = parts.length === 1 ? wholeSpan(src) : { start: src.tokens[s].start, end: src.tokens[e - 1].end };
    result.operations.push({ kind: 'rename-table', table: from.name, ...withSchema(from.schema), span, newName: to.name });
  }
  return result;
}

/** TRUNCATE [TABLE] t */
export function recognizeTruncate(src: StatementSource): Recognized | undefined {
  const c = new Cursor(src.tokens);
  if (!c.accept('TRUNCATE')) return undefined;
  c.accept('TABLE');
  const name = c.qualifiedName();
  if (!name) return undefined;
  return recognized('truncate', { tables: [tableKey(name.name)], operations: [{ kind: 'truncate-table', table: name.name, ...withSchema(name.schema), span: wholeSpan(src) }] });
}

/** OPTIMIZE [NO_WRITE_TO_BINLOG|LOCAL] TABLE a, b */
export function recognizeOptimize(src: StatementSource): Recognized | undefined {
  const c = new Cursor(src.tokens);
  if (!c.accept('OPTIMIZE')) return undefined;
  c.accept('NO_WRITE_TO_BINLOG') || c.accept('LOCAL');
  if (!(c.accept('TABLE') || c.accept('TABLES'))) return undefined;
  const result = recognized('optimize-table');
  for (const [s, e] of splitTopLevel(src.tokens, c.pos, c.limit)) {
    const name = new Cursor(src.tokens, s, e).qualifiedName();
    if (!name) continue;
    result.tables.push(tableKey(name.name));
    result.operations.push({ kind: 'optimize-table', table: name.name, ...withSchema(name.schema), span: wholeSpan(src) } as Operation);
  }
  return result;
}

/** SET [SESSION|GLOBAL|LOCAL|PERSIST] x = v, @@session.y = w, @u := 1; SET NAMES …; SET TRANSACTION … */
export function recognizeSet(src: StatementSource): Recognized | undefined {
  const c = new Cursor(src.tokens);
  if (!c.accept('SET')) return undefined;
  const result = recognized('set', { assignments: [] });
  if (c.isWord('NAMES', 'PASSWORD', 'ROLE', 'DEFAULT') || (c.isWord('CHARACTER') && c.word(1) === 'SET') || c.isWord('CHARSET')) return result;
  if (c.isWord('TRANSACTION') || (c.isWord('SESSION', 'GLOBAL') && c.word(1) === 'TRANSACTION')) return result;
  if (c.isWord('STATEMENT')) return result;
  const assignments: VariableAssignment[] = [];
  let scope: VariableAssignment['scope'] = 'session';
  for (const [s, e] of splitTopLevel(src.tokens, c.pos, c.limit)) {
    const part = new Cursor(src.tokens, s, e);
    const scopeWord = part.word();
    if (scopeWord === 'SESSION' || scopeWord === 'LOCAL') {
      scope = 'session';
      part.next();
    } else if (scopeWord === 'GLOBAL' || scopeWord === 'PERSIST' || scopeWord === 'PERSIST_ONLY') {
      scope = 'global';
      part.next();
    }
    const t = part.peek();
    if (!t) continue;
    let name: string;
    let partScope: VariableAssignment['scope'] = scope;
    if (t.kind === 'variable') {
      part.next();
      if (t.text.startsWith('@@')) {
        partScope = 'session';
        const lower = t.value.toLowerCase();
        if ((lower === 'session' || lower === 'global' || lower === 'local' || lower === 'persist') && part.isPunct('.')) {
          part.next();
          partScope = lower === 'global' || lower === 'persist' ? 'global' : 'session';
          name = part.identifier() ?? '';
        } else name = t.value;
      } else {
        partScope = 'user';
        name = t.value;
      }
    } else {
      const id = part.identifier();
      if (id === undefined) continue;
      name = id;
      if (part.isPunct('.')) {
        // `SESSION.x` is a variable; `NEW.col` in a trigger body is a column, not a setting
        const qualifier = id.toLowerCase();
        if (qualifier !== 'session' && qualifier !== 'global' && qualifier !== 'local' && qualifier !== 'persist') continue;
        part.next();
        partScope = qualifier === 'global' || qualifier === 'persist' ? 'global' : 'session';
        name = part.identifier() ?? name;
      }
    }
    if (!(part.acceptPunct('=') || part.acceptPunct(':='))) continue;
    const valueStart = part.pos;
    const raw = sourceText(src, valueStart, e);
    const single = e - valueStart === 1 ? src.tokens[valueStart] : undefined;
    const value = single && single.kind === 'word' ? single.value : single && single.kind === 'string' ? single.value : raw;
    assignments.push({ name: name.toLowerCase(), scope: partScope, value });
  }
  result.assignments = assignments;
  return result;
}

/** INSERT / REPLACE / UPDATE / DELETE */
export function recognizeDml(src: StatementSource): Recognized | undefined {
  const c = new Cursor(src.tokens);
  const verbWord = c.word();
  if (verbWord === 'WITH') return undefined;
  const verb = verbWord === 'INSERT' ? 'insert' : verbWord === 'REPLACE' ? 'replace' : verbWord === 'UPDATE' ? 'update' : verbWord === 'DELETE' ? 'delete' : undefined;
  if (!verb) return undefined;
  c.next();
  while (c.accept('LOW_PRIORITY') || c.accept('DELAYED') || c.accept('HIGH_PRIORITY') || c.accept('IGNORE') || c.accept('QUICK')) {
    // modifiers
  }
  const tables: string[] = [];
  const whereAt = topLevelWord(src, c.pos, 'WHERE');
  const limitAt = topLevelWord(src, c.pos, 'LIMIT');
  if (verb === 'insert' || verb === 'replace') {
    c.accept('INTO');
    const name = c.qualifiedName();
    if (!name) return undefined;
    tables.push(tableKey(name.name));
    // INSERT … SELECT: the source tables follow the target
    const fromAt = topLevelWord(src, c.pos, 'FROM');
    if (fromAt >= 0) {
      const stops = ['WHERE', 'GROUP', 'ORDER', 'LIMIT', 'HAVING', 'UNION', 'DUPLICATE'].map((w) => topLevelWord(src, fromAt, w)).filter((k) => k > fromAt);
      collectTableRefs(src, fromAt + 1, Math.min(src.tokens.length, ...stops), tables);
    }
  } else if (verb === 'update') {
    const setAt = topLevelWord(src, c.pos, 'SET');
    collectTableRefs(src, c.pos, setAt < 0 ? c.limit : setAt, tables);
  } else {
    const fromAt = topLevelWord(src, c.pos, 'FROM');
    if (fromAt < 0) return undefined;
    const usingAt = topLevelWord(src, fromAt, 'USING');
    const end = [whereAt, limitAt, topLevelWord(src, fromAt, 'ORDER')].filter((k) => k > fromAt).sort((a, b) => a - b)[0] ?? c.limit;
    if (fromAt > c.pos) collectTableRefs(src, c.pos, fromAt, tables);
    else collectTableRefs(src, fromAt + 1, usingAt > 0 ? usingAt : end, tables);
  }
  const kind = verb === 'replace' ? 'insert' : verb;
  const dml: DmlInfo = { verb, tables: [...new Set(tables)], hasWhere: whereAt >= 0 && verb !== 'insert' && verb !== 'replace', hasLimit: limitAt >= 0 };
  if (dml.hasWhere) {
    const whereEnd = [topLevelWord(src, whereAt, 'ORDER'), limitAt].filter((k) => k > whereAt).sort((a, b) => a - b)[0] ?? src.tokens.length;
    dml.whereText = sourceText(src, whereAt + 1, whereEnd);
  }
  return recognized(kind, { tables: dml.tables, dml });
}

/** index of the first top-level (paren depth 0) word at or after `from`, or -1 */
function topLevelWord(src: StatementSource, from: number, word: string): number {
  let depth = 0;
  for (let k = from; k < src.tokens.length; k++) {
    const t = src.tokens[k];
    if (t.kind === 'punct') {
      if (t.value === '(') depth++;
      else if (t.value === ')') depth--;
    } else if (depth === 0 && t.kind === 'word' && t.value === word) return k;
  }
  return -1;
}

const JOIN_WORDS = new Set(['JOIN', 'INNER', 'LEFT', 'RIGHT', 'OUTER', 'CROSS', 'STRAIGHT_JOIN', 'NATURAL']);

/** table names of `a [AS] x, b JOIN c ON …` */
function collectTableRefs(src: StatementSource, from: number, to: number, into: string[]): void {
  const c = new Cursor(src.tokens, from, to);
  let expectTable = true;
  while (!c.done) {
    if (expectTable) {
      if (c.isPunct('(')) {
        c.skipParens();
        expectTable = false;
        continue;
      }
      const name = c.qualifiedName();
      if (name) into.push(tableKey(name.name));
      expectTable = false;
      continue;
    }
    if (c.acceptPunct(',')) {
      expectTable = true;
      continue;
    }
    if (JOIN_WORDS.has(c.word())) {
      while (JOIN_WORDS.has(c.word())) c.next();
      expectTable = true;
      continue;
    }
    if (c.isPunct('(')) c.skipParens();
    else c.next();
  }
}

/** the tables after the first top-level FROM at or after `from` (a SELECT's sources) */
export function selectTables(src: StatementSource, from: number): string[] {
  const tables: string[] = [];
  const k = topLevelWord(src, from, 'FROM');
  if (k >= 0) {
    const stops = ['WHERE', 'GROUP', 'ORDER', 'LIMIT', 'HAVING', 'UNION', 'INTO', 'FOR', 'WINDOW'].map((s) => topLevelWord(src, k, s)).filter((x) => x > k);
    collectTableRefs(src, k + 1, Math.min(src.tokens.length, ...stops), tables);
  }
  return [...new Set(tables)];
}

/** verbs that need only a kind */
const SIMPLE_KINDS: Record<string, Recognized['kind']> = {
  USE: 'use',
  BEGIN: 'transaction',
  START: 'transaction',
  COMMIT: 'transaction',
  ROLLBACK: 'transaction',
  SAVEPOINT: 'transaction',
  RELEASE: 'transaction',
  XA: 'transaction',
  CALL: 'call',
  PREPARE: 'prepare',
  EXECUTE: 'prepare',
  DEALLOCATE: 'prepare',
  UNLOCK: 'lock-tables',
  SELECT: 'select',
  VALUES: 'select',
  TABLE: 'select',
  GRANT: 'other',
  REVOKE: 'other',
  FLUSH: 'other',
  SHOW: 'other',
  DESCRIBE: 'other',
  DESC: 'other',
  EXPLAIN: 'other',
  DO: 'other',
  ANALYZE: 'other',
  CHECK: 'other',
  CHECKSUM: 'other',
  REPAIR: 'other',
  INSTALL: 'other',
  UNINSTALL: 'other',
  LOAD: 'other',
  HANDLER: 'other',
  KILL: 'other',
  RESET: 'other',
  PURGE: 'other',
  SIGNAL: 'other',
  RESIGNAL: 'other',
  SHUTDOWN: 'other',
  STOP: 'other',
  CHANGE: 'other',
  CACHE: 'other',
  HELP: 'other',
  BINLOG: 'other',
  RETURN: 'other',
  DECLARE: 'other',
  OPEN: 'other',
  CLOSE: 'other',
  FETCH: 'other',
  LEAVE: 'other',
  ITERATE: 'other',
  GET: 'other',
  IMPORT: 'other',
  CLONE: 'other',
  RESTART: 'other',
};

export function recognizeSimple(src: StatementSource): Recognized | undefined {
  const c = new Cursor(src.tokens);
  const w = c.word();
  if (w === 'LOCK') {
    return recognized('lock-tables', { tables: lockedTables(src) });
  }
  if (w === 'USE') {
    return recognized('use');
  }
  if (w === 'BEGIN' && c.word(1) === 'NOT' && c.word(2) === 'ATOMIC') {
    // MariaDB anonymous compound statement: its body statements are extracted separately
    return recognized('other');
  }
  if (w === 'WITH') {
    // WITH cte AS (…) [, …] SELECT | UPDATE | DELETE …: read the main statement after the CTEs
    const ctes = commonTableExpressions(src);
    const main = ctes ? src.tokens[ctes.main] : undefined;
    if (ctes && main && (main.value === 'UPDATE' || main.value === 'DELETE')) {
      const dml = recognizeDml({ text: src.text, tokens: src.tokens.slice(ctes.main) });
      if (dml?.dml) {
        dml.dml.tables = dml.dml.tables.filter((t) => !ctes.names.has(t));
        dml.tables = dml.dml.tables;
        return dml;
      }
    }
  }
  if (w === 'SELECT' || w === 'WITH' || c.isPunct('(')) {
    return recognized('select', { tables: selectTables(src, 0) });
  }
  const kind = SIMPLE_KINDS[w];
  if (!kind) return undefined;
  return recognized(kind);
}

/** `WITH [RECURSIVE] a [(cols)] AS (…), b AS (…)`: the CTE names and the index of the main statement */
function commonTableExpressions(src: StatementSource): { names: Set<string>; main: number } | undefined {
  const c = new Cursor(src.tokens);
  c.accept('WITH');
  c.accept('RECURSIVE');
  const names = new Set<string>();
  for (;;) {
    const name = c.identifier();
    if (name === undefined) return undefined;
    names.add(tableKey(name));
    if (c.isPunct('(')) c.skipParens();
    if (!c.accept('AS') || !c.isPunct('(')) return undefined;
    c.skipParens();
    if (!c.acceptPunct(',')) return c.done ? undefined : { names, main: c.pos };
  }
}

function lockedTables(src: StatementSource): string[] {
  const c = new Cursor(src.tokens);
  c.accept('LOCK');
  if (!(c.accept('TABLES') || c.accept('TABLE'))) return [];
  const tables: string[] = [];
  for (const [s, e] of splitTopLevel(src.tokens, c.pos, c.limit)) {
    const name = new Cursor(src.tokens, s, e).qualifiedName();
    if (name) tables.push(tableKey(name.name));
  }
  return tables;
}
