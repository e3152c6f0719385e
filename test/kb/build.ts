// Tiny builders for hand-made Statements, TableDefs and Catalogs in knowledge-base unit tests.
import type { Catalog, ColumnDef, DataType, DdlOptions, IndexDef, Operation, Statement, StatementKind, TableDef } from '../../server/src/engine/types';

const SPAN = { start: 0, end: 0 };

type OpInput = Operation extends infer O ? (O extends Operation ? Omit<O, 'span' | 'table'> & { table?: string } : never) : never;

export function op(input: OpInput): Operation {
  return { table: 't', span: SPAN, ...input } as Operation;
}

export function statement(kind: StatementKind, operations: Operation[], ddlOptions: DdlOptions = {}): Statement {
  return { index: 0, span: SPAN, kind, sql: '', analyzed: true, parsedBy: 'recognizer', origin: 'top-level', tables: [...new Set(operations.map((o) => o.table))], operations, ddlOptions, problems: [] };
}

export function alter(operations: Operation[], ddlOptions: DdlOptions = {}): Statement {
  return statement('alter-table', operations, ddlOptions);
}

export function type(name: string, extra: Partial<DataType> = {}): DataType {
  return { name, text: name.toLowerCase(), ...extra };
}

export function column(name: string, t: DataType, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { name, type: t, ...extra };
}

export function index(name: string, columns: string[], kind: IndexDef['kind'] = 'index'): IndexDef {
  return { name, kind, columns: columns.map((c) => ({ name: c })) };
}

export function table(name: string, columns: ColumnDef[], extra: Partial<TableDef> = {}): TableDef {
  return { name, columns, indexes: [], foreignKeys: [], checks: [], options: {}, partitioned: false, ...extra };
}

export function catalog(...tables: TableDef[]): Catalog {
  return { tables: new Map(tables.map((t) => [t.name.toLowerCase(), t])) };
}
