// Typing anywhere in a big, findings-heavy migration, through a real LSP client over stdio (the
// bundled dist/server.js): open → first diagnostics, the server's RSS, then single-character edits
// (typed, then deleted again) at several places — a table name, after a column name, inside a `--`
// comment line, inside a CREATE TABLE body — each timed from `didChange` to the
// `publishDiagnostics` of that version, with the size of that publish. At 2,000 and 10,000
// statements (bench/generate-findings.ts). A section of bench/run.ts (`npm run bench -- lsp-typing`);
// alone: `node --import tsx bench/lsp-typing.ts [statements…]`. Profile the server with
// LOCKSTEP_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=<dir>".
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ensureBundle, fileUri, LspClient } from '../test/lsp/client';
import { editPoints, generateFindingsMigration } from './generate-findings';
import { percentile, positionAt, rssMb, timeKeystrokes, type KeystrokeNumbers } from './lsp-client';
import type { BenchContext, BenchRow } from './section';

const SIZES = [2000, 10000];
/** edits per position: half typed, half deleted */
const EDITS = Number(process.env.BENCH_TYPING_EDITS ?? 60) || 60;
const TARGET_P95_MS: Record<number, number> = { 2000: 50, 10000: 100 };

function publishBytes(p: PublishDiagnosticsParams): number {
  return Buffer.byteLength(JSON.stringify(p), 'utf8');
}

interface PositionNumbers extends KeystrokeNumbers {
  name: string;
}

interface SessionNumbers {
  openMs: number;
  rssMb: number | undefined;
  /** after all the edits */
  rssEndMb: number | undefined;
  diagnostics: number;
  publishBytes: number;
  positions: PositionNumbers[];
}

async function session(workspace: string, file: string, text: string): Promise<SessionNumbers> {
  const uri = fileUri(file);
  const client = await LspClient.start({ root: workspace });
  try {
    const t0 = performance.now();
    await client.open(uri, text);
    const first = await client.diagnosticsFor(uri, 1, 120_000);
    const openMs = performance.now() - t0;
    const rss = rssMb(client.process.pid);
    const positions: PositionNumbers[] = [];
    for (const point of editPoints(text)) {
      positions.push({ name: point.name, ...(await timeKeystrokes(client, uri, positionAt(text, point.offset), EDITS, 120_000)) });
    }
    return { openMs, rssMb: rss, rssEndMb: rssMb(client.process.pid), diagnostics: first.diagnostics.length, publishBytes: publishBytes(first), positions };
  } finally {
    await client.stop();
  }
}

export async function runSize(tmpDir: string, statements: number, runs: number): Promise<BenchRow[]> {
  const workspace = join(tmpDir, `lsp-typing-${statements}`);
  mkdirSync(join(workspace, 'db'), { recursive: true });
  const file = join(workspace, 'db', 'V1__release.sql');
  const text = generateFindingsMigration(statements);
  writeFileSync(file, text);
  const sessions: SessionNumbers[] = [];
  for (let i = 0; i < runs; i++) sessions.push(await session(workspace, file, text));
  const label = `${statements.toLocaleString('en')} statements`;
  const rows: BenchRow[] = [
    {
      name: `typing, ${label}: open to first diagnostics`,
      unit: 'ms',
      samples: sessions.map((s) => s.openMs),
      target: statements === 2000 ? { op: '<=', value: 500 } : undefined,
      note: `didOpen until publishDiagnostics for version 1; ${sessions[0].diagnostics} diagnostics, ${text.split('\n').length} lines, ${Math.round(text.length / 1024)} KB`,
    },
    { name: `typing, ${label}: publish size`, unit: 'KB', samples: sessions.map((s) => s.publishBytes / 1024), note: 'JSON of the publishDiagnostics params after opening' },
  ];
  for (const [p, position] of sessions[0].positions.entries()) {
    const all = sessions.map((s) => s.positions[p].latencies);
    rows.push(
      { name: `typing, ${label}: ${position.name} p50`, unit: 'ms', samples: all.map((l) => percentile(l, 50)) },
      { name: `typing, ${label}: ${position.name} p95`, unit: 'ms', samples: all.map((l) => percentile(l, 95)), target: { op: '<=', value: TARGET_P95_MS[statements] ?? 100 } },
    );
    const cpu = sessions.map((s) => s.positions[p].cpuPerEditMs).filter((ms): ms is number => ms !== undefined);
    if (cpu.length > 0) rows.push({ name: `typing, ${label}: ${position.name} server CPU per edit`, unit: 'ms', samples: cpu, note: p === 0 ? 'user+system CPU of the server process over the edits / edits (/proc, 10 ms ticks): the work without waiting for a busy machine' : undefined });
  }
  const rss = sessions.map((s) => Math.max(s.rssMb ?? 0, s.rssEndMb ?? 0)).filter((m) => m > 0);
  if (rss.length > 0) rows.push({ name: `typing, ${label}: server RSS`, unit: 'MB', samples: rss, target: { op: '<=', value: 200 }, note: 'VmRSS of the server process, the larger of after opening and after the edits' });
  return rows;
}

/** builds dist/server.js when stale, unless LOCKSTEP_SERVER_BUNDLE names another bundle to measure */
async function bundle(): Promise<void> {
  if (!process.env.LOCKSTEP_SERVER_BUNDLE) await ensureBundle();
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  await bundle();
  const rows: BenchRow[] = [];
  // the 10,000-statement session takes a while: at most two counted runs of it
  for (const size of SIZES) rows.push(...(await runSize(ctx.tmpDir, size, size > 2000 ? Math.min(ctx.runs, 2) : ctx.runs)));
  return rows;
}

if (process.argv[1]?.endsWith('lsp-typing.ts')) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const tmp = mkdtempSync(join(tmpdir(), 'lockstep-typing-'));
  void (async () => {
    try {
      await bundle();
      for (const size of sizes.length > 0 ? sizes : SIZES) {
        for (const row of await runSize(tmp, size, 1)) {
          console.log(`${row.name.padEnd(72)} ${row.samples.map((s) => s.toFixed(1)).join(' / ')} ${row.unit}${row.note ? `  (${row.note})` : ''}`);
        }
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  })();
}
