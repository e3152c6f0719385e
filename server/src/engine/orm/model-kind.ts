// Which ORM a model file belongs to, and its parse.
import type { OrmKind, OrmModel } from './model';
import { type GoParser, parseGorm } from './gorm';
import { parsePrisma } from './prisma';
import { parseTypeorm, type TypeormParseOptions } from './typeorm';

/**
 * The ORM of a model file by its name: `.prisma`; TypeORM entities by the usual conventions
 * (`*.entity.ts`, or a .ts file in an `entity`/`entities` folder); GORM models as .go files in a
 * `model`/`models` folder or named `*_model.go` (other places: the config's `orm.models`).
 */
export function modelKindOf(path: string): OrmKind | undefined {
  if (/\.prisma$/i.test(path)) return 'prisma';
  if (/(^|\/)models?\/([^/]+\/)*[^/]+(?<!_test)\.go$/i.test(path) || /_models?\.go$/i.test(path)) return 'gorm';
  if (/\.entity\.ts$/i.test(path) || /(^|\/)entit(y|ies)\/([^/]+\/)*[^/]+(?<!\.d)\.ts$/i.test(path)) return 'typeorm';
  return undefined;
}

/** parsers the shells load (WebAssembly loads asynchronously; the engine does not wait) */
export interface ModelParsers {
  go?: GoParser;
  /** GORM: the texts of the other .go files of the model's package (its folder): embedded structs and related models declared there */
  goPackage?: readonly string[];
  /** TypeORM: the project's naming strategy and its other entity / base-class files' texts */
  typeorm?: TypeormParseOptions;
}

/** the ORM a file named as a model (by the config's `orm.models`) would be read as, by its extension */
export function modelKindByExtension(path: string): OrmKind | undefined {
  if (/\.prisma$/i.test(path)) return 'prisma';
  if (/\.go$/i.test(path)) return 'gorm';
  if (/\.ts$/i.test(path) && !/\.d\.ts$/i.test(path)) return 'typeorm';
  return undefined;
}

/** a model file's parse: by its conventional name, else by its extension (the caller named it a model) */
export function parseModel(path: string, text: string, parsers: ModelParsers = {}): OrmModel | undefined {
  switch (modelKindOf(path) ?? modelKindByExtension(path)) {
    case 'prisma':
      return parsePrisma(text);
    case 'typeorm':
      return parseTypeorm(text, parsers.typeorm);
    case 'gorm':
      return parseGorm(text, parsers.go, parsers.goPackage);
    default:
      return undefined;
  }
}
