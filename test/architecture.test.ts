// The layering invariant from ARCHITECTURE.md: the engine is pure and never imports the outer layers.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..');
const ENGINE = join(ROOT, 'server', 'src', 'engine');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : name.endsWith('.ts') ? [p] : [];
  });
}

const FORBIDDEN = [/^vscode/, /^node:(fs|net|http|https|child_process|worker_threads)/, /^(fs|net|http|https|child_process)$/, /^mysql2/, /\/(common|cli|lsp|dryrun)\//, /client\/src/];

test('the engine imports no I/O, no editor API and no outer layer', () => {
  const violations: string[] = [];
  for (const file of tsFiles(ENGINE)) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (FORBIDDEN.some((re) => re.test(spec))) violations.push(`${relative(ROOT, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(violations, []);
});
