// Fixes written in the Go struct itself: keep a renamed field's column with `gorm:"column:old"`,
// keep a removed field's column with the field restored as `gorm:"-:migration"` (migrations leave
// the column alone; the drop comes in a later release), give a new NOT NULL field a `default:`
// tag or drop its `not null`, or restore a field's previous definition when its type changed.
import { fix, insertAt, replaceSpan } from '../fix/edits';
import type { Fix, Span, TextEdit } from '../types';
import type { ModelChange } from './diff';
import type { ModelColumn } from './model';
import { lineStartAt } from './source-text';

export function gormFixes(change: ModelChange, beforeText: string, afterText: string): Fix[] {
  // a column of an embedded struct (or gorm.Model) is declared in that struct, not on its own line here
  const embedded = (c: ModelColumn) => c.span.start === c.nameSpan.start && c.span.end === c.nameSpan.end;
  const columns = change.kind === 'rename-column' || change.kind === 'modify-column' ? [change.before, change.column] : change.kind === 'drop-column' ? [change.before] : change.kind === 'add-column' ? [change.column] : [];
  if (columns.some(embedded)) return [];
  switch (change.kind) {
    case 'rename-column': {
      const edits = setTagKey(afterText, change.column.span, 'column', change.before.column);
      return edits ? [fix(`Keep the column ${change.before.column}: map ${change.column.field} to it with gorm:"column:${change.before.column}"`, edits, true)] : [];
    }
    case 'drop-column':
      return keepColumnFix(change.before, change.table.bodyEnd, beforeText);
    case 'add-column':
      return requiredFixes(change.column, afterText);
    case 'modify-column':
      return [fix(`Restore the previous definition of ${change.column.field} (change it in separate releases)`, [replaceSpan(change.column.span, beforeText.slice(change.before.span.start, change.before.span.end))], true)];
    default:
      return [];
  }
}

interface GormTagPlace {
  /** the gorm:"…" value, when the tag has one */
  value?: Span;
  /** where ` gorm:"…"` goes in a tag without one (before its closing backquote) */
  tagEnd?: number;
}

/** where the field's gorm tag is; undefined when its tag is not a raw string we can edit */
function tagPlace(text: string, field: Span): GormTagPlace | undefined {
  const decl = text.slice(field.start, field.end);
  const open = decl.indexOf('`');
  if (open < 0) return decl.includes('"') ? undefined : {};
  const close = decl.indexOf('`', open + 1);
  if (close < 0) return undefined;
  const tag = decl.slice(open + 1, close);
  const m = /(^|\s)gorm:"((?:[^"\\]|\\.)*)"/.exec(tag);
  if (!m) return { tagEnd: field.start + close };
  const start = field.start + open + 1 + m.index + m[1].length + 'gorm:"'.length;
  return { value: { start, end: start + m[2].length } };
}

/** edits that set `key:value` in the field's gorm tag (adding the tag when there is none) */
function setTagKey(text: string, field: Span, key: string, value: string): TextEdit[] | undefined {
  const place = tagPlace(text, field);
  if (!place) return undefined;
  const entry = value === '' ? key : `${key}:${value}`;
  if (place.value) {
    const current = text.slice(place.value.start, place.value.end);
    const parts = current.split(';');
    const at = parts.findIndex((p) => p.trim().split(':')[0].trim().toLowerCase() === key.toLowerCase());
    if (at >= 0) parts[at] = entry;
    else parts.unshift(entry);
    return [replaceSpan(place.value, parts.filter((p) => p.trim() !== '').join(';'))];
  }
  if (place.tagEnd !== undefined) return [insertAt(place.tagEnd, ` gorm:"${entry}"`)];
  return [insertAt(field.end, ` \`gorm:"${entry}"\``)];
}

function keepColumnFix(before: ModelColumn, bodyEnd: number, beforeText: string): Fix[] {
  const edits = setTagKey(beforeText, before.span, '-', 'migration');
  if (!edits) return [];
  const declaration = apply(beforeText.slice(before.span.start, before.span.end), edits.map((e) => ({ ...e, span: { start: e.span.start - before.span.start, end: e.span.end - before.span.start } })));
  const indent = /^[ \t]*/.exec(beforeText.slice(lineStartAt(beforeText, before.span.start), before.span.start))?.[0] ?? '\t';
  return [fix(`Keep the column ${before.column}: restore ${before.field} with gorm:"-:migration"; drop the column in a later release`, [insertAt(bodyEnd, `${indent}${declaration}\n`)], true)];
}

function requiredFixes(column: ModelColumn, text: string): Fix[] {
  if (column.nullable || column.default !== undefined || column.autoIncrement) return [];
  const out: Fix[] = [];
  const value = /INT|DECIMAL|FLOAT|DOUBLE/.test(column.sqlType) ? '0' : /CHAR|TEXT/.test(column.sqlType) ? "''" : undefined;
  const withDefault = value !== undefined ? setTagKey(text, column.span, 'default', value) : undefined;
  if (withDefault) out.push(fix(`Add default:${value} to the gorm tag`, withDefault, true));
  const place = tagPlace(text, column.span);
  if (place?.value) {
    const current = text.slice(place.value.start, place.value.end);
    const kept = current.split(';').filter((p) => !/^\s*not\s*null\s*$/i.test(p));
    out.push(fix(`Make ${column.field} nullable (drop not null)`, [replaceSpan(place.value, kept.join(';'))], out.length === 0));
  }
  return out;
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}
