// Text → statements with operations. Owned by the parse layer; never throws.
import type { Statement, Target } from '../types';

export interface ParseOptions {
  target: Target;
}

export function parseFile(text: string, options: ParseOptions): Statement[] {
  void text;
  void options;
  return []; // TODO(parse): splitter + node-sql-parser + recogniser
}
