// Bundles the CLI, the language server and the VS Code client with esbuild.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// The TypeScript compiler (TypeORM entities) is large: the server and the CLI load it from
// dist/typescript.js on the first entity file instead of carrying it in their own bundle.
const typescriptBeside = {
  name: 'typescript-beside',
  setup(b) {
    b.onResolve({ filter: /^typescript$/ }, () => ({ path: './typescript.js', external: true }));
  },
};

const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js' },
];

const watch = process.argv.includes('--watch');
await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map((e) =>
      build({
        entryPoints: [e.in],
        outfile: e.out,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        sourcemap: true,
        minify: !watch,
        external: ['vscode'],
        plugins: e.out === 'dist/extension.js' ? [] : [typescriptBeside],
        logLevel: 'warning',
      }),
    ),
  build({
    entryPoints: [require.resolve('typescript')],
    outfile: 'dist/typescript.js',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: !watch,
    logLevel: 'warning',
  }),
);

// the Go parser for GORM models: web-tree-sitter's runtime and the Go grammar, loaded at run time
mkdirSync('dist', { recursive: true });
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), 'dist/tree-sitter.wasm');
copyFileSync(require.resolve('tree-sitter-go/tree-sitter-go.wasm'), 'dist/tree-sitter-go.wasm');
