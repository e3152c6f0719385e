// What a recogniser returns for one statement (the parse layer adds span, index, origin…).
import type { Statement, StatementKind } from '../../types';

export type Recognized = Pick<Statement, 'kind' | 'tables' | 'operations' | 'ddlOptions' | 'assignments' | 'dml' | 'problems'>;

export function recognized(kind: StatementKind, extra: Partial<Recognized> = {}): Recognized {
  return { kind, tables: [], operations: [], ddlOptions: {}, problems: [], ...extra };
}
