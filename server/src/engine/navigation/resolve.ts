// Ties the names of a chain's events to identities: a table or column keeps one identity across
// RENAME TABLE / RENAME COLUMN / CHANGE old new, and a name created again after a DROP is a new one.
// A name used before anything in the chain creates it (a table from a schema source, or unknown)
// gets an `external` identity at its first use. Cheap (no parsing): redone whenever a file changes.
import type { Span } from '../types';
import type { FileFacts, NavEvent, NavKind, StatementFacts } from './events';

export interface Occurrence {
  entity: Entity;
  /** position of the file in the chain */
  file: number;
  /** the statement's position in the file's statement list */
  statement: number;
  statementSpan: Span;
  /** the identifier; absent when it could not be located in the statement */
  span?: Span;
  kind: NavKind;
  /** creates, renames to, or redefines the name (a definition site) */
  defines: boolean;
  /** the name as written here */
  written: string;
}

interface EntityBase {
  id: number;
  /** the latest name (as written), lower-cased in `key` */
  name: string;
  key: string;
  occurrences: Occurrence[];
  /** first used before the chain created it */
  external: boolean;
  /** dropped by the end of the chain */
  dropped: boolean;
}

export interface TableEntity extends EntityBase {
  type: 'table';
  /** columns alive now, by lower-cased name */
  columns: Map<string, ColumnEntity>;
  /** every column it ever had, in order of first appearance */
  allColumns: ColumnEntity[];
}

export interface ColumnEntity extends EntityBase {
  type: 'column';
  table: TableEntity;
}

export type Entity = TableEntity | ColumnEntity;

export interface NavFile {
  path: string;
  statements: StatementFacts[];
  /** the file's occurrences that have a span, by start offset */
  occurrences: Occurrence[];
  /** every occurrence in the file, in statement order */
  all: Occurrence[];
}

export interface ChainNavigation {
  files: NavFile[];
  /** every table identity, in order of first appearance */
  tables: TableEntity[];
  /** the tables alive after the chain, by lower-cased name */
  live: Map<string, TableEntity>;
}

export function resolveChain(files: readonly { path: string; facts: FileFacts }[]): ChainNavigation {
  const resolver = new Resolver();
  const out = files.map((f, i) => resolver.file(i, f.path, f.facts));
  return { files: out, tables: resolver.tables, live: resolver.live };
}

class Resolver {
  readonly tables: TableEntity[] = [];
  readonly live = new Map<string, TableEntity>();
  private nextId = 1;
  private current: Occurrence[] = [];
  private at = { file: 0, statement: 0, statementSpan: { start: 0, end: 0 } };

  file(index: number, path: string, facts: FileFacts): NavFile {
    this.current = [];
    for (const s of facts.statements) {
      this.at = { file: index, statement: s.statement.index, statementSpan: s.statement.span };
      for (const e of s.events) this.event(e);
    }
    const occurrences = this.current.filter((o) => o.span).sort((a, b) => (a.span as Span).start - (b.span as Span).start);
    return { path, statements: facts.statements, occurrences, all: this.current };
  }

  private event(e: NavEvent): void {
    switch (e.type) {
      case 'table': {
        const existing = this.live.get(e.table);
        const fresh = e.creates === 'new' || (e.creates === 'if-not-exists' && !existing);
        const table = fresh ? this.newTable(e.table, e.written, false) : this.table(e.table, e.written);
        this.occur(table, e.kind, fresh && e.defines, e.span, e.written);
        return;
      }
      case 'rename-table': {
        const table = this.table(e.from, e.fromAt.written);
        this.occur(table, 'rename', false, e.fromAt.span, e.fromAt.written);
        this.live.delete(e.from);
        this.live.set(e.to, table);
        table.key = e.to;
        table.name = e.toAt.written;
        this.occur(table, 'rename', true, e.toAt.span, e.toAt.written);
        return;
      }
      case 'drop-table': {
        const table = this.table(e.table, e.written);
        this.occur(table, 'drop', false, e.span, e.written);
        this.live.delete(e.table);
        table.dropped = true;
        return;
      }
      case 'column': {
        const table = this.table(e.table, e.table);
        const column = e.creates ? this.newColumn(table, e.column, e.written, false) : this.column(table, e.column, e.written);
        this.occur(column, e.kind, e.defines, e.span, e.written);
        return;
      }
      case 'rename-column': {
        const table = this.table(e.table, e.table);
        const column = this.column(table, e.from, e.fromAt.written);
        this.occur(column, 'rename', false, e.fromAt.span, e.fromAt.written);
        table.columns.delete(e.from);
        table.columns.set(e.to, column);
        column.key = e.to;
        column.name = e.toAt.written;
        this.occur(column, 'rename', true, e.toAt.span, e.toAt.written);
        return;
      }
      case 'drop-column': {
        const table = this.table(e.table, e.table);
        const column = this.column(table, e.column, e.written);
        this.occur(column, 'drop', false, e.span, e.written);
        table.columns.delete(e.column);
        column.dropped = true;
        return;
      }
      case 'dml-names': {
        const tables = e.tables.map((t) => this.live.get(t)).filter((t): t is TableEntity => t !== undefined);
        for (const n of e.names) {
          const column = tables.map((t) => t.columns.get(n.lower)).find((c) => c !== undefined);
          if (column) this.occur(column, 'dml-write', false, n.span, n.written);
        }
        return;
      }
    }
  }

  private occur(entity: Entity, kind: NavKind, defines: boolean, span: Span | undefined, written: string): void {
    const last = entity.occurrences[entity.occurrences.length - 1];
    // one statement may name a table in several clauses of the same header: keep one occurrence
    if (last && last.file === this.at.file && last.statement === this.at.statement && span && last.span?.start === span.start) return;
    const o: Occurrence = { entity, ...this.at, span, kind, defines, written };
    entity.occurrences.push(o);
    this.current.push(o);
  }

  private table(key: string, written: string): TableEntity {
    return this.live.get(key) ?? this.newTable(key, written, true);
  }

  private newTable(key: string, written: string, external: boolean): TableEntity {
    const previous = this.live.get(key);
    if (previous) previous.dropped = true;
    const table: TableEntity = { type: 'table', id: this.nextId++, name: written, key, occurrences: [], external, dropped: false, columns: new Map(), allColumns: [] };
    this.tables.push(table);
    this.live.set(key, table);
    return table;
  }

  private column(table: TableEntity, key: string, written: string): ColumnEntity {
    return table.columns.get(key) ?? this.newColumn(table, key, written, true);
  }

  private newColumn(table: TableEntity, key: string, written: string, external: boolean): ColumnEntity {
    const previous = table.columns.get(key);
    if (previous) previous.dropped = true;
    const column: ColumnEntity = { type: 'column', id: this.nextId++, name: written, key, occurrences: [], external, dropped: false, table };
    table.columns.set(key, column);
    table.allColumns.push(column);
    return column;
  }
}
