// Implicit many-to-many relations as the relation table Prisma Migrate creates for them on MySQL.
// Two list fields that point at each other's model (`posts Post[]` in Category, `categories
// Category[]` in Post) with the same relation name and no relation model make a table `_<name>`:
// the name is `@relation("Name")`, else the two model names in code-unit order joined by `To`
// (`_CategoryToPost`). Column `A` references the id of the model that sorts first, `B` the other's,
// each with its id column's type; a unique index `<table>_AB_unique` on (A, B), an index
// `<table>_B_index` on B, and keys `<table>_A_fkey` / `<table>_B_fkey` with ON DELETE CASCADE
// ON UPDATE CASCADE (none under `relationMode = "prisma"`; the table and its indexes stay).
// Prisma 6 replaced the unique index with a primary key `<table>_AB_pkey`, but on PostgreSQL only:
// MySQL and MariaDB relation tables keep `_AB_unique` in current versions.
// Names longer than MySQL's 64-character identifiers are cut the way Prisma cuts them.
import type { Attribute, Field, Model } from '@mrleebo/prisma-ast';
import type { Span } from '../types';
import type { ModelColumn, ModelForeignKey, ModelTable } from './model';
import { declarationEnd } from './source-text';

const MAX_IDENTIFIER = 64;

interface ListField {
  model: Model;
  field: Field;
  relation: string;
}

/** the relation tables of the implicit many-to-many relations between `models` (whose tables are `tables`, in the same order) */
export function joinTables(text: string, models: readonly Model[], tables: readonly ModelTable[], withForeignKeys: boolean): ModelTable[] {
  const tableOf = new Map(models.map((m, n) => [m.name, tables[n]]));
  const lists = models.flatMap((model) => listFields(model, tableOf));
  const out: ModelTable[] = [];
  const seen = new Set<string>();
  for (const side of lists) {
    const other = lists.find((o) => o !== side && o.model.name === side.field.fieldType && o.field.fieldType === side.model.name && o.relation === side.relation);
    if (!other) continue; // the other side of a one-to-many relation, or a schema Prisma would refuse
    const [a, b] = orderSides(side, other);
    const name = `_${side.relation}`.slice(0, MAX_IDENTIFIER);
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    const table = joinTable(text, name, a, b, tableOf, withForeignKeys);
    if (table) out.push(table);
  }
  return out;
}

/** a model's list fields whose type is another model (or itself), with their relation name */
function listFields(model: Model, tableOf: ReadonlyMap<string, ModelTable>): ListField[] {
  return model.properties.flatMap((p) => {
    if (p.type !== 'field' || !p.array || typeof p.fieldType !== 'string' || !tableOf.has(p.fieldType)) return [];
    const relation = (p.attributes ?? []).find((a) => a.name === 'relation' && !a.group);
    return [{ model, field: p, relation: relationName(relation) ?? generatedName(model.name, p.fieldType) }];
  });
}

/** `@relation("Name")` or `@relation(name: "Name")` */
function relationName(attr: Attribute | undefined): string | undefined {
  for (const arg of attr?.args ?? []) {
    const v = arg.value;
    if (typeof v === 'string') return unquote(v);
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && v.type === 'keyValue' && v.key === 'name' && typeof v.value === 'string') return unquote(v.value);
  }
  return undefined;
}

/** Prisma's name for an unnamed relation: the model names in code-unit order, joined by `To` */
function generatedName(one: string, other: string): string {
  return one < other ? `${one}To${other}` : `${other}To${one}`;
}

/** side A is the model that sorts first; in a self-relation, the field that sorts first */
function orderSides(x: ListField, y: ListField): [ListField, ListField] {
  if (x.model.name !== y.model.name) return x.model.name < y.model.name ? [x, y] : [y, x];
  return x.field.name < y.field.name ? [x, y] : [y, x];
}

function joinTable(text: string, name: string, a: ListField, b: ListField, tableOf: ReadonlyMap<string, ModelTable>, withForeignKeys: boolean): ModelTable | undefined {
  const tableA = tableOf.get(a.model.name);
  const tableB = tableOf.get(b.model.name);
  // implicit many-to-many needs a single-field id on both sides (Prisma refuses the schema otherwise)
  const idA = tableA && singleId(tableA);
  const idB = tableB && singleId(tableB);
  if (!tableA || !tableB || !idA || !idB) return undefined;
  const declaration = (side: ListField, fallback: number): Span => {
    const start = side.field.location?.startOffset ?? fallback;
    return { start, end: declarationEnd(text, start) };
  };
  const span = declaration(a, tableA.nameSpan.start);
  const nameSpan: Span = { start: span.start, end: span.start + a.field.name.length };
  const column = (col: string, id: ModelColumn): ModelColumn => ({ field: col, column: col, sqlType: id.sqlType, nullable: false, span, nameSpan });
  const foreignKey = (col: string, parent: ModelTable, id: ModelColumn): ModelForeignKey => ({
    name: `${name.slice(0, MAX_IDENTIFIER - '_fkey'.length - 2)}_${col}_fkey`,
    columns: [col],
    refTable: parent.table,
    refColumns: [id.column],
    onDelete: 'CASCADE',
    onUpdate: 'CASCADE',
    span,
  });
  return {
    model: name,
    table: name,
    columns: [column('A', idA), column('B', idB)],
    primaryKey: [],
    indexes: [
      { kind: 'unique', name: `${name.slice(0, MAX_IDENTIFIER - '_AB_unique'.length)}_AB_unique`, columns: ['A', 'B'], span },
      { kind: 'index', name: `${name.slice(0, MAX_IDENTIFIER - '_B_index'.length)}_B_index`, columns: ['B'], span },
    ],
    foreignKeys: withForeignKeys ? [foreignKey('A', tableA, idA), foreignKey('B', tableB, idB)] : [],
    span,
    nameSpan,
    bodyEnd: tableA.bodyEnd,
    joins: { models: [a.model.name, b.model.name], fields: [span, declaration(b, tableB.nameSpan.start)] },
  };
}

function singleId(table: ModelTable): ModelColumn | undefined {
  if (table.primaryKey.length !== 1) return undefined;
  return table.columns.find((c) => c.column === table.primaryKey[0]);
}

function unquote(v: string): string | undefined {
  return /^".*"$/.test(v) ? v.slice(1, -1) : undefined;
}
