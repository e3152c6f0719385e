// Fixes written in the entity itself: keep a renamed property's column with `name: "old"`, keep a
// removed property's column with the property restored as `select: false, insert: false,
// update: false` (the application stops using it, the generated migration keeps the column; the
// drop comes in a later release), make a new required column `nullable: true` or give it a
// `default`, or restore a property's previous definition when its type or nullability changed.
import { fix, insertAt, replaceSpan } from '../fix/edits';
import type { Fix, TextEdit } from '../types';
import type { ModelChange } from './diff';
import type { ModelColumn } from './model';
import { lineStartAt } from './source-text';
import { entityClasses, typescript, type ColumnDecorator } from './typeorm';

export function typeormFixes(change: ModelChange, beforeText: string, afterText: string): Fix[] {
  switch (change.kind) {
    case 'rename-column': {
      const edit = decoratorOf(afterText, change.table.model, change.column.field);
      return edit ? [fix(`Keep the column ${change.before.column}: map ${change.column.field} to it with name: "${change.before.column}"`, [setOption(edit, 'name', JSON.stringify(change.before.column))], true)] : [];
    }
    case 'drop-column':
      return keepColumnFix(change.before, change.table.bodyEnd, beforeText);
    case 'add-column':
      return requiredFixes(change.column, change.table.model, afterText);
    case 'modify-column':
      return [fix(`Restore the previous definition of ${change.column.field} (change it in separate releases)`, [replaceSpan(change.column.span, beforeText.slice(change.before.span.start, change.before.span.end))], true)];
    default:
      return [];
  }
}

function decoratorOf(text: string, className: string, property: string): ColumnDecorator | undefined {
  return entityClasses(text)
    .find((e) => e.name === className)
    ?.columns.find((c) => c.property.name.getText() === property);
}

/** sets `key: value` in the decorator's options object (adding the object when there is none) */
function setOption(c: ColumnDecorator, key: string, value: string): TextEdit {
  const ts = typescript();
  if (c.options) {
    const existing = c.options.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText().replace(/['"]/g, '') === key);
    if (existing && ts.isPropertyAssignment(existing)) return replaceSpan({ start: existing.initializer.getStart(), end: existing.initializer.getEnd() }, value);
    const open = c.options.getStart() + 1;
    return insertAt(open, c.options.properties.length === 0 ? ` ${key}: ${value} ` : ` ${key}: ${value},`);
  }
  const args = c.call.arguments;
  if (args.length === 0) return insertAt(args.pos, `{ ${key}: ${value} }`);
  return insertAt(args[args.length - 1].getEnd(), `, { ${key}: ${value} }`);
}

function keepColumnFix(before: ModelColumn, bodyEnd: number, beforeText: string): Fix[] {
  // the old declaration, alone in a class, with the three options set one after the other
  const prefix = '@Entity()\nclass Kept {\n';
  const suffix = '\n}\n';
  let wrapped = `${prefix}${beforeText.slice(before.span.start, before.span.end)}${suffix}`;
  for (const key of ['update', 'insert', 'select']) {
    const decorator = decoratorOf(wrapped, 'Kept', before.field);
    if (!decorator) return [];
    wrapped = apply(wrapped, [setOption(decorator, key, 'false')]);
  }
  const declaration = wrapped.slice(prefix.length, wrapped.length - suffix.length);
  const indent = /^[ \t]*/.exec(beforeText.slice(lineStartAt(beforeText, before.span.start), before.span.start))?.[0] ?? '  ';
  return [fix(`Keep the column ${before.column}: restore ${before.field} with select, insert and update false; drop the column in a later release`, [insertAt(bodyEnd, `${indent}${declaration}\n`)], true)];
}

function requiredFixes(column: ModelColumn, className: string, text: string): Fix[] {
  if (column.nullable || column.default !== undefined || column.autoIncrement) return [];
  const decorator = decoratorOf(text, className, column.field);
  if (!decorator) return [];
  const out = [fix(`Make ${column.field} nullable: true`, [setOption(decorator, 'nullable', 'true')], true)];
  const value = /INT|DECIMAL|FLOAT|DOUBLE/.test(column.sqlType) ? '0' : /CHAR|TEXT/.test(column.sqlType) ? '""' : /^TINYINT$/.test(column.sqlType) ? 'false' : /DATE|TIME/.test(column.sqlType) ? '() => "CURRENT_TIMESTAMP"' : undefined;
  if (value !== undefined) out.push(fix(`Add default: ${value}`, [setOption(decorator, 'default', value)]));
  return out;
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}
