// What a recogniser returns for one statement (the parse layer adds span, index, origin…).
import type { DdlOptions, DmlInfo, Operation, StatementKind, VariableAssignment } from '../../types';

export interface Recognized {
  kind: StatementKind;
  tables: string[];
  operations: Operation[];
  ddlOptions: DdlOptions;
  assignments?: VariableAssignment[];
  dml?: DmlInfo;
  problems: string[];
}

export function recognized(kind: StatementKind, extra: Partial<Recognized> = {}): Recognized {
  return { kind, tables: [], operations: [], ddlOptions: {}, problems: [], ...extra };
}
