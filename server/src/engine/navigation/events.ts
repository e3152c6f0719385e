// What one migration file does to which names, before names are tied to identities: per
// statement, events in order (a table created, a column renamed, a name written by DML …) with the
// span of each identifier. Depends only on the file's text, so it is cached per file.
import { tableKey } from '../catalog/apply';
import { unwrapExecutableComments } from '../parse/executable-comments';
import { parseFile } from '../parse';
import type { Operation, Span, Statement, StatementKind, Target } from '../types';
import { migrationText, type Convention } from '../workspace';
import { findName, nameAfter, nameAfterWord, nameTokens, type NameToken } from './scanner';

/** what an occurrence does to its table or column */
export type NavKind = 'create' | 'alter' | 'rename' | 'drop' | 'index' | 'dml-write';

interface Where {
  /** the identifier's span, when it could be located */
  span?: Span;
  /** the name as written (unquoted) */
  written: string;
}

export type NavEvent =
  | (Where & { type: 'table'; table: string; kind: NavKind; defines: boolean; creates?: 'new' | 'if-not-exists' })
  | { type: 'rename-table'; from: string; to: string; fromAt: Where; toAt: Where }
  | (Where & { type: 'drop-table'; table: string })
  | (Where & { type: 'column'; table: string; column: string; kind: NavKind; defines: boolean; creates?: boolean })
  | { type: 'rename-column'; table: string; from: string; to: string; fromAt: Where; toAt: Where }
  | (Where & { type: 'drop-column'; table: string; column: string })
  /** names in a DML statement: those that name a column of a written table are writes of it */
  | { type: 'dml-names'; tables: string[]; names: { lower: string; written: string; span: Span }[] };

export interface StatementFacts {
  statement: Statement;
  /** one line: the statement's start, whitespace collapsed */
  label: string;
  events: NavEvent[];
}

export interface FileFacts {
  statements: StatementFacts[];
}

const ALTER_HEAD = new Set(['alter', 'online', 'offline', 'ignore', 'table']);
const CREATE_HEAD = new Set(['create', 'or', 'replace', 'temporary', 'table', 'if', 'not', 'exists']);
const DROP_HEAD = new Set(['drop', 'temporary', 'table', 'tables', 'if', 'exists']);
const COLUMN_HEAD = new Set(['add', 'drop', 'modify', 'change', 'alter', 'column', 'rename', 'if', 'not', 'exists']);
const INDEX_ONLY: ReadonlySet<Operation['kind']> = new Set(['add-index', 'drop-index', 'rename-index', 'index-visibility', 'drop-primary-key', 'add-foreign-key', 'drop-foreign-key']);
const DML_KINDS: ReadonlySet<StatementKind> = new Set(['insert', 'update', 'delete']);

/** the facts of one migration file (its up sections) */
export function fileFacts(text: string, convention: Convention | undefined, target: Target): FileFacts {
  const up = migrationText(text, convention);
  let statements: Statement[];
  try {
    statements = parseFile(up, { target });
  } catch {
    return { statements: [] }; // the engine never throws on input; this is a last guard
  }
  const unwrapped = unwrapExecutableComments(up, target);
  return { statements: statements.map((s) => statementFacts(s, unwrapped)) };
}

function statementFacts(statement: Statement, text: string): StatementFacts {
  const tokens = nameTokens(text, statement.span);
  const label = text.slice(statement.span.start, Math.min(statement.span.end, statement.span.start + 400)).replace(/\s+/g, ' ').trim().slice(0, 80);
  let events: NavEvent[];
  try {
    events = new EventBuilder(statement, tokens).build();
  } catch {
    events = []; // the engine never throws on input: a statement it cannot follow names nothing
  }
  return { statement, label, events };
}

const where = (token: NameToken | undefined, fallback: string): Where => (token ? { span: { start: token.start, end: token.end }, written: token.name } : { written: fallback });

class EventBuilder {
  private readonly events: NavEvent[] = [];
  private readonly start: number;
  private readonly end: number;

  constructor(
    private readonly statement: Statement,
    private readonly tokens: NameToken[],
  ) {
    this.start = statement.span.start;
    this.end = statement.span.end;
  }

