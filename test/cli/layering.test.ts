// The CLI and the shared modules never depend on the language server: `lockstep lint` must work
// (and stay small to load) without it. The one exception is `lockstep lsp` starting the server.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const SRC = join(__dirname, '..', '..', 'server', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*)'([^']+)'/g)].map((m) => m[1]);
}

test('cli/ and common/ import nothing from lsp/ (only `lockstep lsp` loads the server, on demand)', () => {
  const offending: string[] = [];
  for (const folder of ['cli', 'common']) {
    for (const file of sources(join(SRC, folder))) {
      for (const spec of importsOf(file)) {
        if (!/(^|\/)lsp\//.test(spec)) continue;
        const rel = relative(SRC, file).split('\\').join('/');
        if (rel === 'cli/main.ts' && spec === '../lsp/server') continue;
        offending.push(`${rel} → ${spec}`);
      }
    }
  }
  assert.deepEqual(offending, []);
});

test('common/ is shared by both front ends and imports neither', () => {
  for (const file of sources(join(SRC, 'common'))) {
    for (const spec of importsOf(file)) assert.ok(!/(^|\/)(cli|lsp)\//.test(spec), `${file} → ${spec}`);
  }
});
