// The fix for a renamed implicit many-to-many relation: its table is `_<relation name>`, so a new
// name (or a new `@relation("…")`) makes Prisma Migrate drop the table with its rows and create an
// empty one. Naming the relation as before keeps the table.
import { fix, insertAt, replaceSpan } from '../fix/edits';
import type { Fix, Span, TextEdit } from '../types';
import type { ModelTable } from './model';
import { parsePrisma } from './prisma';

/** the relation name in `@relation("Name")` / `@relation(name: "Name")`, as the quoted string */
const NAMED_RELATION = /@relation\(\s*(?:name\s*:\s*)?("(?:[^"\\]|\\.)*")/;

/** for a dropped relation table whose two models are still joined under another name: restore that name on both fields */
export function keepRelationTableFix(dropped: ModelTable, afterText: string): Fix[] {
  if (!dropped.joins || !dropped.table.startsWith('_') || dropped.table.length >= 64) return [];
  const [a, b] = dropped.joins.models;
  const renamed = parsePrisma(afterText).tables.filter((t) => t.joins?.models[0] === a && t.joins.models[1] === b);
  // with several relations between the two models, which one replaced the dropped table is a guess
  if (renamed.length !== 1 || !renamed[0].joins) return [];
  const name = JSON.stringify(dropped.table.slice(1));
  const edits = renamed[0].joins.fields.map((span) => nameEdit(afterText, span, name));
  if (edits.some((e) => e === undefined)) return [];
  return [fix(`Keep the relation table ${dropped.table}: name the relation ${name}`, edits.filter((e): e is TextEdit => e !== undefined), true)];
}

function nameEdit(text: string, field: Span, name: string): TextEdit | undefined {
  const decl = text.slice(field.start, field.end);
  const named = NAMED_RELATION.exec(decl);
  if (named) {
    const start = field.start + named.index + named[0].length - named[1].length;
    return replaceSpan({ start, end: start + named[1].length }, name);
  }
  // an @relation without a name would need the name merged into its arguments: not offered
  return decl.includes('@relation') ? undefined : insertAt(field.end, ` @relation(${name})`);
}
