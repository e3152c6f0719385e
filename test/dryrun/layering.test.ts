// server/src/dryrun is a shell like cli/ and lsp/: it uses the engine only through engine/index and
// never imports cli/ or lsp/ (they import it).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const DRYRUN = join(__dirname, '..', '..', 'server', 'src', 'dryrun');

test('dryrun/ imports only engine/index, common/, mysql2 and node built-ins', () => {
  const offending: string[] = [];
  for (const name of readdirSync(DRYRUN).filter((n) => n.endsWith('.ts'))) {
    const text = readFileSync(join(DRYRUN, name), 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)'([^']+)'/g)) {
      const spec = m[1];
      const ok = spec === '../engine' || spec.startsWith('../common/') || /^\.\/[\w-]+$/.test(spec) || spec === 'mysql2/promise' || spec.startsWith('node:');
      if (!ok) offending.push(`${name} → ${spec}`);
    }
  }
  assert.deepEqual(offending, []);
});
