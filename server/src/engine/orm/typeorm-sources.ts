// The entity file being read and the other files of the project it may lean on: base classes
// (`extends BaseModel`) and the entities its relations point to. The parse stays pure: the shell
// hands the other files' texts in (`TypeormParseOptions.files`), and a class is looked up by its
// name among them, this file first. A name imported from a package (`BaseEntity` from 'typeorm')
// is never looked up in the project.
import type * as TS from 'typescript';
import { typescript } from './typeorm';
import type { TypeormNaming } from './typeorm-naming';

export interface TypeormParseOptions {
  /** the project's naming strategy (TypeORM's `namingStrategy`); default: DefaultNamingStrategy */
  naming?: TypeormNaming;
  /** the texts of the project's other entity files and base-class files */
  files?: readonly string[];
}

export interface ClassSources {
  /** the file being read */
  source: TS.SourceFile;
  /** a class declared in this file or, unless the name is imported from a package, in another file */
  find(name: string): TS.ClassDeclaration | undefined;
}

// parsed other files, by text: an editor re-reads the entity on every keystroke, the others rarely change
const parsed = new Map<string, TS.SourceFile>();
const CACHE_LIMIT = 500;

export function sourceFile(text: string, fileName = 'entity.ts'): TS.SourceFile {
  const ts = typescript();
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function cachedSourceFile(text: string): TS.SourceFile {
  let source = parsed.get(text);
  if (!source) {
    if (parsed.size >= CACHE_LIMIT) parsed.clear();
    source = sourceFile(text, 'other.ts');
    parsed.set(text, source);
  }
  return source;
}

export function classSources(text: string, files: readonly string[] = []): ClassSources {
  const source = sourceFile(text);
  const local = classesOf(source);
  const fromPackages = packageImports(source);
  let others: Map<string, TS.ClassDeclaration> | undefined;
  return {
    source,
    find(name) {
      const here = local.get(name);
      if (here || fromPackages.has(name)) return here;
      others ??= otherClasses(files, text);
      return others.get(name);
    },
  };
}

function otherClasses(files: readonly string[], self: string): Map<string, TS.ClassDeclaration> {
  const out = new Map<string, TS.ClassDeclaration>();
  for (const text of files) {
    if (text === self) continue;
    for (const [name, node] of classesOf(cachedSourceFile(text))) if (!out.has(name)) out.set(name, node);
  }
  return out;
}

function classesOf(source: TS.SourceFile): Map<string, TS.ClassDeclaration> {
  const ts = typescript();
  const out = new Map<string, TS.ClassDeclaration>();
  for (const statement of source.statements) {
    if (ts.isClassDeclaration(statement) && statement.name && !out.has(statement.name.text)) out.set(statement.name.text, statement);
  }
  return out;
}

/** names imported from a package (a module specifier that is not a relative or absolute path) */
function packageImports(source: TS.SourceFile): Set<string> {
  const ts = typescript();
  const out = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (/^[./]/.test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) out.add(e.name.text);
    if (statement.importClause?.name) out.add(statement.importClause.name.text);
  }
  return out;
}
