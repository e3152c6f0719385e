// Inline ignore directives: `-- lockstep-disable-next-line r1, r2 -- reason`, trailing
// `-- lockstep-disable-line r`, file-wide `-- lockstep-disable r` (also `#` and `/* */` forms).
import type { Finding, Span } from './types';

export interface Directive {
  kind: 'next-line' | 'line' | 'file';
  /** rule ids; empty = all rules */
  rules: string[];
  reason?: string;
  /** the directive comment's range */
  span: Span;
  /** zero-based line the directive applies to (next-line / line) */
  line?: number;
}

export function findDirectives(text: string): Directive[] {
  void text;
  return []; // TODO(suppress)
}

/** Drops suppressed findings; returns the kept ones and `unused-ignore` findings for directives that matched nothing. */
export function applyDirectives(text: string, findings: Finding[], directives: Directive[]): Finding[] {
  void text; void directives;
  return findings; // TODO(suppress)
}
