// The focused recogniser: reads a statement's tokens by its leading keywords. Returns undefined
// when it does not understand the statement (the caller then tries node-sql-parser).
import { Cursor } from '../cursor';
import { recognizeAlterTable } from './alter-table';
import { recognizeCreateTable } from './create-table';
import { recognizeAlterTablespace } from './tablespace';
import type { Recognized } from './result';
import { recognized } from './result';
import type { StatementSource } from './source';
import { tableKey } from './source';
import { recognizeCreateIndex, recognizeDml, recognizeDrop, recognizeOptimize, recognizeRename, recognizeSet, recognizeSimple, recognizeTruncate, selectTables } from './statements';

export type { Recognized } from './result';
export type { StatementSource } from './source';

export function recognize(src: StatementSource): Recognized | undefined {
  if (src.tokens.length === 0) return undefined;
  const first = src.tokens[0];
  const verb = first.kind === 'word' ? first.value : '';
  switch (verb) {
    case 'ALTER':
      return recognizeAlterTable(src) ?? recognizeAlterOther(src);
    case 'CREATE':
      return recognizeCreate(src);
    case 'DROP':
      return recognizeDrop(src);
    case 'RENAME':
      return recognizeRename(src);
    case 'TRUNCATE':
      return recognizeTruncate(src);
    case 'OPTIMIZE':
      return recognizeOptimize(src);
    case 'SET':
      return recognizeSet(src);
    case 'INSERT':
    case 'REPLACE':
    case 'UPDATE':
    case 'DELETE':
      return recognizeDml(src);
    default:
      return recognizeSimple(src);
  }
}

function recognizeAlterOther(src: StatementSource): Recognized | undefined {
  const c = new Cursor(src.tokens);
  c.accept('ALTER');
  c.accept('ONLINE') || c.accept('OFFLINE');
  c.accept('IGNORE');
  if (c.isWord('TABLE')) return undefined;
  skipCreateModifiers(c);
  const what = c.word();
  if (what === 'VIEW') return recognized('create-view', { tables: viewTables(src, c) });
  if (what === 'TABLESPACE' || (what === 'UNDO' && c.word(1) === 'TABLESPACE')) return recognizeAlterTablespace(src) ?? recognized('other');
  if (what === 'PROCEDURE' || what === 'FUNCTION' || what === 'EVENT') return recognized('other');
  if (what) return recognized('other');
  return undefined;
}

/** CREATE [OR REPLACE] [ALGORITHM=…] [DEFINER=…] [SQL SECURITY …] [AGGREGATE] … */
function skipCreateModifiers(c: Cursor): void {
  for (;;) {
    if (c.accept('OR', 'REPLACE')) continue;
    if (c.accept('ALGORITHM')) {
      c.acceptEquals();
      c.next();
      continue;
    }
    if (c.accept('DEFINER')) {
      c.acceptEquals();
      // user@host: 'root'@'%', `root`@`localhost`, CURRENT_USER[()]
      c.next();
      if (c.isPunct('(')) c.skipParens();
      while (c.peek()?.kind === 'variable' || c.isPunct('@')) c.next();
      if (c.peek()?.kind === 'string' || c.peek()?.kind === 'ident') {
        const prev = c.tokens[c.pos - 1];
        if (prev && (prev.kind === 'variable' || prev.value === '@')) c.next();
      }
      continue;
    }
    if (c.accept('SQL', 'SECURITY')) {
      c.next();
      continue;
    }
    if (c.accept('AGGREGATE') || c.accept('TEMPORARY') || c.accept('UNIQUE') || c.accept('FULLTEXT') || c.accept('SPATIAL') || c.accept('ONLINE') || c.accept('OFFLINE')) continue;
    return;
  }
}

/** the view, then the tables its SELECT reads */
function viewTables(src: StatementSource, c: Cursor): string[] {
  c.next();
  c.acceptIfNotExists();
  const name = c.qualifiedName();
  return [...new Set([...(name ? [tableKey(name.name)] : []), ...selectTables(src, c.pos)])];
}

function recognizeCreate(src: StatementSource): Recognized | undefined {
  const c = new Cursor(src.tokens);
  c.accept('CREATE');
  skipCreateModifiers(c);
  const what = c.word();
  if (what === 'TABLE') return recognizeCreateTable(src);
  if (what === 'INDEX') return recognizeCreateIndex(src);
  if (what === 'DATABASE' || what === 'SCHEMA') return recognized('create-database');
  if (what === 'VIEW') return recognized('create-view', { tables: viewTables(src, c) });
  if (what === 'PROCEDURE' || what === 'FUNCTION' || what === 'TRIGGER' || what === 'EVENT' || what === 'PACKAGE') {
    const result = recognized('create-routine');
    if (what === 'TRIGGER') {
      // CREATE TRIGGER name BEFORE|AFTER INSERT|UPDATE|DELETE ON table
      for (let k = c.pos; k < src.tokens.length - 1; k++) {
        if (src.tokens[k].kind === 'word' && src.tokens[k].value === 'ON') {
          const name = new Cursor(src.tokens, k + 1).qualifiedName();
          if (name) result.tables.push(tableKey(name.name));
          break;
        }
      }
    }
    return result;
  }
  if (what) return recognized('other');
  return undefined;
}
