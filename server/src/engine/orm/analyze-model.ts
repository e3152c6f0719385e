// An ORM model file checked against its version at a git base: both versions are read with the
// ORM's mapping rules, diffed into the schema changes its migration generator would make, and
// those run through the one analysis pipeline (`analyzeFile`) on the schema the base model
// describes. The SQL is what the generator would write, so the parser turns it into the same
// Operations, predictions and rule findings as a hand-written migration; each finding is then
// moved onto the model line that caused it, with the ORM's own fixes and `//` ignore comments.
import { analyzeFile, type AnalyzeOptions } from '../analyze';
import { applyStatement, emptyCatalog } from '../catalog/apply';
import { parseFile } from '../parse';
import { applyDirectives, findDirectives } from '../suppress';
import type { Catalog, Finding, Fix, Prediction, SeveritySetting, Span, Statement, Target } from '../types';
import { createTableSql, diffModels, quoteId, type ChangeGroup, type ModelChange } from './diff';
import type { OrmKind, OrmModel } from './model';
import { modelKindByExtension, modelKindOf, type ModelParsers, parseModel } from './model-kind';
import { gormFixes } from './gorm-fixes';
import { prismaFixes } from './prisma-fixes';
import { typeormFixes } from './typeorm-fixes';
import { commentsAsSql } from './source-text';

export type ModelAnalyzeOptions = Omit<AnalyzeOptions, 'catalog' | 'newTables'> & {
  /** how the working-tree model is read (and the base model, unless `baseParsers` says otherwise) */
  parsers?: ModelParsers;
  /**
   * How the model at the git base is read: the other files a model leans on (a GORM package's
   * files, TypeORM base classes) as they were at the base. Fields it leaves unset are `parsers`'.
   */
  baseParsers?: ModelParsers;
};

export interface ModelAnalysis {
  path: string;
  orm: OrmKind;
  /** findings on the after-model's text */
  findings: Finding[];
  changes: ModelChange[];
  /** the schema changes as the generator would write them, and the statements they parse to */
  sql: string;
  statements: Statement[];
  /** the model files could not be read (a finding says so too) */
  problems: string[];
}

/** rules about how a SQL file is written (session settings, statement grouping, ALGORITHM clauses): the generator writes that file, not the model */
const SQL_AUTHORING_RULES = ['missing-lock-wait-timeout', 'missing-online-assertion', 'multiple-alters-same-table', 'ddl-with-dml', 'unbatched-dml', 'locking-algorithm', 'inline-references-ignored', 'unused-ignore'];
/** the model diff tells renames from drops itself, knowing both fields: the SQL heuristic would only add noise */
const DECIDED_BY_THE_DIFF = ['drop-and-add-column'];

/**
 * The model at the git base, read once: an editor keeps it while the document is edited (parsing
 * the base model and replaying its schema is most of the work on a large schema).
 */
export interface ModelBase {
  path: string;
  /** undefined: the file is new at the base */
  text: string | undefined;
  target: string;
  model: OrmModel | undefined;
  catalog: Catalog;
}

export function modelBase(path: string, beforeText: string | undefined, options: ModelAnalyzeOptions): ModelBase {
  const model = beforeText === undefined ? undefined : parseModel(path, beforeText, { ...options.parsers, ...options.baseParsers });
  return { path, text: beforeText, target: options.target.label, model, catalog: catalogOf(model, options.target) };
}

/**
 * `before`: the text at the git base (undefined: the file is new there, every model is a new
 * table), or a `modelBase` of it. Returns undefined when `path` is not a model file this engine reads.
 */
export function analyzeModelChange(path: string, before: string | undefined | ModelBase, afterText: string, options: ModelAnalyzeOptions): ModelAnalysis | undefined {
  try {
    const base = typeof before === 'object' && before.path === path && before.target === options.target.label ? before : modelBase(path, typeof before === 'object' ? before.text : before, options);
    return analyzeChecked(path, base, afterText, options);
  } catch (err) {
    // never thrown to the shells: the failure is a finding, as in analyzeFile
    const detail = err instanceof Error ? err.message : String(err);
    const finding: Finding = { rule: 'internal-error', severity: 'info', message: `Lockstep hit an internal error while checking this model (${detail}); please report it.`, span: firstLine(afterText) };
    return { path, orm: modelKindOf(path) ?? modelKindByExtension(path) ?? 'prisma', findings: options.rules?.['internal-error'] === 'off' ? [] : [finding], changes: [], sql: '', statements: [], problems: [detail] };
  }
}

