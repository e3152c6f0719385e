// What a benchmark section reports. bench/run.ts runs its own sections and then any optional
// section module (bench/lsp.ts) that exports `run(ctx): Promise<BenchRow[]>`.

export interface BenchTarget {
  /** the median must be at most (`<=`) or at least (`>=`) this value */
  op: '<=' | '>=';
  value: number;
}

export interface BenchRow {
  name: string;
  unit: string;
  samples: number[];
  target?: BenchTarget;
  note?: string;
}

export interface BenchContext {
  /** the built CLI entry (bin/lockstep.js) */
  cli: string;
  /** a scratch directory removed after the run */
  tmpDir: string;
  /** counted runs per measurement (after one warm-up) */
  runs: number;
}

export type BenchSection = (ctx: BenchContext) => Promise<BenchRow[]>;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
