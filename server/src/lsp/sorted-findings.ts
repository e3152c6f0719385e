// Findings as the analyses return them, sorted by start offset: where a given offset begins.
import type { Finding } from '../engine';

/** the position of the first finding whose span starts at or after `offset` (binary search) */
export function firstAtOrAfter(findings: readonly Finding[], offset: number): number {
  let lo = 0;
  let hi = findings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (findings[mid].span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