function firstLine(text: string): Span {
  const end = text.search(/[\r\n]|$/);
  return { start: 0, end: Math.max(0, end) };
}

function analyzeChecked(path: string, base: ModelBase, afterText: string, options: ModelAnalyzeOptions): ModelAnalysis | undefined {
  const after = parseModel(path, afterText, options.parsers);
  if (!after) return undefined;
  const beforeText = base.text;
  const before: OrmModel = base.model ?? { orm: after.orm, tables: [], problems: [] };
  const problems = [...after.problems, ...before.problems.map((p) => `at the git base: ${p}`)];
  if (after.problems.length > 0 || before.problems.length > 0) {
    const finding: Finding = { rule: 'unparsed-statement', severity: 'info', message: `Lockstep could not read this model, so its changes were not checked: ${problems[0]}`, span: firstLine(afterText) };
    return { path, orm: after.orm, findings: options.rules?.['unparsed-statement'] === 'off' ? [] : [finding], changes: [], sql: '', statements: [], problems };
  }

  const groups = diffModels(before, after, afterText);
  const rendered = render(groups);
  const off: Record<string, SeveritySetting> = Object.fromEntries([...SQL_AUTHORING_RULES, ...DECIDED_BY_THE_DIFF].map((r) => [r, 'off']));
  const { parsers: _parsers, baseParsers: _baseParsers, ...analyzeOptions } = options;
  const analysis = analyzeFile(`${path}.sql`, rendered.sql, { ...analyzeOptions, catalog: base.catalog, rules: { ...options.rules, ...off } });

  const fixesOf = (change: ModelChange): Fix[] => FIXES[after.orm](change, beforeText ?? '', afterText);
  const moved: Finding[] = [];
  for (const f of analysis.findings) {
    const change = rendered.changeAt(f.span.start);
    if (!change) continue;
    const prediction = analysis.statements.find((s) => s.statement.index === f.statementIndex)?.prediction;
    const message = `${messageFor(f, change, after.orm)}${after.orm === 'gorm' ? autoMigrateNote(prediction) : ''}`;
    moved.push({ rule: f.rule, severity: f.severity, message, span: change.anchor, help: f.help, fixes: fixesOf(change) });
  }
  const masked = commentsAsSql(afterText);
  const kept = applyDirectives(masked, dedupe(moved), findDirectives(masked));
  kept.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  return { path, orm: after.orm, findings: kept, changes: groups.flatMap((g) => g.changes), sql: rendered.sql, statements: analysis.statements.map((s) => s.statement), problems };
}

const FIXES: Record<OrmKind, (change: ModelChange, beforeText: string, afterText: string) => Fix[]> = {
  prisma: prismaFixes,
  typeorm: typeormFixes,
  gorm: gormFixes,
};

/** what the ORM's tooling makes of a removed + added field pair */
function generatedFor(orm: OrmKind, oldColumn: string, newColumn: string): string {
  switch (orm) {
    case 'prisma':
      return 'Prisma Migrate generates DROP COLUMN + ADD COLUMN for that, which deletes the data';
    case 'typeorm':
      return 'TypeORM migration:generate writes DROP COLUMN + ADD COLUMN for that, which deletes the data';
    case 'gorm':
      return `GORM AutoMigrate adds ${newColumn} as a new, empty column and leaves ${oldColumn} in place (it never drops columns), so the application stops seeing the existing values; a migration generated from the models drops ${oldColumn}, which deletes the data`;
  }
}

function messageFor(f: Finding, change: ModelChange, orm: OrmKind): string {
  if (change.kind === 'rename-column' && f.rule === 'rename-column') {
    return `Probable rename: field ${change.before.field} (column ${change.before.column}) was removed and ${change.column.field} (column ${change.column.column}) added with the same type and constraints. ${generatedFor(orm, change.before.column, change.column.column)}; as a rename it ${f.message.replace(/^Renaming column \S+ to \S+ /, '')}`;
  }
  if (change.kind === 'drop-index' && change.index.implicit) {
    return `A relation was removed from model ${change.table.model}: its foreign key ${change.index.name} goes, and the generator drops the index the database created for that key too. ${f.message}`;
  }
  if (change.kind === 'drop-table' && change.before.joins) {
    const [a, b] = change.before.joins.models;
    return `The many-to-many relation between ${a} and ${b} was removed or renamed: ${relationTableDrop(orm, change.before.table)}. ${f.message}`;
  }
  if (change.kind === 'add-foreign-key') {
    return `${f.message} ${generatorEdit(orm)}`;
  }
  if (change.kind === 'drop-column') {
    const gorm = orm === 'gorm' ? ' (AutoMigrate itself never drops a column; a migration generated from the models does.)' : '';
    return `Field ${change.before.field} was removed from model ${change.table.model}: ${f.message}${gorm}`;
  }
  return f.message;
}

