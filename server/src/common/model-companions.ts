// The other files an ORM model file is read with: a GORM model's package (the other .go files of
// its folder, tests aside) and, for a TypeORM entity, the files its relative imports name (base
// classes, related entities; one level, as TypeScript resolves `./x`: x.ts, then x/index.ts)
// plus the project's other entity files. The same question is asked of the working tree and of
// the git base, so each side's model is read with that side's files; the engine gets the texts.
import type * as TS from 'typescript';
import { dirname, join, resolve } from 'node:path';
import { modelKindByExtension, modelKindOf, type ModelParsers, type OrmKind, type ProjectHost } from '../engine';

/** one side's files: the working tree (open documents over the disk) or a git base */
export interface CompanionSource {
  /** the files directly in a folder (absolute paths) */
  files(dir: string): string[];
  /** a file's text; undefined when it is not there */
  text(path: string): string | undefined;
}

export interface ModelCompanions {
  /** the files read (an editor re-checks the model when one of them changes) */
  paths: string[];
  texts: string[];
}

export const NO_COMPANIONS: ModelCompanions = { paths: [], texts: [] };

/** how a model file is parsed: by its conventional name, else by its extension (as the engine does) */
export function modelKind(path: string): OrmKind | undefined {
  return modelKindOf(path) ?? modelKindByExtension(path);
}

/**
 * `text`: the model's own text on that side; `otherModels`: the project's other model files (by
 * the config's `orm.models` or the naming conventions), only read for TypeORM.
 */
export function modelCompanions(path: string, text: string, source: CompanionSource, otherModels: readonly string[] = []): ModelCompanions {
  switch (modelKind(path)) {
    case 'gorm':
      return readAll(goPackageFiles(path, source), source);
    case 'typeorm': {
      const others = otherModels.filter((p) => p !== path && modelKind(p) === 'typeorm');
      return readAll([...importedFiles(path, text, source), ...others], source);
    }
    default:
      return NO_COMPANIONS;
  }
}

/** the parse options a model file is read with, given its companions on one side */
export function parsersWith(path: string, companions: ModelCompanions, shared: ModelParsers): ModelParsers {
  switch (modelKind(path)) {
    case 'gorm':
      return { ...shared, goPackage: companions.texts };
    case 'typeorm':
      return { ...shared, typeorm: { ...shared.typeorm, files: companions.texts } };
    default:
      return shared;
  }
}

/** the working tree as a companion source */
export function hostSource(host: ProjectHost): CompanionSource {
  return {
    files(dir) {
      const entries = host.list(dir);
      return typeof entries === 'string' ? [] : entries.filter((e) => e.kind === 'file').map((e) => join(dir, e.name));
    },
    text(path) {
      if (host.stat(path) !== 'file') return undefined;
      const read = host.read(path);
      return read.ok ? read.text : undefined;
    },
  };
}

/** the other files of the model's Go package: its folder's .go files, test files aside */
function goPackageFiles(path: string, source: CompanionSource): string[] {
  return source.files(dirname(path)).filter((p) => p !== path && /\.go$/i.test(p) && !/_test\.go$/i.test(p));
}

/** the files the entity's relative imports name, resolved as TypeScript does for a .ts file */
function importedFiles(path: string, text: string, source: CompanionSource): string[] {
  const out: string[] = [];
  for (const specifier of relativeImports(text)) {
    const found = candidates(resolve(dirname(path), specifier)).find((c) => source.text(c) !== undefined);
    if (found && found !== path && !out.includes(found)) out.push(found);
  }
  return out;
}

/** `./base` → base.ts, base/index.ts; `./base.js` (ESM style) → base.ts; `./base.ts` as written */
function candidates(target: string): string[] {
  if (/\.ts$/i.test(target)) return [target];
  if (/\.js$/i.test(target)) return [target.replace(/\.js$/i, '.ts')];
  return [`${target}.ts`, join(target, 'index.ts')];
}

let compiler: typeof TS | undefined;

/** the module specifiers of the file's relative imports and re-exports, by the TypeScript scanner */
function relativeImports(text: string): string[] {
  compiler ??= require('typescript') as typeof TS;
  return compiler
    .preProcessFile(text, true, false)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith('./') || name.startsWith('../'));
}

function readAll(paths: readonly string[], source: CompanionSource): ModelCompanions {
  const out: ModelCompanions = { paths: [], texts: [] };
  for (const p of new Set(paths)) {
    const text = source.text(p);
    if (text === undefined) continue;
    out.paths.push(p);
    out.texts.push(text);
  }
  return out;
}
