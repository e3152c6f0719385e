// Prisma relations as the foreign keys Prisma Migrate creates on MySQL: a relation field with
// `@relation(fields: [...], references: [...])` puts a key on its own model's table, named
// `<table>_<columns>_fkey` (Prisma's constraint naming; `map:` overrides it), with
// `ON DELETE RESTRICT` (`SET NULL` when a key field is optional) and `ON UPDATE CASCADE` unless
// `onDelete`/`onUpdate` say otherwise. MySQL backs the key with an index named after it when no
// other index starts with its columns; Prisma Migrate drops that index when it drops the key.
// `relationMode = "prisma"` (formerly `referentialIntegrity`) keeps keys out of the database.
import type { Attribute, Datasource, Field, KeyValue, Model, Value } from '@mrleebo/prisma-ast';
import type { ModelForeignKey, ModelTable } from './model';
import { declarationEnd } from './source-text';

const ACTIONS: Record<string, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

/** `relationMode = "prisma"` in the datasource: relations are emulated, the database has no foreign keys */
export function relationsEmulated(datasources: readonly Datasource[]): boolean {
  return datasources.some((d) =>
    d.assignments.some((a) => a.type === 'assignment' && (a.key === 'relationMode' || a.key === 'referentialIntegrity') && a.value === '"prisma"'),
  );
}

/** adds each model's foreign keys (and the indexes MySQL creates for them) to its table */
export function addRelationKeys(text: string, models: readonly Model[], tables: readonly ModelTable[]): void {
  const byModel = new Map(tables.map((t) => [t.model, t]));
  models.forEach((model, n) => {
    const table = tables[n];
    for (const p of model.properties) {
      if (p.type !== 'field' || typeof p.fieldType !== 'string') continue;
      const parent = byModel.get(p.fieldType);
      const relation = (p.attributes ?? []).find((a) => a.name === 'relation' && !a.group);
      if (!parent || !relation) continue;
      const fk = foreignKey(text, table, parent, p, relation);
      if (!fk) continue;
      table.foreignKeys.push(fk);
      const covered = [table.primaryKey, ...table.indexes.map((i) => i.columns)].some((cols) => startsWith(cols, fk.columns));
      if (!covered) table.indexes.push({ kind: 'index', name: fk.name, columns: fk.columns, span: fk.span, implicit: true });
    }
  });
}

function foreignKey(text: string, table: ModelTable, parent: ModelTable, field: Field, relation: Attribute): ModelForeignKey | undefined {
  const fields = names(keyed(relation, 'fields'));
  const references = names(keyed(relation, 'references'));
  // the other side of a relation (no `fields:`) holds no key
  if (fields.length === 0 || fields.length !== references.length) return undefined;
  const columnOf = (t: ModelTable, f: string) => t.columns.find((c) => c.field === f);
  const own = fields.map((f) => columnOf(table, f));
  const columns = own.map((c, i) => c?.column ?? fields[i]);
  const refColumns = references.map((f) => columnOf(parent, f)?.column ?? f);
  const optional = own.some((c) => c?.nullable) || field.optional === true;
  const start = field.location?.startOffset ?? 0;
  return {
    name: quoted(keyed(relation, 'map')) ?? `${table.table}_${columns.join('_')}_fkey`,
    columns,
    refTable: parent.table,
    refColumns,
    onDelete: action(keyed(relation, 'onDelete')) ?? (optional ? 'SET NULL' : 'RESTRICT'),
    onUpdate: action(keyed(relation, 'onUpdate')) ?? 'CASCADE',
    span: { start, end: declarationEnd(text, start) },
  };
}

function keyed(attr: Attribute, key: string): Value | undefined {
  for (const arg of attr.args ?? []) {
    const v = arg.value;
    if (isKeyValue(v) && v.key === key) return v.value;
  }
  return undefined;
}

function isKeyValue(v: unknown): v is KeyValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { type?: unknown }).type === 'keyValue';
}

/** `[a, b]` → a, b */
function names(v: Value | undefined): string[] {
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && v.type === 'array') return v.args.filter((a): a is string => typeof a === 'string');
  if (Array.isArray(v)) return v.filter((a): a is string => typeof a === 'string');
  return [];
}

function action(v: Value | undefined): string | undefined {
  return typeof v === 'string' ? ACTIONS[v] : undefined;
}

function quoted(v: Value | undefined): string | undefined {
  return typeof v === 'string' && /^".*"$/.test(v) ? v.slice(1, -1) : undefined;
}

function startsWith(columns: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= columns.length && prefix.every((c, i) => c.toLowerCase() === columns[i].toLowerCase());
}
