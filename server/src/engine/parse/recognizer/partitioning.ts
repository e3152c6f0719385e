// PARTITION BY … and partition definition lists: the method, the partitions in order, and whether
// the last one catches every value (RANGE … MAXVALUE, LIST … DEFAULT). Reads only what the
// knowledge base needs; anything else in the clause is skipped.
import type { PartitioningDef } from '../../types';
import { Cursor, matchingParen, splitTopLevel } from '../cursor';
import type { Token } from '../tokens';

const METHODS: Record<string, PartitioningDef['method']> = { RANGE: 'RANGE', LIST: 'LIST', HASH: 'HASH', KEY: 'KEY', SYSTEM_TIME: 'SYSTEM_TIME' };

function nameOf(t: Token | undefined): string | undefined {
  if (!t) return undefined;
  if (t.kind === 'ident') return t.value;
  return t.kind === 'word' ? t.text : undefined;
}

/** one `PARTITION p VALUES LESS THAN (…) | VALUES IN (…) | DEFAULT …` element: its name and whether it catches all */
function readDefinition(tokens: readonly Token[], from: number, to: number): { name?: string; catchAll: boolean } {
  const c = new Cursor(tokens, from, to);
  if (!c.accept('PARTITION')) return { catchAll: false };
  const name = nameOf(c.next());
  let catchAll = false;
  if (c.accept('VALUES', 'LESS', 'THAN')) {
    if (c.isWord('MAXVALUE')) catchAll = true;
    else if (c.isPunct('(')) {
      const close = matchingParen(tokens, c.pos, to);
      // RANGE COLUMNS: every bound MAXVALUE
      const bounds = splitTopLevel(tokens, c.pos + 1, close);
      catchAll = bounds.length > 0 && bounds.every(([s, e]) => e - s === 1 && tokens[s].kind === 'word' && tokens[s].value === 'MAXVALUE');
    }
  } else if (c.isWord('DEFAULT')) catchAll = true;
  return { name, catchAll };
}

/** the `(PARTITION …, PARTITION …)` list whose `(` is at `open` */
export function readPartitionList(tokens: readonly Token[], open: number, to: number): { names: string[]; catchAll: boolean; count: number } {
  const close = matchingParen(tokens, open, to);
  const defs = splitTopLevel(tokens, open + 1, close).map(([s, e]) => readDefinition(tokens, s, e));
  const names = defs.flatMap((d) => (d.name ? [d.name] : []));
  return { names, catchAll: defs.length > 0 && defs[defs.length - 1].catchAll, count: defs.length };
}

/** `PARTITION BY [LINEAR] method … [PARTITIONS n] [SUBPARTITION …] [(definitions)]` at the cursor */
export function readPartitioning(c: Cursor): PartitioningDef | undefined {
  if (!c.accept('PARTITION', 'BY')) return undefined;
  c.accept('LINEAR');
  const method = METHODS[c.word()] ?? 'OTHER';
  c.next();
  const def: PartitioningDef = { method, names: [], count: 0, catchAll: false, ...(c.isWord('COLUMNS') ? { columns: true } : {}) };
  while (!c.done) {
    if (c.accept('PARTITIONS')) {
      const n = Number(c.next()?.value);
      if (Number.isFinite(n)) def.count = n;
      continue;
    }
    // the definition list: a parenthesised group that starts with PARTITION
    if (c.isPunct('(') && c.peek(1)?.kind === 'word' && c.peek(1)?.value === 'PARTITION') {
      const list = readPartitionList(c.tokens, c.pos, c.limit);
      return { ...def, names: list.names, count: list.count, catchAll: list.catchAll };
    }
    if (c.isPunct('(')) c.skipParens();
    else c.next();
  }
  return def;
}
