// A tiny test harness for the extension host (no mocha there): runs cases in order and writes
// results.json next to the bundled suite, which the outer test reads.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CaseResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export interface SuiteReport {
  results: CaseResult[];
  metrics: Record<string, number>;
}

type Case = { name: string; fn: () => Promise<void> };

export class Suite {
  private readonly cases: Case[] = [];
  readonly metrics: Record<string, number> = {};

  test(name: string, fn: () => Promise<void>): void {
    this.cases.push({ name, fn });
  }

  /** Runs every case; rejects when one failed (the workbench then reports exit code 1). */
  async run(reportDir: string): Promise<void> {
    const results: CaseResult[] = [];
    for (const c of this.cases) {
      const started = Date.now();
      try {
        await c.fn();
        results.push({ name: c.name, ok: true, ms: Date.now() - started });
        console.log(`ok - ${c.name}`);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        results.push({ name: c.name, ok: false, ms: Date.now() - started, error: message });
        console.log(`not ok - ${c.name}: ${message}`);
      }
    }
    const report: SuiteReport = { results, metrics: this.metrics };
    writeFileSync(join(reportDir, 'results.json'), JSON.stringify(report, null, 2));
    const failed = results.filter((r) => !r.ok).length;
    if (failed > 0) throw new Error(`${failed} of ${results.length} extension tests failed`);
  }
}

/** Polls `probe` until it returns a value other than undefined, or throws `what` after `ms`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