/** what the ORM's tooling does with a many-to-many relation table the model no longer describes */
function relationTableDrop(orm: OrmKind, table: string): string {
  switch (orm) {
    case 'prisma':
      return `Prisma Migrate drops its relation table ${table}`;
    case 'typeorm':
      return `TypeORM migration:generate drops its junction table ${table}`;
    case 'gorm':
      return `GORM AutoMigrate leaves its join table ${table} in place, but a migration generated from the models drops it`;
  }
}

/** where the SQL of a change the model cannot express safely gets edited */
function generatorEdit(orm: OrmKind): string {
  switch (orm) {
    case 'prisma':
      // relationMode = "prisma" stops Prisma creating foreign keys at all: it drops the project's existing ones too
      return 'No schema.prisma change avoids the copy (relationMode = "prisma" would remove every foreign key of the project, not just this one): create the migration with prisma migrate dev --create-only, then apply Lockstep\'s quick fix on the ADD CONSTRAINT in its migration.sql (foreign_key_checks=0 with ALGORITHM=INPLACE, after an orphan-row check) before applying it.';
    case 'typeorm':
      return 'TypeORM migration:generate writes this as ADD CONSTRAINT: edit the generated migration before running it.';
    case 'gorm':
      return 'AutoMigrate adds it as written: create the key with a reviewed migration before deploying the model.';
  }
}

/** GORM applies model changes itself: AutoMigrate runs the ALTER when each instance starts */
function autoMigrateNote(prediction: Prediction | null | undefined): string {
  const lock = prediction
    ? ` Predicted: ALGORITHM=${prediction.algorithm}, LOCK=${prediction.lock}${prediction.rebuild ? ', the table is rebuilt' : ''}.`
    : '';
  return ` If GORM AutoMigrate applies it, the ALTER runs at application start-up on every instance of a rolling deploy, while the old version still serves traffic.${lock}`;
}

/** one finding per rule and place (a clause can trip the same rule through several operations) */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}\u0000${f.span.start}\u0000${f.span.end}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Rendered {
  sql: string;
  /** the change whose clause holds `offset`, else the first change of the statement holding it */
  changeAt(offset: number): ModelChange | undefined;
}

function render(groups: readonly ChangeGroup[]): Rendered {
  let sql = '';
  const clauses: { span: Span; change: ModelChange }[] = [];
  const statements: { span: Span; change: ModelChange }[] = [];
  for (const group of groups) {
    const start = sql.length;
    if (group.statement === 'alter') {
      sql += `ALTER TABLE ${quoteId(group.table)} `;
      group.changes.forEach((change, n) => {
        if (n > 0) sql += ', ';
        clauses.push({ span: { start: sql.length, end: sql.length + change.sql.length }, change });
        sql += change.sql;
      });
    } else {
      const change = group.changes[0];
      clauses.push({ span: { start: sql.length, end: sql.length + change.sql.length }, change });
      sql += change.sql;
    }
    statements.push({ span: { start, end: sql.length }, change: group.changes[0] });
    sql += ';\n';
  }
  const within = (span: Span, offset: number) => offset >= span.start && offset < span.end;
  return {
    sql,
    changeAt: (offset) => clauses.find((c) => within(c.span, offset))?.change ?? statements.find((s) => within(s.span, offset) || s.span.end === offset)?.change,
  };
}

/** the schema the base model describes: its tables as CREATE TABLE, replayed */
function catalogOf(model: OrmModel | undefined, target: Target): Catalog {
  const catalog = emptyCatalog();
  const sql = (model?.tables ?? []).map((t) => `${createTableSql(t)};`).join('\n');
  for (const statement of parseFile(sql, { target })) applyStatement(catalog, statement, 'model');
  return catalog;
}
