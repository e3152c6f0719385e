// Table options (ENGINE=…, DEFAULT CHARSET=…, ROW_FORMAT=…), space- or comma-separated.
import type { TableOptions } from '../../types';
import { Cursor } from '../cursor';

/** words that may start a table option; multi-word keys are read by `optionKey` */
const OPTION_WORDS = new Set([
  'ENGINE', 'TYPE', 'ROW_FORMAT', 'AUTO_INCREMENT', 'CHARSET', 'CHARACTER', 'CHAR', 'COLLATE', 'COMMENT', 'KEY_BLOCK_SIZE',
  'STATS_PERSISTENT', 'STATS_AUTO_RECALC', 'STATS_SAMPLE_PAGES', 'PAGE_COMPRESSED', 'PAGE_COMPRESSION_LEVEL', 'CHECKSUM',
  'TABLE_CHECKSUM', 'DELAY_KEY_WRITE', 'PACK_KEYS', 'AVG_ROW_LENGTH', 'MAX_ROWS', 'MIN_ROWS', 'COMPRESSION', 'ENCRYPTION',
  'ENCRYPTION_KEY_ID', 'ENCRYPTED', 'INSERT_METHOD', 'DATA', 'INDEX', 'TABLESPACE', 'UNION', 'CONNECTION', 'PASSWORD',
  'TRANSACTIONAL', 'SEQUENCE', 'AUTOEXTEND_SIZE', 'SECONDARY_ENGINE', 'ENGINE_ATTRIBUTE', 'SECONDARY_ENGINE_ATTRIBUTE',
  'IETF_QUOTES', 'STORAGE', 'DEFAULT', 'START',
]);

export function startsTableOption(c: Cursor): boolean {
  const w = c.word();
  if (!OPTION_WORDS.has(w)) return false;
  if (w === 'INDEX' || w === 'DATA') return c.word(1) === 'DIRECTORY';
  if (w === 'DEFAULT') return ['CHARSET', 'CHARACTER', 'COLLATE', 'CHAR'].includes(c.word(1));
  if (w === 'CHARACTER' || w === 'CHAR') return c.word(1) === 'SET';
  if (w === 'START') return c.word(1) === 'TRANSACTION';
  return true;
}

/** reads options while they continue; stops (without consuming) at anything else */
export function readTableOptions(c: Cursor, into: TableOptions): void {
  while (!c.done) {
    if (c.acceptPunct(',')) continue;
    if (!startsTableOption(c)) return;
    const key = optionKey(c);
    c.acceptEquals();
    const v = c.peek();
    if (!v) {
      into[key] = '';
      return;
    }
    if (v.kind === 'punct' && v.value === '(') {
      const s = c.pos;
      c.skipParens();
      into[key] = c.tokens.slice(s, c.pos).map((t) => t.text).join('');
      continue;
    }
    c.next();
    into[key] = v.kind === 'word' ? v.text : v.value;
  }
}

function optionKey(c: Cursor): string {
  c.accept('DEFAULT');
  if (c.accept('CHARACTER', 'SET') || c.accept('CHAR', 'SET') || c.accept('CHARSET')) return 'CHARSET';
  if (c.accept('DATA', 'DIRECTORY')) return 'DATA DIRECTORY';
  if (c.accept('INDEX', 'DIRECTORY')) return 'INDEX DIRECTORY';
  if (c.accept('START', 'TRANSACTION')) return 'START TRANSACTION';
  const w = c.word();
  c.next();
  if (w === 'TYPE') return 'ENGINE';
  if (w === 'TABLE_CHECKSUM') return 'CHECKSUM';
  if (w === 'STORAGE' || w === 'TABLESPACE') {
    // TABLESPACE ts STORAGE DISK
    return w;
  }
  return w;
}
