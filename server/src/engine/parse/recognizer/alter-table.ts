// ALTER [ONLINE] [IGNORE] TABLE t [WAIT n|NOWAIT] clause, clause, … → one operation per clause.
import type { DdlOptions, Operation, PartitioningDef, Span, TableOptions } from '../../types';
import { Cursor, splitTopLevel } from '../cursor';
import { ALGORITHMS, LOCKS } from './ddl-options';
import { parseColumnDefinition, parseDefaultValue } from './column-def';
import { parseTableElement, startsTableElement } from './index-def';
import { readPartitioning, readPartitionList } from './partitioning';
import type { Recognized } from './result';
import { recognized } from './result';
import type { StatementSource } from './source';
import { sourceText, tableKey } from './source';
import { readTableOptions, startsTableOption } from './table-options';

type PartitionAction = Extract<Operation, { kind: 'partition' }>['action'];
const PARTITION_MAINTENANCE: Record<string, PartitionAction> = {
  DROP: 'drop',
  TRUNCATE: 'truncate',
  COALESCE: 'coalesce',
  REORGANIZE: 'reorganize',
  REBUILD: 'rebuild',
  EXCHANGE: 'exchange',
  OPTIMIZE: 'optimize',
  ANALYZE: 'analyze',
  CHECK: 'check',
  REPAIR: 'repair',
  DISCARD: 'discard',
  IMPORT: 'import',
};

/** words that begin an ALTER TABLE clause (anything else after a partition name list continues it) */
const CLAUSE_STARTERS = new Set(['ADD', 'DROP', 'MODIFY', 'CHANGE', 'RENAME', 'ALTER', 'CONVERT', 'ALGORITHM', 'LOCK', 'FORCE', 'ENABLE', 'DISABLE', 'WITH', 'WITHOUT', 'REMOVE', 'PARTITION', 'ORDER', 'DISCARD', 'IMPORT', 'UPGRADE', 'ENGINE', 'ROW_FORMAT', 'DEFAULT', 'CHARACTER', 'CHARSET', 'COLLATE', 'COMMENT', 'AUTO_INCREMENT', 'TRUNCATE', 'COALESCE', 'REORGANIZE', 'REBUILD', 'EXCHANGE', 'OPTIMIZE', 'ANALYZE', 'CHECK', 'REPAIR']);

interface Target {
  table: string;
  schema?: string;
}

export function recognizeAlterTable(src: StatementSource): Recognized | undefined {
  const c = new Cursor(src.tokens);
  if (!c.accept('ALTER')) return undefined;
  const ddlOptions: DdlOptions = {};
  if (c.accept('ONLINE')) ddlOptions.online = true;
  c.accept('OFFLINE');
  c.accept('IGNORE');
  if (!c.accept('TABLE')) return undefined;
  c.acceptIfExists();
  const name = c.qualifiedName();
  if (!name) return undefined;
  const target: Target = { table: name.name, schema: name.schema };
  if (c.accept('NOWAIT')) ddlOptions.wait = { nowait: true };
  else if (c.isWord('WAIT') && c.peek(1)?.kind === 'number') {
    ddlOptions.wait = { seconds: Number(c.peek(1)?.value) };
    c.pos += 2;
  }
  const result = recognized('alter-table', { tables: [tableKey(name.name)], ddlOptions });
  const clauses = splitTopLevel(src.tokens, c.pos, src.tokens.length);
  for (const [from, to] of clauses) {
    const last = result.operations[result.operations.length - 1];
    // `DROP PARTITION p1, p2` / `REORGANIZE PARTITION p0, p1 INTO (…)`: the names after the first
    // comma arrive as their own comma-separated parts
    const first = src.tokens[from];
    if (last && last.kind === 'partition' && last.names && (first.kind === 'ident' || (first.kind === 'word' && !CLAUSE_STARTERS.has(first.value)))) {
      last.names.push(identifierValue(src, from));
      last.span = { start: last.span.start, end: src.tokens[to - 1].end };
      const into = new Cursor(src.tokens, from + 1, to);
      if (into.accept('INTO') && into.isPunct('(')) last.partitions = { method: 'OTHER', ...readPartitionList(src.tokens, into.pos, to) };
      continue;
    }
    parseClause(src, from, to, target, result);
  }
  return result;
}

function identifierValue(src: StatementSource, k: number): string {
  const t = src.tokens[k];
  return t.kind === 'word' ? t.text : t.value;
}

