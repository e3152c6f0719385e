// Hand-built statements for catalog tests (independent of the parser).
import type { ColumnDef, DataType, Operation, Statement } from '../../server/src/engine/types';

export function type(text: string, extra: Partial<DataType> = {}): DataType {
  const m = /^(\w+)(?:\((\d+)\))?/.exec(text)!;
  return { name: m[1].toUpperCase(), length: m[2] ? Number(m[2]) : undefined, text, ...extra };
}

export function col(name: string, typeText: string, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { name, type: type(typeText), ...extra };
}

const span = { start: 0, end: 10 };

type OpInput = Operation extends infer O ? (O extends Operation ? Omit<O, 'span'> & { span?: Operation['span'] } : never) : never;

export function stmt(...ops: OpInput[]): Statement {
  return {
    index: 0,
    span: { start: 0, end: 20 },
    kind: 'other',
    sql: '',
    analyzed: true,
    parsedBy: 'recognizer',
    origin: 'top-level',
    tables: ops.map((o) => o.table.toLowerCase()),
    operations: ops.map((o) => ({ span, ...o }) as Operation),
    ddlOptions: {},
    problems: [],
  };
}

export function createTable(table: string, columns: ColumnDef[], extra: Partial<Extract<Operation, { kind: 'create-table' }>> = {}): OpInput {
  return { kind: 'create-table', table, columns, indexes: [], foreignKeys: [], checks: [], options: {}, ifNotExists: false, temporary: false, asSelect: false, partitioned: false, ...extra };
}
