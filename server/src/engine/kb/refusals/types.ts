import type { Catalog, SessionState, Span, Statement, TableDef, Target } from '../../types';

/** a statement the server will refuse: its error number and message, and the clause that causes it */
export interface Refusal {
  errno: number;
  /** the server's message (names filled in) */
  message: string;
  span: Span;
  /** what in the statement the server refuses, for the finding's first sentence */
  cause: string;
  /** the manual page or measurement behind it */
  source: string;
}

export interface RefusalContext {
  statement: Statement;
  /** the schema before the statement */
  before: Catalog;
  /** the schema after the statement, as the catalog replays it */
  after: Catalog;
  target: Target;
  session: SessionState;
}

/** a table's state before and after the statement (after undefined: dropped or renamed away) */
export interface TableChange {
  name: string;
  before: TableDef | undefined;
  after: TableDef | undefined;
  /** span of the operation to point at when no narrower one is known */
  span: Span;
}
