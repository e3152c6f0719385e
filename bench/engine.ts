// In-process keystroke benchmark of the incremental analyzer (no LSP transport): the same
// 2,000-statement file and single-character edits as bench/lsp.ts, timed per edit. Run it with
// `node --cpu-prof --import tsx bench/engine.ts` to see where a keystroke's work goes.
// BENCH_EXISTING=1: the file's CREATE TABLEs move to an earlier migration, so every table exists
// (the compatibility and locking rules then look at every statement).
// BENCH_FILE=findings: the findings-heavy migration of bench/lsp-typing.ts instead (BENCH_STATEMENTS
// of them, default 2,000), typed into at each of that section's edit positions.
import { applyStatement, DEFAULT_TARGET, emptyCatalog, IncrementalAnalyzer, parseFile, parseTarget, type Catalog, type Target } from '../server/src/engine';
import { generateMigration } from './generate';
import { editPoints, generateFindingsMigration } from './generate-findings';

const FINDINGS = process.env.BENCH_FILE === 'findings';
const STATEMENTS = Number(process.env.BENCH_STATEMENTS ?? 2000) || 2000;
const EDITS = Number(process.env.BENCH_EDITS ?? 120) || 120;

/** offset right after the column name of the first ALTER … ADD COLUMN past the middle (as bench/lsp.ts) */
function editOffset(text: string): number {
  const m = /ALTER TABLE \w+ ADD COLUMN (col_\d+)/g;
  m.lastIndex = Math.floor(text.length / 2);
  const found = m.exec(text);
  return found ? found.index + found[0].length : Math.floor(text.length / 2);
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const target = parseTarget(process.env.BENCH_TARGET ?? DEFAULT_TARGET) as Target;
  let text = FINDINGS ? generateFindingsMigration(STATEMENTS) : generateMigration(STATEMENTS);
  let catalog: Catalog | undefined;
  if (process.env.BENCH_EXISTING === '1') {
    const creates = /CREATE TABLE table_\d+ \([^;]*;/g;
    catalog = emptyCatalog();
    for (const st of parseFile((text.match(creates) ?? []).join('\n'), { target })) applyStatement(catalog, st, 'db/V0__init.sql');
    text = text.replace(creates, '');
  }
  const analyzer = new IncrementalAnalyzer();
  const analyze = (): ReturnType<IncrementalAnalyzer['analyze']> =>
    analyzer.analyze({ path: 'db/V1__bench.sql', text, options: { target, catalog }, catalogVersion: catalog ? 'existing' : 'empty' });
  const t0 = performance.now();
  await analyze();
  const firstMs = performance.now() - t0;

  console.log(`first analysis: ${firstMs.toFixed(1)} ms`);
  const points = FINDINGS ? editPoints(text) : [{ name: 'after a column name', offset: editOffset(text) }];
  for (const point of points) {
    const times: number[] = [];
    for (let e = 0; e < EDITS; e++) {
      const typing = e < EDITS / 2;
      const k = typing ? e : EDITS - 1 - e;
      const offset = point.offset + k;
      text = typing ? text.slice(0, offset) + String.fromCharCode(97 + (k % 26)) + text.slice(offset) : text.slice(0, offset) + text.slice(offset + 1);
      const start = performance.now();
      const result = await analyze();
      times.push(performance.now() - start);
      if (!result) throw new Error('analysis cancelled');
    }
    console.log(`${point.name}, per edit (${EDITS}): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(1)} ms`);
  }
}

void main();
