// Project scale: `lockstep lint <dir>` on a project of many small migration files (100 tables
// created first, then one ALTER per file), at 1,000 / 5,000 / 10,000 files. Seconds and peak RSS
// must grow about linearly; the 10,000-file project must lint in ≤ 15 s and ≤ 400 MB.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasGnuTime, runCli } from './cli-run';
import type { BenchContext, BenchRow } from './section';

const SIZES = [1000, 5000, 10000];
const TABLES = 100;

/** a Flyway-numbered project of `files` migrations */
export function generateProject(dir: string, files: number): void {
  mkdirSync(dir, { recursive: true });
  for (let n = 1; n <= files; n++) {
    const table = `t${(n - 1) % TABLES}`;
    const sql = n <= TABLES
      ? `CREATE TABLE ${table} (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL, created_at DATETIME NOT NULL);\n`
      : `SET SESSION lock_wait_timeout = 5;\nALTER TABLE ${table} ADD COLUMN c${n} INT NULL, ALGORITHM=INSTANT;\n`;
    writeFileSync(join(dir, `V${n}__step_${n}.sql`), sql);
  }
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // the big projects take seconds per run: at most three counted runs each
  const runs = Math.min(ctx.runs, 3);
  for (const size of SIZES) {
    const dir = join(ctx.tmpDir, `project-${size}`);
    generateProject(dir, size);
    const samples: { wallMs: number; rssKb?: number }[] = [];
    for (let i = 0; i <= runs; i++) {
      const r = runCli(ctx.cli, ['lint', dir, '--format', 'json', '--fail-on', 'never']);
      if (r.status !== 0) throw new Error(`lint of ${size} files exited ${r.status}: ${r.stderr.slice(0, 500)}`);
      const report = JSON.parse(r.stdout) as { files: unknown[] };
      if (report.files.length !== size) throw new Error(`lint of ${size} files reported ${report.files.length} files`);
      if (i > 0) samples.push(r); // the first is the warm-up
    }
    const big = size === 10000;
    rows.push({ name: `project of ${size.toLocaleString('en')} files, lint wall time`, unit: 's', samples: samples.map((s) => s.wallMs / 1000), target: big ? { op: '<=', value: 15 } : undefined, note: size === SIZES[0] ? `${runs} counted runs per project size` : undefined });
    const rss = samples.map((s) => s.rssKb).filter((k): k is number => k !== undefined);
    if (rss.length > 0) rows.push({ name: `project of ${size.toLocaleString('en')} files, peak RSS`, unit: 'MB', samples: rss.map((k) => k / 1024), target: big ? { op: '<=', value: 400 } : undefined, note: size === SIZES[0] ? (hasGnuTime ? 'GNU time -v' : 'process.resourceUsage().maxRSS') : undefined });
  }
  return rows;
}
