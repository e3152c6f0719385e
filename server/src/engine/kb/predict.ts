// Prediction of algorithm / lock / rebuild per DDL statement for a target. Pure.
import type { Catalog, Prediction, SessionState, Statement, Target } from '../types';

export function predict(statement: Statement, catalog: Catalog, target: Target, session: SessionState): Prediction | null {
  void statement; void catalog; void target; void session;
  return null; // TODO(kb)
}
