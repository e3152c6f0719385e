// The layering invariants from ARCHITECTURE.md: the engine is pure and never imports the outer
// layers; the VS Code client talks to the server only over LSP and imports none of its code.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..');
const ENGINE = join(ROOT, 'server', 'src', 'engine');
const CLIENT = join(ROOT, 'client', 'src');
const SERVER = join(ROOT, 'server');
const IMPORT = /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

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
    for (const spec of importsOf(file)) {
      if (FORBIDDEN.some((re) => re.test(spec))) violations.push(`${relative(ROOT, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(violations, []);
});

test('the client (client/src) imports no server code, not even types: it mirrors the wire types in client/src/protocol.ts', () => {
  const violations: string[] = [];
  for (const file of tsFiles(CLIENT)) {
    for (const spec of importsOf(file)) {
      const intoServer = spec.startsWith('.') ? `${resolve(dirname(file), spec)}${sep}`.startsWith(`${SERVER}${sep}`) : /(^|\/)server\/src(\/|$)/.test(spec);
      if (intoServer) violations.push(`${relative(ROOT, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(violations, []);
});

test('the shells (cli/, lsp/, common/) import the engine only through its index', () => {
  const violations: string[] = [];
  for (const shell of ['cli', 'lsp', 'common']) {
    for (const file of tsFiles(join(ROOT, 'server', 'src', shell))) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        const inEngine = target === ENGINE || target.startsWith(`${ENGINE}${sep}`);
        if (inEngine && target !== ENGINE && target !== join(ENGINE, 'index')) violations.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(violations, []);
});
