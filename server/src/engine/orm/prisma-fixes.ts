// Fixes written in schema.prisma itself: keep a renamed field's column with `@map("old")`, keep a
// removed field out of the application's use with `@ignore` (the drop comes in a later release),
// give a new required field a `@default(…)` or make it optional, or restore a field's previous
// definition when its column type or nullability changed; when a relation goes, keep the index
// MySQL created for its foreign key as an explicit `@@index`; when a many-to-many relation is
// renamed (which makes Prisma Migrate drop its relation table and create an empty one), keep the
// table by giving the relation its previous name.
import { fix, insertAt, replaceSpan } from '../fix/edits';
import type { Fix } from '../types';
import type { ModelChange } from './diff';
import type { ModelColumn, ModelIndex, ModelTable } from './model';
import { keepRelationTableFix } from './prisma-many-to-many-fixes';
import { lineStartAt } from './source-text';

export function prismaFixes(change: ModelChange, beforeText: string, afterText: string): Fix[] {
  switch (change.kind) {
    case 'rename-column':
      return [keepColumnFix(change.column, change.before.column, afterText)];
    case 'drop-column':
      return [ignoreFieldFix(change.before, change.table.bodyEnd, beforeText)];
    case 'add-column':
      return requiredFieldFixes(change.column, afterText);
    case 'drop-index':
      return change.index.implicit ? [keepKeyIndexFix(change.index, change.table, afterText)] : [];
    case 'drop-table':
      return keepRelationTableFix(change.before, afterText);
    case 'modify-column':
      if (change.table.joins) return []; // a relation table's column follows the id it references
      return [fix(`Restore the previous definition of ${change.column.field} (change it in separate releases)`, [replaceSpan(change.column.span, beforeText.slice(change.before.span.start, change.before.span.end))], true)];
    default:
      return [];
  }
}

function keepColumnFix(column: ModelColumn, oldName: string, text: string): Fix {
  const decl = text.slice(column.span.start, column.span.end);
  const map = /@map\(\s*"(?:[^"\\]|\\.)*"\s*\)/.exec(decl);
  const attr = `@map(${JSON.stringify(oldName)})`;
  const edit = map
    ? replaceSpan({ start: column.span.start + map.index, end: column.span.start + map.index + map[0].length }, attr)
    : insertAt(column.span.end, ` ${attr}`);
  return fix(`Keep the column ${oldName}: map ${column.field} to it with ${attr}`, [edit], true);
}

/** a removed relation's key index, kept as an explicit `@@index` under the same name */
function keepKeyIndexFix(index: ModelIndex, table: ModelTable, text: string): Fix {
  const member = table.columns[0]?.span.start;
  const indent = member === undefined ? '  ' : (/^[ \t]*/.exec(text.slice(lineStartAt(text, member), member))?.[0] ?? '  ');
  const fields = index.columns.map((c) => table.columns.find((col) => col.column.toLowerCase() === c.toLowerCase())?.field ?? c);
  const attr = `@@index([${fields.join(', ')}], map: ${JSON.stringify(index.name)})`;
  return fix(`Keep the index ${index.name} with ${attr}`, [insertAt(table.bodyEnd, `${indent}${attr}\n`)], true);
}

function ignoreFieldFix(before: ModelColumn, bodyEnd: number, beforeText: string): Fix {
  const lineStart = lineStartAt(beforeText, before.span.start);
  const indent = /^[ \t]*/.exec(beforeText.slice(lineStart, before.span.start))?.[0] ?? '  ';
  const decl = beforeText.slice(before.span.start, before.span.end);
  const line = before.ignored ? decl : `${decl} @ignore`;
  return fix(`Keep ${before.field} in the model with @ignore; drop the column in a later release`, [insertAt(bodyEnd, `${indent}${line}\n`)], true);
}

function requiredFieldFixes(column: ModelColumn, text: string): Fix[] {
  if (column.nullable || column.default !== undefined || column.autoIncrement) return [];
  const decl = text.slice(column.span.start, column.span.end);
  const type = /^\S+\s+([A-Za-z_][\w.]*)/.exec(decl);
  const out: Fix[] = [];
  const value = defaultFor(column, type?.[1]);
  if (value !== undefined) out.push(fix(`Add @default(${value})`, [insertAt(column.span.end, ` @default(${value})`)], true));
  if (type) out.push(fix(`Make ${column.field} optional`, [insertAt(column.span.start + type.index + type[0].length, '?')], out.length === 0));
  return out;
}

/** a Prisma default that fits the field type; undefined when none is obvious (Json, Bytes) */
function defaultFor(column: ModelColumn, prismaType: string | undefined): string | undefined {
  switch (prismaType) {
    case 'String':
      return '""';
    case 'Int':
    case 'BigInt':
    case 'Float':
    case 'Decimal':
      return '0';
    case 'Boolean':
      return 'false';
    case 'DateTime':
      return 'now()';
    default: {
      const first = /^ENUM\('([^']*)'/.exec(column.sqlType);
      return first ? first[1] : undefined;
    }
  }
}
