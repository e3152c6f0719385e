// The Go parser for GORM models: tree-sitter's Go grammar on web-tree-sitter (WebAssembly, no
// native build). Loading is asynchronous, so the shells load it once, before the engine needs it,
// and only when a Go model file is part of the work. The bundles find the two .wasm files next to
// themselves (scripts/build.mjs copies them into dist/); from the sources, in node_modules.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GoParser } from '../engine';

let loading: Promise<GoParser | undefined> | undefined;
let loadError: string | undefined;

function wasmPath(file: string, packagePath: string): string {
  const beside = join(__dirname, file);
  return existsSync(beside) ? beside : require.resolve(packagePath);
}

/** the parser, or undefined when it could not be loaded (`goParserError()` says why) */
export function loadGoParser(): Promise<GoParser | undefined> {
  loading ??= (async () => {
    try {
      // require, not import(): bundled as CommonJS, the package's ESM build would look for import.meta
      const { Parser, Language } = require('web-tree-sitter') as typeof import('web-tree-sitter');
      await Parser.init({ locateFile: () => wasmPath('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm') });
      const go = await Language.load(wasmPath('tree-sitter-go.wasm', 'tree-sitter-go/tree-sitter-go.wasm'));
      const parser = new Parser();
      parser.setLanguage(go);
      return parser;
    } catch (err) {
      loadError = err instanceof Error ? err.message : String(err);
      return undefined;
    }
  })();
  return loading;
}

export function goParserError(): string | undefined {
  return loadError;
}
