// Table elements that are not columns: indexes, primary/unique keys, foreign keys, checks.
import type { CheckDef, ForeignKeyDef, IndexColumn, IndexDef, IndexKind } from '../../types';
import { Cursor, matchingParen, splitTopLevel } from '../cursor';
import { identifierList, skipReferenceActions } from './column-def';
import type { StatementSource } from './source';
import { sourceText } from './source';

export type TableElement =
  | { type: 'index'; index: IndexDef; ifNotExists: boolean }
  | { type: 'foreign-key'; fk: ForeignKeyDef; ifNotExists: boolean }
  | { type: 'check'; check: CheckDef };

const INDEX_STARTERS = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'INDEX', 'KEY', 'FULLTEXT', 'SPATIAL', 'FOREIGN', 'CHECK', 'VECTOR']);

export function startsTableElement(c: Cursor): boolean {
  return INDEX_STARTERS.has(c.word());
}

/** tokens [from, to) hold one index / key / FK / check definition */
export function parseTableElement(src: StatementSource, from: number, to: number): TableElement | undefined {
  const c = new Cursor(src.tokens, from, to);
  const span = { start: src.tokens[from].start, end: src.tokens[to - 1].end };
  let constraintName: string | undefined;
  if (c.accept('CONSTRAINT')) {
    if (!c.isWord('PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK')) constraintName = c.identifier();
  }
  if (c.accept('CHECK')) {
    if (!c.isPunct('(')) return undefined;
    const open = c.pos;
    const close = matchingParen(src.tokens, open, to);
    return { type: 'check', check: { name: constraintName, expression: sourceText(src, open + 1, close), span } };
  }
  if (c.accept('FOREIGN', 'KEY')) {
    const ifNotExists = c.acceptIfNotExists();
    let name = constraintName;
    if (!c.isPunct('(')) name = c.identifier() ?? name;
    const columns = identifierList(src, c);
    if (!c.accept('REFERENCES')) return undefined;
    const ref = c.qualifiedName();
    if (!ref) return undefined;
    const refColumns = identifierList(src, c);
    const actions = skipReferenceActions(c);
    return { type: 'foreign-key', fk: { name, columns, refTable: ref.name, refColumns, ...actions, span }, ifNotExists };
  }
  let kind: IndexKind;
  if (c.accept('PRIMARY', 'KEY')) kind = 'primary';
  else if (c.accept('UNIQUE')) {
    c.accept('INDEX') || c.accept('KEY');
    kind = 'unique';
  } else if (c.accept('FULLTEXT') || c.accept('SPATIAL')) {
    kind = src.tokens[c.pos - 1].value === 'FULLTEXT' ? 'fulltext' : 'spatial';
    c.accept('INDEX') || c.accept('KEY');
  } else if (c.accept('INDEX') || c.accept('KEY')) kind = 'index';
  else if (c.accept('VECTOR')) {
    // MariaDB 11.7 vector index: an ordinary secondary index for the rules
    c.accept('INDEX') || c.accept('KEY');
    kind = 'index';
  } else return undefined;
  const ifNotExists = c.acceptIfNotExists();
  let name = constraintName;
  if (!c.isPunct('(') && !c.isWord('USING', 'TYPE')) name = c.identifier() ?? name;
  if (c.accept('USING') || c.accept('TYPE')) c.next();
  if (!c.isPunct('(')) return undefined;
  const columns = indexColumns(src, c);
  const index: IndexDef = { kind, columns, span };
  if (name !== undefined && kind !== 'primary') index.name = name;
  applyIndexOptions(c, index);
  return { type: 'index', index, ifNotExists };
}

/** `(a, b(10) DESC, (lower(x)))` at the cursor */
export function indexColumns(src: StatementSource, c: Cursor): IndexColumn[] {
  const open = c.pos;
  const close = matchingParen(src.tokens, open, c.limit);
  const out: IndexColumn[] = [];
  for (const [s, e] of splitTopLevel(src.tokens, open + 1, close)) {
    const t = src.tokens[s];
    if (t.kind === 'punct' && t.value === '(') {
      const inner = matchingParen(src.tokens, s, e);
      out.push({ name: '', expression: sourceText(src, s + 1, inner) });
      continue;
    }
    const col: IndexColumn = { name: t.kind === 'word' ? t.text : t.value };
    const lenOpen = src.tokens[s + 1];
    const len = src.tokens[s + 2];
    if (s + 2 < e && lenOpen.kind === 'punct' && lenOpen.value === '(' && len.kind === 'number') col.length = Number(len.value);
    out.push(col);
  }
  c.pos = Math.min(close + 1, c.limit);
  return out;
}

/** USING BTREE, COMMENT 'x', KEY_BLOCK_SIZE=n, VISIBLE/INVISIBLE, IGNORED/NOT IGNORED, WITH PARSER p … */
export function applyIndexOptions(c: Cursor, index: IndexDef): void {
  while (!c.done) {
    if (c.accept('USING') || c.accept('TYPE') || c.accept('WITH', 'PARSER')) c.next();
    else if (c.accept('COMMENT') || c.accept('KEY_BLOCK_SIZE') || c.accept('ENGINE_ATTRIBUTE') || c.accept('SECONDARY_ENGINE_ATTRIBUTE')) {
      c.acceptEquals();
      c.next();
    } else if (c.accept('INVISIBLE') || c.accept('IGNORED')) index.hidden = true;
    else if (c.accept('VISIBLE') || c.accept('NOT', 'IGNORED')) index.hidden = false;
    else if (c.peek()?.kind === 'word' && c.isPunct('=', 1) && !c.isWord('ALGORITHM', 'LOCK')) {
      // CLUSTERING=YES, M=10, DISTANCE=cosine …
      c.pos += 3;
    } else return;
  }
}
