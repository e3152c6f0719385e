// `npm run bench`: CLI throughput, cold start and peak memory, medians of several runs.
// Optional sections (bench/lsp.ts, exporting `run(ctx)`) are loaded when present.
// BENCH_RUNS=n changes the number of counted runs (default 5, at least 5 for quoted figures).
// Section names as arguments run only those: `npm run bench -- lsp-typing` (names: cli, and the
// optional sections' file names without `.ts`).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hasGnuTime, runCli, type CliRun } from './cli-run';
import { generateMigration } from './generate';
import { median, type BenchContext, type BenchRow, type BenchSection } from './section';

const here = dirname(fileURLToPath(import.meta.url));
const OPTIONAL_SECTIONS = ['lsp.ts', 'lsp-typing.ts', 'project.ts', 'navigation.ts'];
const BIG_STATEMENTS = 5000;

function checked(run: CliRun, what: string): CliRun {
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`${what}: lockstep exited with ${run.status}\n${run.stderr.slice(0, 2000)}`);
  }
  return run;
}

const cliSection: BenchSection = async (ctx) => {
  const big = join(ctx.tmpDir, 'big', 'V1__bench.sql');
  const small = join(ctx.tmpDir, 'small', 'V1__small.sql');
  for (const [file, n] of [[big, BIG_STATEMENTS], [small, 12]] as const) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, generateMigration(n));
  }
  const lintArgs = (file: string): string[] => ['lint', file, '--format', 'json', '--fail-on', 'never'];

  // warm-up (file cache, the CLI bundle) and the statement count the engine really saw
  const warm = checked(runCli(ctx.cli, lintArgs(big)), 'warm-up');
  const seen = (JSON.parse(warm.stdout) as { summary: { statements: number; analyzed: number } }).summary;
  checked(runCli(ctx.cli, lintArgs(small)), 'warm-up');

  const bigRuns: CliRun[] = [];
  const smallRuns: CliRun[] = [];
  for (let i = 0; i < ctx.runs; i++) {
    bigRuns.push(checked(runCli(ctx.cli, lintArgs(big)), 'lint big file'));
    smallRuns.push(checked(runCli(ctx.cli, lintArgs(small)), 'lint small file'));
  }
  const rows: BenchRow[] = [
    {
      name: `lint throughput (${BIG_STATEMENTS} statements, one file)`,
      unit: 'statements/s',
      samples: bigRuns.map((r) => seen.statements / (r.wallMs / 1000)),
      target: { op: '>=', value: 5000 },
      note: `engine saw ${seen.statements} statements, ${seen.analyzed} analyzed; whole process, JSON output`,
    },
    {
      name: 'lint throughput without start-up',
      unit: 'statements/s',
      samples: bigRuns.map((r, i) => seen.statements / (Math.max(1, r.wallMs - smallRuns[i].wallMs) / 1000)),
      note: 'each big run minus the small-file run taken right after it: the engine and reporter alone',
    },
    { name: 'lint wall time, 5,000 statements', unit: 'ms', samples: bigRuns.map((r) => r.wallMs) },
    { name: 'cold lint, one small file', unit: 'ms', samples: smallRuns.map((r) => r.wallMs), target: { op: '<=', value: 300 } },
  ];
  const bigCpu = bigRuns.map((r) => r.cpuMs).filter((ms): ms is number => ms !== undefined);
  const smallCpu = smallRuns.map((r) => r.cpuMs).filter((ms): ms is number => ms !== undefined);
  if (bigCpu.length > 0 && smallCpu.length > 0) {
    rows.push(
      { name: 'lint throughput by CPU time', unit: 'statements/s', samples: bigCpu.map((ms) => seen.statements / (ms / 1000)), note: 'user + system CPU seconds of the whole process: steadier than wall time on a busy machine' },
      { name: 'cold lint CPU time, one small file', unit: 'ms', samples: smallCpu },
    );
  }
  const rss = bigRuns.map((r) => r.rssKb).filter((k): k is number => k !== undefined);
  if (rss.length > 0) {
    rows.push({
      name: 'peak RSS, 5,000 statements',
      unit: 'MB',
      samples: rss.map((k) => k / 1024),
      target: { op: '<=', value: 300 },
      note: hasGnuTime ? 'GNU time -v' : 'process.resourceUsage().maxRSS',
    });
  }
  return rows;
};

function fmt(n: number): string {
  if (!Number.isFinite(n)) return '-';
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}

function printTable(rows: BenchRow[], runs: number): boolean {
  const header = ['measurement', 'median', 'min', 'max', 'unit', 'target', 'ok'];
  let allMet = true;
  const body = rows.map((r) => {
    const m = median(r.samples);
    const met = r.target ? (r.target.op === '<=' ? m <= r.target.value : m >= r.target.value) : undefined;
    if (met === false) allMet = false;
    return [r.name, fmt(m), fmt(Math.min(...r.samples)), fmt(Math.max(...r.samples)), r.unit, r.target ? `${r.target.op} ${fmt(r.target.value)}` : '', met === undefined ? '' : met ? 'yes' : 'NO'];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const load = loadavg()[0];
  console.log(`\nLockstep benchmark — medians of ${runs} runs after one warm-up (node ${process.version}, ${process.platform}, ${cpus().length} CPUs, load average ${load.toFixed(1)})`);
  if (load > cpus().length) console.log('The machine is busy: wall times are inflated; the CPU-time rows are the steadier figures.');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.name}: ${r.note}`);
  if (notes.length > 0) console.log(`\nNotes:\n${notes.join('\n')}`);
  return allMet;
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5) || 5);
  const cli = join(here, '..', 'bin', 'lockstep.js');
  if (!existsSync(join(here, '..', 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first (npm run bench does).');
  const selected = process.argv.slice(2);
  const wanted = (name: string): boolean => selected.length === 0 || selected.includes(name);
  const unknown = selected.filter((name) => name !== 'cli' && !OPTIONAL_SECTIONS.includes(`${name}.ts`));
  if (unknown.length > 0) throw new Error(`unknown bench section ${unknown.join(', ')}; sections: cli, ${OPTIONAL_SECTIONS.map((f) => f.replace(/\.ts$/, '')).join(', ')}`);
  const tmpDir = mkdtempSync(join(tmpdir(), 'lockstep-bench-'));
  const ctx: BenchContext = { cli, tmpDir, runs };
  try {
    const rows = wanted('cli') ? await cliSection(ctx) : [];
    const failures: string[] = [];
    for (const name of OPTIONAL_SECTIONS) {
      if (!wanted(name.replace(/\.ts$/, ''))) continue;
      const file = join(here, name);
      if (!existsSync(file)) continue;
      try {
        const mod = (await import(pathToFileURL(file).href)) as { run?: BenchSection };
        if (typeof mod.run === 'function') rows.push(...(await mod.run(ctx)));
      } catch (err) {
        // one broken section must not hide the others' figures
        failures.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const met = printTable(rows, runs);
    for (const f of failures) console.log(`\nSection failed: ${f}`);
    console.log(met ? '\nAll targets met.' : '\nSome targets were missed (ok = NO).');
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
