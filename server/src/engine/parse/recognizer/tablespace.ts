// ALTER [UNDO] TABLESPACE ts RENAME TO … | ENCRYPTION [=] 'Y'|'N' | … (MySQL general and undo
// tablespaces; MariaDB has none). One operation naming the tablespace and what is changed.
import { Cursor } from '../cursor';
import type { Recognized } from './result';
import { recognized } from './result';
import type { StatementSource } from './source';

export function recognizeAlterTablespace(src: StatementSource): Recognized | undefined {
  const c = new Cursor(src.tokens);
  if (!c.accept('ALTER')) return undefined;
  c.accept('UNDO');
  if (!c.accept('TABLESPACE')) return undefined;
  const name = c.identifier();
  if (name === undefined) return undefined;
  let action: 'rename' | 'encryption' | 'other' = 'other';
  if (c.accept('RENAME', 'TO')) action = 'rename';
  else if (c.isWord('ENCRYPTION')) action = 'encryption';
  const last = src.tokens[src.tokens.length - 1];
  const span = { start: src.tokens[0].start, end: last.end };
  return recognized('alter-tablespace', { operations: [{ kind: 'alter-tablespace', table: name, span, action }] });
}
