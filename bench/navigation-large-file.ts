// Navigation on one large migration: the generated 2,000-statement file of bench/lsp.ts opened as
// the only migration of a Flyway chain; p95 of hover, definition, references and completion on a
// column of an ALTER … MODIFY past the middle of the file, once the file's diagnostics are out and
// the index is built. Part of the navigation section (bench/navigation.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompletionRequest, DefinitionRequest, ReferencesRequest, type Position } from 'vscode-languageserver-protocol';
import { fileUri, LspClient } from '../test/lsp/client';
import { generateMigration } from './generate';
import type { BenchRow } from './section';

const STATEMENTS = 2000;
const ROUNDS = 40;

/** the column name of the first `ALTER TABLE t MODIFY <column>` past the middle, and the position after `MODIFY ` */
function points(text: string): { onColumn: Position; afterModify: Position } {
  const m = /ALTER TABLE \w+ MODIFY (\w+)/g;
  m.lastIndex = Math.floor(text.length / 2);
  const found = m.exec(text);
  if (!found) throw new Error('the generated migration has no ALTER … MODIFY past its middle');
  const columnAt = found.index + found[0].length - found[1].length;
  const line = text.slice(0, columnAt).split('\n').length - 1;
  const character = columnAt - (text.lastIndexOf('\n', columnAt - 1) + 1);
  return { onColumn: { line, character: character + 1 }, afterModify: { line, character } };
}

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
}

async function timed(samples: number[], request: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  const result = await request();
  samples.push(performance.now() - t0);
  if (result === null || (Array.isArray(result) && result.length === 0)) throw new Error('a navigation request of the benchmark answered nothing');
}

export async function runLargeFile(tmpDir: string): Promise<BenchRow[]> {
  const workspace = join(tmpDir, 'navigation-large');
  const dir = join(workspace, 'db', 'migration');
  mkdirSync(dir, { recursive: true });
  const text = generateMigration(STATEMENTS);
  const file = join(dir, 'V1__bench.sql');
  writeFileSync(file, text);
  writeFileSync(join(workspace, 'lockstep.config.json'), JSON.stringify({ target: 'mysql-8.0', migrations: { paths: ['db/migration/*.sql'], convention: 'flyway' } }));
  const uri = fileUri(file);
  const textDocument = { uri };
  const { onColumn, afterModify } = points(text);
  const client = await LspClient.start({ root: workspace });
  try {
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1, 120_000); // the file's own analysis is not navigation's work
    await client.connection.sendRequest(DefinitionRequest.type, { textDocument, position: onColumn }); // builds the index
    const times = { hover: [] as number[], definition: [] as number[], references: [] as number[], completion: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      await timed(times.hover, () => client.hover(uri, onColumn));
      await timed(times.definition, () => client.connection.sendRequest(DefinitionRequest.type, { textDocument, position: onColumn }));
      await timed(times.references, () => client.connection.sendRequest(ReferencesRequest.type, { textDocument, position: onColumn, context: { includeDeclaration: true } }));
      await timed(times.completion, () => client.connection.sendRequest(CompletionRequest.type, { textDocument, position: afterModify }));
    }
    const note = `${ROUNDS} rounds over LSP stdio, one ${STATEMENTS}-statement migration`;
    return (Object.keys(times) as (keyof typeof times)[]).map((request) => ({ name: `navigation p95, ${request} in a ${STATEMENTS}-statement file`, unit: 'ms', samples: [p95(times[request])], target: { op: '<=', value: 20 }, note }));
  } finally {
    await client.stop();
  }
}