function parseClause(src: StatementSource, from: number, to: number, target: Target, out: Recognized): void {
  const c = new Cursor(src.tokens, from, to);
  const span: Span = { start: src.tokens[from].start, end: src.tokens[to - 1].end };
  const base = { table: target.table, ...(target.schema ? { schema: target.schema } : {}), span };
  const push = (op: Operation): void => {
    out.operations.push(op);
  };
  const unknown = (why: string): void => {
    push({ ...base, kind: 'unknown-clause', text: sourceText(src, from, to) });
    out.problems.push(why);
  };
  const w = c.word();

  if (w === 'ADD') {
    c.next();
    if (c.accept('PARTITION')) return push({ ...base, kind: 'partition', action: 'add', ...addedPartitions(c) });
    if (c.accept('SYSTEM', 'VERSIONING')) return push({ ...base, kind: 'system-versioning', add: true });
    if (c.isWord('PERIOD')) return unknown('ADD PERIOD is not interpreted');
    const hasColumnKeyword = c.accept('COLUMN');
    const ifNotExists = c.acceptIfNotExists();
    if (c.isPunct('(')) {
      const open = c.pos;
      const close = c.skipParens() - 1;
      return addList(src, open, close, base, ifNotExists, out);
    }
    if (!hasColumnKeyword && startsTableElement(c)) {
      const element = parseTableElement(src, c.pos, to);
      if (!element) return unknown(`could not read the ${w} ${c.word()} clause`);
      if (element.type === 'index') return push({ ...base, kind: 'add-index', index: element.index, via: 'alter', ...(element.ifNotExists ? { ifNotExists: true } : {}) });
      if (element.type === 'foreign-key') {
        out.tables.push(tableKey(element.fk.refTable));
        return push({ ...base, kind: 'add-foreign-key', fk: element.fk });
      }
      return push({ ...base, kind: 'add-check', check: element.check });
    }
    const col = parseColumnDefinition(src, c.pos, to);
    if (!col) return unknown('could not read the column definition of ADD COLUMN');
    out.problems.push(...col.problems);
    return push({ ...base, kind: 'add-column', column: col.def, ...(col.position ? { position: col.position } : {}), ...(ifNotExists ? { ifNotExists: true } : {}) });
  }

  if (w === 'DROP') {
    c.next();
    if (c.accept('PRIMARY', 'KEY')) return push({ ...base, kind: 'drop-primary-key' });
    if (c.accept('INDEX') || c.accept('KEY')) {
      const ifExists = c.acceptIfExists();
      const name = c.identifier();
      if (name === undefined) return unknown('DROP INDEX without a name');
      return push({ ...base, kind: 'drop-index', name, via: 'alter', ...(ifExists ? { ifExists: true } : {}) });
    }
    if (c.accept('FOREIGN', 'KEY')) {
      c.acceptIfExists();
      const name = c.identifier();
      if (name === undefined) return unknown('DROP FOREIGN KEY without a name');
      return push({ ...base, kind: 'drop-foreign-key', name });
    }
    if (c.accept('CONSTRAINT') || c.accept('CHECK')) {
      c.acceptIfExists();
      const name = c.identifier();
      if (name === undefined) return unknown('DROP CONSTRAINT without a name');
      return push({ ...base, kind: 'drop-constraint', name });
    }
    if (c.accept('PARTITION')) return push({ ...base, kind: 'partition', action: 'drop', names: partitionNames(c) });
    if (c.accept('SYSTEM', 'VERSIONING')) return push({ ...base, kind: 'system-versioning', add: false });
    if (c.isWord('PERIOD')) return unknown('DROP PERIOD is not interpreted');
    c.accept('COLUMN');
    const ifExists = c.acceptIfExists();
    const column = c.identifier();
    if (column === undefined) return unknown('DROP COLUMN without a name');
    return push({ ...base, kind: 'drop-column', column, ...(ifExists ? { ifExists: true } : {}) });
  }

  if (w === 'MODIFY' || w === 'CHANGE') {
    c.next();
    c.accept('COLUMN');
    c.acceptIfExists();
    let oldName: string | undefined;
    if (w === 'CHANGE') {
      oldName = c.identifier();
      if (oldName === undefined) return unknown('CHANGE without a column name');
    }
    const col = parseColumnDefinition(src, c.pos, to);
    if (!col) return unknown(`could not read the column definition of ${w}`);
    out.problems.push(...col.problems);
    const column = oldName ?? col.def.name;
    const renamed = oldName !== undefined && oldName.toLowerCase() !== col.def.name.toLowerCase();
    return push({
      ...base,
      kind: 'modify-column',
      column,
      ...(renamed ? { newName: col.def.name } : {}),
      def: col.def,
      ...(col.position ? { position: col.position } : {}),
      via: w === 'MODIFY' ? 'modify' : 'change',
    });
  }

  if (w === 'RENAME') {
    c.next();
    if (c.accept('COLUMN')) {
      const column = c.identifier();
      if (column === undefined || !c.accept('TO')) return unknown('could not read RENAME COLUMN');
      const newName = c.identifier();
      if (newName === undefined) return unknown('RENAME COLUMN without a new name');
      return push({ ...base, kind: 'rename-column', column, newName });
    }
    if (c.accept('INDEX') || c.accept('KEY')) {
      const name = c.identifier();
      if (name === undefined || !c.accept('TO')) return unknown('could not read RENAME INDEX');
      const newName = c.identifier();
      if (newName === undefined) return unknown('RENAME INDEX without a new name');
      return push({ ...base, kind: 'rename-index', name, newName });
    }
    c.accept('TO') || c.accept('AS');
    const next = c.qualifiedName();
    if (!next) return unknown('RENAME without a new table name');
    out.tables.push(tableKey(next.name));
    return push({ ...base, kind: 'rename-table', newName: next.name });
  }

  if (w === 'ALTER') {
    c.next();
    if (c.accept('INDEX') || c.accept('KEY')) {
      const name = c.identifier();
      if (name === undefined) return unknown('ALTER INDEX without a name');
      if (c.accept('INVISIBLE') || c.accept('IGNORED')) return push({ ...base, kind: 'index-visibility', name, hidden: true });
      if (c.accept('VISIBLE') || c.accept('NOT', 'IGNORED')) return push({ ...base, kind: 'index-visibility', name, hidden: false });
      return unknown('could not read ALTER INDEX');
    }
    if (c.isWord('CHECK', 'CONSTRAINT')) return unknown('ALTER CHECK/CONSTRAINT … ENFORCED is not interpreted');
    c.accept('COLUMN');
    const column = c.identifier();
    if (column === undefined) return unknown('ALTER COLUMN without a name');
    if (c.accept('SET', 'DEFAULT')) {
      const value = parseDefaultValue(src, c);
      if (!value) return unknown('could not read the value of SET DEFAULT');
      return push({ ...base, kind: 'set-default', column, default: value });
    }
    if (c.accept('DROP', 'DEFAULT')) return push({ ...base, kind: 'drop-default', column });
    if (c.accept('SET', 'VISIBLE') || c.accept('SET', 'INVISIBLE')) return unknown('column visibility change is not interpreted');
    return unknown('could not read ALTER COLUMN');
  }

  if (w === 'CONVERT') {
    c.next();
    if (!c.accept('TO')) return unknown('could not read CONVERT');
    if (!(c.accept('CHARACTER', 'SET') || c.accept('CHARSET') || c.accept('CHAR', 'SET'))) return unknown('could not read CONVERT TO');
    c.acceptEquals();
    const charset = c.identifier();
    if (charset === undefined) return unknown('CONVERT TO CHARACTER SET without a charset');
    let collation: string | undefined;
    if (c.accept('COLLATE')) {
      c.acceptEquals();
      collation = c.identifier()?.toLowerCase();
    }
    return push({ ...base, kind: 'convert-charset', charset: charset.toLowerCase(), ...(collation ? { collation } : {}) });
  }

  if (w === 'ALGORITHM' || w === 'LOCK') {
    c.next();
    c.acceptEquals();
    const value = c.word();
    const known = w === 'ALGORITHM' ? ALGORITHMS.has(value) : LOCKS.has(value);
    if (known) {
      c.next();
      const optionSpan = { start: span.start, end: src.tokens[c.pos - 1].end };
      if (w === 'ALGORITHM') {
        out.ddlOptions.algorithm = value as NonNullable<DdlOptions['algorithm']>;
        out.ddlOptions.algorithmSpan = optionSpan;
      } else {
        out.ddlOptions.lock = value as NonNullable<DdlOptions['lock']>;
        out.ddlOptions.lockSpan = optionSpan;
      }
      // `LOCK=NONE ADD PARTITION …`: partition commands follow the modifiers without a comma
      if (!c.done) parseClause(src, c.pos, to, target, out);
      return;
    }
    return unknown(`unknown ${w} value '${c.peek()?.text ?? ''}'`);
  }

  if (c.accept('FORCE')) return push({ ...base, kind: 'force' });
  if (c.accept('ENABLE', 'KEYS')) return push({ ...base, kind: 'enable-keys' });
  if (c.accept('DISABLE', 'KEYS')) return push({ ...base, kind: 'disable-keys' });
  if (c.accept('WITH', 'VALIDATION') || c.accept('WITHOUT', 'VALIDATION')) return;
  if (c.accept('REMOVE', 'PARTITIONING')) return push({ ...base, kind: 'partition', action: 'remove-partitioning' });
  if (w === 'PARTITION' && c.word(1) === 'BY') return push({ ...base, kind: 'partition', action: 'partition-by', ...scheme(c) });
  if (PARTITION_MAINTENANCE[w] && c.word(1) === 'PARTITION') {
    c.pos += 2;
    const action = PARTITION_MAINTENANCE[w];
    if (action === 'coalesce') {
      const n = Number(c.peek()?.value);
      return push({ ...base, kind: 'partition', action, ...(Number.isFinite(n) ? { partitions: { method: 'OTHER', names: [], count: n, catchAll: false } } : {}) });
    }
    const names = partitionNames(c);
    const into = c.accept('INTO') && c.isPunct('(') ? { partitions: { method: 'OTHER' as const, ...readPartitionList(src.tokens, c.pos, to) } } : {};
    return push({ ...base, kind: 'partition', action, names, ...into });
  }
  if (startsTableOption(c)) {
    const options: TableOptions = {};
    readTableOptions(c, options);
    push({ ...base, kind: 'table-options', options });
    if (c.isWord('PARTITION') && c.word(1) === 'BY') push({ ...base, kind: 'partition', action: 'partition-by', ...scheme(c) });
    else if (c.isWord('REMOVE') && c.word(1) === 'PARTITIONING') push({ ...base, kind: 'partition', action: 'remove-partitioning' });
    else if (!c.done) out.problems.push(`unrecognised table option '${c.peek()?.text ?? ''}'`);
    return;
  }
  // ORDER BY and whole-table DISCARD/IMPORT TABLESPACE change nothing the catalog tracks: kept as
  // their text, which the knowledge base knows (kb/classify.ts)
  if ((w === 'ORDER' && c.word(1) === 'BY') || ((w === 'DISCARD' || w === 'IMPORT') && c.word(1) === 'TABLESPACE' && to - from === 2)) {
    return push({ ...base, kind: 'unknown-clause', text: sourceText(src, from, to) });
  }
  if (w === 'ORDER' || w === 'DISCARD' || w === 'IMPORT' || w === 'UPGRADE') return unknown(`${w} clause is not interpreted`);
  return unknown(`unrecognised ALTER TABLE clause '${c.peek()?.text ?? ''}'`);
}