  build(): NavEvent[] {
    const s = this.statement;
    if (s.kind === 'alter-table') this.alterTable();
    else for (const op of s.operations) this.standalone(op);
    if (s.dml && DML_KINDS.has(s.kind)) this.dml(s.dml.tables);
    return this.events;
  }

  private alterTable(): void {
    const ops = this.statement.operations;
    if (ops.length === 0) return;
    const headEnd = Math.min(...ops.map((o) => (o.span.start > this.start ? o.span.start : this.end)));
    const table = ops[0].table;
    const head = nameAfter(this.tokens, table.toLowerCase(), this.start, headEnd, ALTER_HEAD) ?? findName(this.tokens, table.toLowerCase(), this.start, this.end);
    const kind: NavKind = ops.every((o) => INDEX_ONLY.has(o.kind)) ? 'index' : 'alter';
    this.events.push({ type: 'table', table: tableKey(table), kind, defines: false, ...where(head, table) });
    for (const op of ops) this.clause(op, head?.end ?? this.start);
  }

  /** an ALTER TABLE clause (the table itself is the header's) */
  private clause(op: Operation, headEnd: number): void {
    const table = tableKey(op.table);
    const { start, end } = op.span.start >= headEnd ? op.span : { start: headEnd, end: this.end };
    const named = (lower: string): NameToken | undefined => nameAfter(this.tokens, lower, start, end, COLUMN_HEAD);
    switch (op.kind) {
      case 'add-column': {
        const at = op.column.span ? findName(this.tokens, op.column.name.toLowerCase(), op.column.span.start, op.column.span.end) : named(op.column.name.toLowerCase());
        this.events.push({ type: 'column', table, column: op.column.name.toLowerCase(), kind: 'create', defines: true, creates: true, ...where(at, op.column.name) });
        return;
      }
      case 'drop-column':
        this.events.push({ type: 'drop-column', table, column: op.column.toLowerCase(), ...where(named(op.column.toLowerCase()), op.column) });
        return;
      case 'rename-column': {
        const from = named(op.column.toLowerCase());
        const to = findName(this.tokens, op.newName.toLowerCase(), from?.end ?? start, end);
        this.events.push({ type: 'rename-column', table, from: op.column.toLowerCase(), to: op.newName.toLowerCase(), fromAt: where(from, op.column), toAt: where(to, op.newName) });
        return;
      }
      case 'modify-column': {
        const from = named(op.column.toLowerCase());
        const newName = op.newName ?? (op.via === 'change' ? op.column : undefined);
        if (newName === undefined) {
          this.events.push({ type: 'column', table, column: op.column.toLowerCase(), kind: 'alter', defines: true, ...where(from, op.column) });
          return;
        }
        const to = findName(this.tokens, newName.toLowerCase(), op.def.span?.start ?? from?.end ?? start, end);
        if (newName.toLowerCase() === op.column.toLowerCase()) {
          this.events.push({ type: 'column', table, column: op.column.toLowerCase(), kind: 'alter', defines: false, ...where(from, op.column) });
          this.events.push({ type: 'column', table, column: op.column.toLowerCase(), kind: 'alter', defines: true, ...where(to, newName) });
        } else {
          this.events.push({ type: 'rename-column', table, from: op.column.toLowerCase(), to: newName.toLowerCase(), fromAt: where(from, op.column), toAt: where(to, newName) });
        }
        return;
      }
      case 'set-default':
      case 'drop-default':
        this.events.push({ type: 'column', table, column: op.column.toLowerCase(), kind: 'alter', defines: false, ...where(named(op.column.toLowerCase()), op.column) });
        return;
      case 'add-index':
        this.indexColumns(table, op.index.columns.map((c) => c.name), start, end);
        return;
      case 'add-foreign-key':
        this.foreignKey(table, op.fk.columns, op.fk.refTable, op.fk.refColumns, start, end);
        return;
      case 'rename-table': {
        const to = findName(this.tokens, op.newName.toLowerCase(), start, end);
        const head = this.events.find((e) => e.type === 'table');
        const fromAt: Where = head && head.type === 'table' ? { span: head.span, written: head.written } : { written: op.table };
        this.events.push({ type: 'rename-table', from: table, to: tableKey(op.newName), fromAt, toAt: where(to, op.newName) });
        return;
      }
      default:
        return;
    }
  }

