// Navigation benchmark through a real LSP client over stdio: definition, hover and references on a
// 100-migration chain once the index is built, and a definition right after an edit of an earlier
// migration (only that file is parsed again). Target: p95 ≤ 20 ms. Then hover, definition, references
// and completion in one generated 2,000-statement migration (navigation-large-file.ts). A section of
// bench/run.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefinitionRequest, ReferencesRequest, type Position } from 'vscode-languageserver-protocol';
import { ensureBundle, fileUri, LspClient } from '../test/lsp/client';
import { runLargeFile } from './navigation-large-file';
import type { BenchContext, BenchRow } from './section';

const FILES = 100;
const ROUNDS = 40;

const name = (i: number): string => `V${i + 1}__step.sql`;
const text = (i: number): string =>
  i === 0
    ? 'CREATE TABLE big (id INT PRIMARY KEY, c0 INT);\n'
    : `ALTER TABLE big ADD COLUMN c${i} INT, ADD INDEX ix${i} (c${i});\nUPDATE big SET c${i} = c${i - 1} + 1 WHERE id > ${i};\nALTER TABLE big MODIFY c${i} BIGINT NOT NULL;\n`;

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  await ensureBundle();
  return [...(await runChain(ctx)), ...(await runLargeFile(ctx.tmpDir))];
}

async function runChain(ctx: BenchContext): Promise<BenchRow[]> {
  const workspace = join(ctx.tmpDir, 'navigation');
  const dir = join(workspace, 'db', 'migration');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, name(i)), text(i));
  writeFileSync(join(workspace, 'lockstep.config.json'), JSON.stringify({ target: 'mysql-8.0', migrations: { paths: ['db/migration/*.sql'], convention: 'flyway' } }));
  const uri = (i: number): string => fileUri(join(dir, name(i)));
  const client = await LspClient.start({ root: workspace });
  try {
    await client.open(uri(FILES - 1), text(FILES - 1));
    await client.open(uri(50), text(50));
    const last = FILES - 1;
    const onColumn: Position = { line: 2, character: 25 }; // `c99` in `MODIFY c99`
    const definition = () => client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri(last) }, position: onColumn });
    await definition(); // builds the index
    const requests: number[] = [];
    const afterEdit: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let t0 = performance.now();
      await definition();
      await client.hover(uri(last), onColumn);
      await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri(last) }, position: { line: 0, character: 28 }, context: { includeDeclaration: true } });
      requests.push((performance.now() - t0) / 3);
      const version = await client.change(uri(50), [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: `-- edit ${round}\n` }]);
      await client.diagnosticsFor(uri(50), version); // the edit's own diagnostics are not navigation's work
      t0 = performance.now();
      await definition();
      afterEdit.push(performance.now() - t0);
    }
    return [
      { name: `navigation p95, ${FILES}-file chain (definition, hover, references)`, unit: 'ms', samples: [p95(requests)], target: { op: '<=', value: 20 }, note: `${ROUNDS} rounds over LSP stdio` },
      { name: 'navigation p95, definition right after an edit', unit: 'ms', samples: [p95(afterEdit)], target: { op: '<=', value: 20 } },
    ];
  } finally {
    await client.stop();
  }
}