/** `ADD [COLUMN] (a INT, b INT, INDEX (a))` */
function addList(src: StatementSource, open: number, close: number, base: { table: string; schema?: string; span: Span }, ifNotExists: boolean, out: Recognized): void {
  for (const [s, e] of splitTopLevel(src.tokens, open + 1, close)) {
    const inner = new Cursor(src.tokens, s, e);
    if (startsTableElement(inner)) {
      const element = parseTableElement(src, s, e);
      if (!element) {
        out.operations.push({ ...base, kind: 'unknown-clause', text: sourceText(src, s, e) });
        out.problems.push('could not read an element of ADD (…)');
      } else if (element.type === 'index') out.operations.push({ ...base, kind: 'add-index', index: element.index, via: 'alter' });
      else if (element.type === 'foreign-key') out.operations.push({ ...base, kind: 'add-foreign-key', fk: element.fk });
      else out.operations.push({ ...base, kind: 'add-check', check: element.check });
      continue;
    }
    const col = parseColumnDefinition(src, s, e);
    if (!col) {
      out.operations.push({ ...base, kind: 'unknown-clause', text: sourceText(src, s, e) });
      out.problems.push('could not read a column of ADD (…)');
      continue;
    }
    out.problems.push(...col.problems);
    out.operations.push({ ...base, kind: 'add-column', column: col.def, ...(ifNotExists ? { ifNotExists: true } : {}) });
  }
}

/** `PARTITION BY …` at the cursor: the new scheme, when readable */
function scheme(c: Cursor): { partitions?: PartitioningDef } {
  const partitions = readPartitioning(c);
  return partitions ? { partitions } : {};
}

/** after `ADD PARTITION`: `(PARTITION …, …)` or `PARTITIONS n` */
function addedPartitions(c: Cursor): { partitions?: PartitioningDef } {
  if (c.isPunct('(')) return { partitions: { method: 'OTHER', ...readPartitionList(c.tokens, c.pos, c.limit) } };
  if (c.accept('PARTITIONS')) {
    const n = Number(c.next()?.value);
    return Number.isFinite(n) ? { partitions: { method: 'OTHER', names: [], count: n, catchAll: false } } : {};
  }
  return {};
}

/** partition names after `… PARTITION`: a name, `ALL`, or the first of a comma list */
function partitionNames(c: Cursor): string[] {
  const names: string[] = [];
  const t = c.peek();
  if (t && (t.kind === 'word' || t.kind === 'ident')) {
    names.push(t.kind === 'word' ? t.text : t.value);
    c.next();
  }
  return names;
}