  /** an operation of a statement other than ALTER TABLE */
  private standalone(op: Operation): void {
    const table = tableKey(op.table);
    const s = this.statement;
    switch (op.kind) {
      case 'create-table': {
        const at = nameAfter(this.tokens, table, this.start, this.end, CREATE_HEAD);
        this.events.push({ type: 'table', table, kind: 'create', defines: true, creates: op.ifNotExists ? 'if-not-exists' : 'new', ...where(at, op.table) });
        for (const c of op.columns) {
          const cat = c.span ? findName(this.tokens, c.name.toLowerCase(), c.span.start, c.span.end) : undefined;
          this.events.push({ type: 'column', table, column: c.name.toLowerCase(), kind: 'create', defines: true, creates: true, ...where(cat, c.name) });
        }
        for (const i of op.indexes) if (i.span) this.indexColumns(table, i.columns.map((c) => c.name), i.span.start, i.span.end);
        for (const fk of op.foreignKeys) if (fk.span) this.foreignKey(table, fk.columns, fk.refTable, fk.refColumns, fk.span.start, fk.span.end);
        return;
      }
      case 'drop-table':
        this.events.push({ type: 'drop-table', table, ...where(nameAfter(this.tokens, table, op.span.start, op.span.end, DROP_HEAD) ?? findName(this.tokens, table, this.start, this.end), op.table) });
        return;
      case 'rename-table': {
        const from = findName(this.tokens, table, op.span.start, op.span.end);
        const to = findName(this.tokens, op.newName.toLowerCase(), from?.end ?? op.span.start, op.span.end);
        this.events.push({ type: 'rename-table', from: table, to: tableKey(op.newName), fromAt: where(from, op.table), toAt: where(to, op.newName) });
        return;
      }
      case 'add-index':
      case 'drop-index': {
        const at = nameAfterWord(this.tokens, 'on', table, op.span.start, op.span.end) ?? findName(this.tokens, table, this.start, this.end);
        this.events.push({ type: 'table', table, kind: 'index', defines: false, ...where(at, op.table) });
        if (op.kind === 'add-index') this.indexColumns(table, op.index.columns.map((c) => c.name), at?.end ?? op.span.start, op.span.end);
        return;
      }
      default: {
        const kind: NavKind = s.kind === 'truncate' ? 'dml-write' : 'alter';
        this.events.push({ type: 'table', table, kind, defines: false, ...where(findName(this.tokens, table, op.span.start, op.span.end) ?? findName(this.tokens, table, this.start, this.end), op.table) });
      }
    }
  }

  private dml(tables: readonly string[]): void {
    const used = new Set<number>();
    for (const t of tables) {
      const table = tableKey(t);
      const at = findName(this.tokens, table, this.start, this.end);
      if (at) used.add(at.start);
      this.events.push({ type: 'table', table, kind: 'dml-write', defines: false, ...where(at, t) });
    }
    const names = this.tokens.filter((t) => !used.has(t.start)).map((t) => ({ lower: t.lower, written: t.name, span: { start: t.start, end: t.end } }));
    this.events.push({ type: 'dml-names', tables: tables.map(tableKey), names });
  }

  /** the columns of a key, named inside its parentheses */
  private indexColumns(table: string, columns: readonly string[], start: number, end: number): void {
    const open = this.tokenAfterParen(start, end);
    let from = open;
    for (const c of columns) {
      const at = findName(this.tokens, c.toLowerCase(), from, end);
      if (at) from = at.end;
      this.events.push({ type: 'column', table, column: c.toLowerCase(), kind: 'index', defines: false, ...where(at, c) });
    }
  }

  private foreignKey(table: string, columns: readonly string[], refTable: string, refColumns: readonly string[], start: number, end: number): void {
    const refAt = nameAfterWord(this.tokens, 'references', tableKey(refTable), start, end);
    this.indexColumns(table, columns, start, refAt?.start ?? end);
    const ref = tableKey(refTable);
    this.events.push({ type: 'table', table: ref, kind: 'index', defines: false, ...where(refAt, refTable) });
    if (refAt) this.indexColumns(ref, refColumns, refAt.end, end);
  }

  /** where a parenthesised list starts inside [start, end): names before it are key or constraint names */
  private tokenAfterParen(start: number, end: number): number {
    return this.tokens.find((t) => t.start >= start && t.end <= end && t.afterParen)?.start ?? start;
  }
}
