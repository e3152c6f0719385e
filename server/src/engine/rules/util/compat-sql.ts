// Small SQL text helpers for the compatibility rules' fixes: identifier quoting, keyword search
// that skips quoted text and comments, type-appropriate DEFAULT literals.
import type { ColumnDef, DataType, DefaultValue, Span, Target } from '../../types';
import { atLeast } from '../../targets';

export function quoteIdent(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** the SQL of a string literal */
export function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * Finds `pattern` (a sticky-free regex over upper-case keywords) in text[span], outside quotes and
 * comments; returns the matched absolute span. The regex must not contain quotes.
 */
export function findKeyword(text: string, span: Span, pattern: RegExp): Span | undefined {
  const masked = maskQuoted(text.slice(span.start, span.end));
  const re = new RegExp(pattern.source, pattern.flags.includes('i') ? 'gi' : 'g');
  const m = re.exec(masked);
  if (!m) return undefined;
  return { start: span.start + m.index, end: span.start + m.index + m[0].length };
}

/** replaces quoted strings, quoted identifiers and comments by spaces (same length) */
export function maskQuoted(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === '\\' && c !== '`') { j += 2; continue; }
        if (sql[j] === c) { if (sql[j + 1] === c) { j += 2; continue; } break; }
        j++;
      }
      const end = Math.min(j + 1, sql.length);
      out += ' '.repeat(end - i);
      i = end;
    } else if (c === '-' && sql[i + 1] === '-' || c === '#') {
      const nl = sql.indexOf('\n', i);
      const end = nl < 0 ? sql.length : nl;
      out += ' '.repeat(end - i);
      i = end;
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      const end = close < 0 ? sql.length : close + 2;
      out += ' '.repeat(end - i);
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const NUMERIC = new Set(['TINYINT', 'SMALLINT', 'MEDIUMINT', 'INT', 'BIGINT', 'DECIMAL', 'NUMERIC', 'FLOAT', 'DOUBLE', 'REAL']);
const STRINGS = new Set(['CHAR', 'VARCHAR', 'BINARY', 'VARBINARY', 'NCHAR', 'NVARCHAR']);
const BLOBS = new Set(['TINYTEXT', 'TEXT', 'MEDIUMTEXT', 'LONGTEXT', 'TINYBLOB', 'BLOB', 'MEDIUMBLOB', 'LONGBLOB', 'JSON']);

/**
 * A DEFAULT that fills existing rows harmlessly for the type, as SQL text; undefined when there is
 * no sensible one (DATE, spatial types, BLOB/TEXT/JSON where the target allows no literal default).
 */
export function defaultLiteralFor(type: DataType, target: Target): string | undefined {
  const name = type.name.toUpperCase();
  if (NUMERIC.has(name)) return '0';
  if (name === 'BIT') return "b'0'";
  if (STRINGS.has(name)) return "''";
  if (name === 'ENUM') return type.values?.[0] !== undefined ? quoteString(type.values[0]) : undefined;
  if (name === 'SET') return "''";
  if (name === 'TIMESTAMP' || name === 'DATETIME') return type.length ? `CURRENT_TIMESTAMP(${type.length})` : 'CURRENT_TIMESTAMP';
  if (BLOBS.has(name)) {
    const expressionDefaults = target.flavor === 'mariadb' ? atLeast(target, 10, 2, 1) : atLeast(target, 8, 0, 13);
    if (!expressionDefaults) return undefined;
    if (name === 'JSON') return target.flavor === 'mariadb' ? "'{}'" : "('{}')";
    return target.flavor === 'mariadb' ? "''" : "('')";
  }
  return undefined;
}

/** the SQL text of a DEFAULT value, as it would follow the DEFAULT keyword */
export function defaultText(value: DefaultValue): string {
  switch (value.kind) {
    case 'null':
      return 'NULL';
    case 'literal':
    case 'current-timestamp':
      return value.text;
    case 'expression':
      return value.text.trim().startsWith('(') ? value.text : `(${value.text})`;
  }
}

/**
 * Where attributes can be appended to a MODIFY/CHANGE/ADD column definition: its end, or just before
 * a trailing FIRST / AFTER x (the parser's definition span may include the position).
 */
export function definitionEnd(text: string, def: ColumnDef, hasPosition: boolean): number | undefined {
  if (!def.span) return undefined;
  if (!hasPosition) return def.span.end;
  const masked = maskQuoted(text.slice(def.span.start, def.span.end));
  const re = /\b(?:FIRST|AFTER)\b/gi;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(masked); m; m = re.exec(masked)) last = m;
  if (!last) return def.span.end;
  let at = def.span.start + last.index;
  while (at > def.span.start && /\s/.test(text[at - 1])) at--;
  return at;
}

/** the column's definition span, or the clause span when the parser gave none */
export function columnSpan(column: ColumnDef, fallback: Span): Span {
  return column.span ?? fallback;
}
