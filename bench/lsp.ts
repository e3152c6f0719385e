// Language-server benchmark through a real LSP client over stdio (the bundled dist/server.js) on a
// generated 2,000-statement migration: server start to first diagnostics, keystroke-to-diagnostics
// latency for single-character edits in the middle of the file, and the server's RSS after opening.
// `npm run bench` runs it as a section of bench/run.ts; `node --import tsx bench/lsp.ts` alone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'vscode-languageserver-protocol';
import { ensureBundle, fileUri, LspClient } from '../test/lsp/client';
import { generateMigration } from './generate';
import { percentile, positionAt, rssMb, timeKeystrokes } from './lsp-client';
import { median, type BenchContext, type BenchRow } from './section';

const STATEMENTS = 2000;
const EDITS = 120;

interface SessionNumbers {
  startToFirstMs: number;
  /** server CPU time (user + system) per edit: the work itself, whatever else the machine runs */
  cpuPerEditMs: number | undefined;
  rssMb: number | undefined;
  latencies: number[];
  statements: number;
}

/** where typing happens: right after the column name of the first ALTER … ADD COLUMN past the middle */
function editPoint(text: string): Position {
  const middle = Math.floor(text.length / 2);
  const m = /ALTER TABLE \w+ ADD COLUMN (col_\d+)/g;
  m.lastIndex = middle;
  const found = m.exec(text);
  const offset = found ? found.index + found[0].length : middle;
  return positionAt(text, offset);
}

async function session(workspace: string, file: string, text: string): Promise<SessionNumbers> {
  const uri = fileUri(file);
  const started = performance.now();
  const client = await LspClient.start({ root: workspace });
  try {
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1, 120_000);
    const startToFirstMs = performance.now() - started;
    const rss = rssMb(client.process.pid);

    // type a suffix into a column name, then delete it again: one character per edit
    const { latencies, cpuPerEditMs } = await timeKeystrokes(client, uri, editPoint(text), EDITS, 60_000);
    return { startToFirstMs, cpuPerEditMs, rssMb: rss, latencies, statements: STATEMENTS };
  } finally {
    await client.stop();
  }
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const workspace = join(ctx.tmpDir, 'lsp');
  mkdirSync(join(workspace, 'db'), { recursive: true });
  const file = join(workspace, 'db', 'V1__bench.sql');
  const text = generateMigration(STATEMENTS);
  writeFileSync(file, text);

  await session(workspace, file, text); // warm-up: file cache, bundle load
  const sessions: SessionNumbers[] = [];
  for (let i = 0; i < ctx.runs; i++) sessions.push(await session(workspace, file, text));

  const rows: BenchRow[] = [
    {
      name: `LSP start to first diagnostics (${STATEMENTS} statements)`,
      unit: 'ms',
      samples: sessions.map((s) => s.startToFirstMs),
      note: 'spawn node dist/server.js --stdio, initialize, didOpen, until publishDiagnostics for version 1',
    },
    {
      name: `LSP keystroke to diagnostics p50 (${EDITS} edits)`,
      unit: 'ms',
      samples: sessions.map((s) => percentile(s.latencies, 50)),
    },
    {
      name: `LSP keystroke to diagnostics p95 (${EDITS} edits)`,
      unit: 'ms',
      samples: sessions.map((s) => percentile(s.latencies, 95)),
      target: { op: '<=', value: 50 },
      note: 'didChange of one character in a column name mid-file (typed, then deleted) until publishDiagnostics for that version (an edit on an idle document is analyzed at once; the 10 ms debounce applies to bursts)',
    },
  ];
  const cpu = sessions.map((s) => s.cpuPerEditMs).filter((m): m is number => m !== undefined);
  if (cpu.length > 0) {
    rows.push({ name: 'LSP server CPU per keystroke (mean)', unit: 'ms', samples: cpu, note: 'user+system CPU of the server process over the edits / edits (/proc, 10 ms ticks): the latency without waiting for a busy machine' });
  }
  const rss = sessions.map((s) => s.rssMb).filter((m): m is number => m !== undefined);
  if (rss.length > 0) rows.push({ name: 'LSP server RSS after opening the file', unit: 'MB', samples: rss, target: { op: '<=', value: 200 }, note: 'VmRSS of the server process' });
  return rows;
}

if (process.argv[1]?.endsWith('lsp.ts')) {
  void (async () => {
    await ensureBundle();
    const tmpDir = mkdtempSync(join(tmpdir(), 'lockstep-bench-lsp-'));
    try {
      const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
      for (const row of await run({ cli: '', tmpDir, runs })) {
        const m = median(row.samples);
        const target = row.target ? `  (target ${row.target.op} ${row.target.value})` : '';
        console.log(`${row.name}: median ${m.toFixed(1)} ${row.unit} [${row.samples.map((s) => s.toFixed(1)).join(', ')}]${target}`);
      }
    } finally {
      rmSync(tmpDir, { recursive: true, force: true });
    }
  })();
}
