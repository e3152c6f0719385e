// The project configuration (`lockstep.config.json` or `.lockstep.json`): parsing with clear
// errors, defaults, and what the engine, the CLI and the LSP derive from it. Pure: text in.
import type { AnalyzeOptions } from './analyze';
import { globError, matchesAny } from './config/glob';
import { duplicateKeys, lineColumn, parseJson, type JsonEntry, type JsonNode } from './config/json';
import { DEFAULT_SERVER_CHARSET, charsetBytes } from './catalog/charsets';
import { closest, knownRuleIds } from './suppress';
import { DEFAULT_TARGET, KNOWN_TARGETS, parseTarget } from './targets';
import type { Severity, SeveritySetting, Target } from './types';
import { CONVENTIONS, type Convention } from './workspace';

export const CONFIG_FILE_NAMES = ['lockstep.config.json', '.lockstep.json'] as const;

export const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'hint', 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface MigrationsConfig {
  /** folders or globs of migration files, relative to the config file's folder */
  paths: string[];
  /** the ordering convention; detected from the files when absent */
  convention?: Convention;
  /** globs of files that are never linted nor replayed */
  exclude: string[];
}

/** schema sources: files that tell what the database holds besides the migration chain */
export interface SchemaSourcesConfig {
  /** files (a dump or any CREATE statements) replayed before the first migration: a Flyway baseline */
  baseline: string[];
  /** files describing the schema as it is now (an install script, structure.sql, a mysqldump
   * --no-data): tables the migration chain does not create are taken from them */
  current: string[];
}

/** one database's migrations (`migrations` given as a list of sets) */
export interface MigrationSetConfig {
  /** a name for messages (default: `set <n>`) */
  name: string;
  paths: string[];
  convention?: Convention;
  /** the set's own excludes, on top of the defaults */
  exclude: string[];
  schema: SchemaSourcesConfig;
}

export interface OrmConfig {
  /** git revision model files are compared with */
  base: string;
  /** globs of ORM model files (schema.prisma, entities, GORM structs) */
  models: string[];
  /** TypeORM: the project's naming strategy (`snake`: SnakeNamingStrategy of typeorm-naming-strategies) */
  typeorm: { naming: TypeormNamingSetting };
}

export type TypeormNamingSetting = 'default' | 'snake';
const TYPEORM_NAMINGS: readonly TypeormNamingSetting[] = ['default', 'snake'];
const isTypeormNaming = (value: string): value is TypeormNamingSetting => (TYPEORM_NAMINGS as readonly string[]).includes(value);

export interface LockstepConfig {
  target: Target;
  /** rule id → severity or off */
  rules: Record<string, SeveritySetting>;
  migrations: MigrationsConfig;
  /** path of the baseline file (relative to the config file's folder) */
  baseline?: string;
  /** the least severe finding that fails the CLI */
  failOn: FailOn;
  /** known table sizes, keyed by lower-cased table name */
  tables: Record<string, { rows: number }>;
  /** rows above which a rebuild is a `large-table-rewrite` */
  largeTableRows: number;
  /** the server's character_set_server, for tables without their own charset */
  serverDefaultCharset: string;
  /** where rule documentation links point: a base URL (http, https or file) ending in `/`; absent: the docs shipped with Lockstep */
  docsBase?: string;
  orm: OrmConfig;
  /** schema sources of the migrations (single-set form); each set of `sets` has its own */
  schema: SchemaSourcesConfig;
  /** `migrations` given as a list of sets: each is one database with one chain of migrations */
  sets?: MigrationSetConfig[];
  /** git revision of the last release: migration files not in it form the release being prepared */
  releaseBase?: string;
  /**
   * a development database read as a `current` schema source by `lockstep lint`
   * (`mysql://user@host[:port]/database`, never with a password: LOCKSTEP_DATABASE_PASSWORD gives it)
   */
  devDatabase?: string;
}

export interface ConfigError {
  /** `file:line:column: detail` */
  message: string;
  /** the message without the file and position */
  detail: string;
  /** where in the config: `rules.drop-colum`, `migrations.paths[1]`; '' for the whole file */
  path: string;
  /** 1-based, when the error points into the text */
  line?: number;
  column?: number;
  /** offsets of the offending key or value */
  start?: number;
  end?: number;
}

export interface ParsedConfig {
  config: LockstepConfig;
  errors: ConfigError[];
  /** the settings the file gives validly (`target`, `migrations.paths`, …): the rest are defaults */
  given: Set<string>;
}

export const DEFAULT_MIGRATION_PATHS = ['**/*.sql'];
export const DEFAULT_EXCLUDES = ['**/node_modules/**', '**/.git/**'];

export function defaultConfig(): LockstepConfig {
  return {
    target: parseTarget(DEFAULT_TARGET)!,
    rules: {},
    migrations: { paths: [...DEFAULT_MIGRATION_PATHS], exclude: [...DEFAULT_EXCLUDES] },
    failOn: 'error',
    tables: {},
    largeTableRows: 1_000_000,
    serverDefaultCharset: DEFAULT_SERVER_CHARSET,
    orm: { base: 'HEAD', models: [], typeorm: { naming: 'default' } },
    schema: { baseline: [], current: [] },
  };
}

export const CONFIG_KEYS = ['$schema', 'target', 'rules', 'migrations', 'baseline', 'failOn', 'tables', 'largeTableRows', 'serverDefaultCharset', 'docsBase', 'orm', 'schema', 'releaseBase', 'devDatabase'] as const;
const MIGRATION_KEYS = ['paths', 'convention', 'exclude'] as const;
const SET_KEYS = ['name', 'paths', 'convention', 'exclude', 'schema'] as const;
const SCHEMA_KEYS = ['baseline', 'current'] as const;
const ORM_KEYS = ['base', 'models', 'typeorm'] as const;
const TYPEORM_KEYS = ['naming'] as const;

/** Parses the config text; invalid parts are reported and replaced by defaults, never thrown. */
export function parseConfig(jsonText: string, sourceName: string): ParsedConfig {
  const config = defaultConfig();
  const defaultPaths = config.migrations.paths;
  const errors: ConfigError[] = [];
  const given = new Set<string>();
  const report = (message: string, path: string, at?: { start: number; end: number }) => {
    const pos = at ? lineColumn(jsonText, at.start) : undefined;
    errors.push({ message: `${sourceName}${pos ? `:${pos.line}:${pos.column}` : ''}: ${message}`, detail: message, path, line: pos?.line, column: pos?.column, start: at?.start, end: at?.end });
  };

  const parsed = parseJson(jsonText);
  if (!parsed.ok) {
    report(`invalid JSON: ${parsed.error.message}`, '', { start: parsed.error.offset, end: parsed.error.offset + 1 });
    return { config, errors, given };
  }
  const root = parsed.node;
  if (root.kind !== 'object') {
    report('the configuration must be a JSON object', '', root);
    return { config, errors, given };
  }
  for (const dup of duplicateKeys(root)) {
    const first = lineColumn(jsonText, dup.first.keyStart);
    const where = dup.path ? `${dup.path}.${dup.entry.key}` : dup.entry.key;
    report(`duplicate key "${dup.entry.key}" (first given at line ${first.line}, column ${first.column}): keep one`, where, keyRange(dup.entry));
  }

  for (const entry of root.entries) {
    const at = keyRange(entry);
    const v = entry.value;
    const errorsBefore = errors.length;
    switch (entry.key) {
      case '$schema':
        break;
      case 'target': {
        if (v.kind !== 'string') {
          report(`\`target\` must be a string such as "${DEFAULT_TARGET}"`, 'target', v);
          break;
        }
        const target = parseTarget(v.value);
        if (target) config.target = target;
        else report(`unknown target "${v.value}"; known targets: ${KNOWN_TARGETS.join(', ')} (a patch version may be added: mysql-8.0.35)`, 'target', v);
        break;
      }
      case 'rules':
        readRules(v, config, report);
        break;
      case 'migrations':
        readMigrations(v, config, report);
        break;
      case 'baseline':
        if (v.kind === 'string' && v.value.trim()) config.baseline = v.value;
        else report('`baseline` must be the path of a baseline file', 'baseline', v);
        break;
      case 'failOn':
        if (v.kind === 'string' && (FAIL_ON_LEVELS as readonly string[]).includes(v.value)) config.failOn = v.value as FailOn;
        else report(`\`failOn\` must be one of ${FAIL_ON_LEVELS.join(', ')}`, 'failOn', v);
        break;
      case 'tables':
        readTables(v, config, report);
        break;
      case 'largeTableRows':
        if (v.kind === 'number' && v.value >= 0 && Number.isInteger(v.value)) config.largeTableRows = v.value;
        else report('`largeTableRows` must be a whole number of rows', 'largeTableRows', v);
        break;
      case 'serverDefaultCharset':
        if (v.kind === 'string' && charsetBytes(v.value) !== undefined) config.serverDefaultCharset = v.value.toLowerCase();
        else report('`serverDefaultCharset` must be a MySQL character set name such as "utf8mb4" or "latin1"', 'serverDefaultCharset', v);
        break;
      case 'docsBase': {
        const base = v.kind === 'string' ? docsBaseFrom(v.value) : undefined;
        if (base !== undefined) config.docsBase = base;
        else report('`docsBase` must be an http(s):// or file:// URL of a folder holding <rule-id>.md pages', 'docsBase', v);
        break;
      }
      case 'orm':
        readOrm(v, config, report);
        break;
      case 'schema':
        config.schema = readSchemaSources(v, 'schema', report);
        break;
      case 'releaseBase':
        if (v.kind === 'string' && v.value.trim() && !v.value.trim().startsWith('-')) config.releaseBase = v.value.trim();
        else report('`releaseBase` must be a git revision such as "origin/main" or "v2.3.0"', 'releaseBase', v);
        break;
      case 'devDatabase': {
        const problem = v.kind === 'string' ? devDatabaseError(v.value.trim()) : 'must be a database URL such as "mysql://app@localhost:3306/app"';
        if (problem === undefined && v.kind === 'string') config.devDatabase = v.value.trim();
        else report(`\`devDatabase\` ${problem}`, 'devDatabase', v);
        break;
      }
      default:
        report(unknownKey(entry.key, CONFIG_KEYS, 'setting'), entry.key, at);
    }
    if (errors.length === errorsBefore) given.add(entry.key);
  }
  if (config.migrations.paths !== defaultPaths) given.add('migrations.paths');
  return { config, errors, given };
}

/** a docs base URL with a trailing slash, or undefined when it is not an http(s) or file URL */
export function docsBaseFrom(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^(https?|file):\/\/\S+$/i.test(trimmed)) return undefined;
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** why a `devDatabase` URL is not accepted (the message never repeats a password), or undefined */
export function devDatabaseError(value: string): string | undefined {
  const example = 'mysql://user@host[:port]/database';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be a database URL: ${example}`;
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') return `must be a mysql:// or mariadb:// URL: ${example}`;
  if (url.password !== '') return 'must not hold a password: a config file is shared and committed. Give the password in LOCKSTEP_DATABASE_PASSWORD';
  if (!url.hostname || !url.username || url.pathname.replace(/^\//, '') === '') return `needs a user, a host and a database: ${example}`;
  return undefined;
}

type Report = (message: string, path: string, at?: { start: number; end: number }) => void;

function keyRange(entry: JsonEntry): { start: number; end: number } {
  return { start: entry.keyStart, end: entry.keyEnd };
}

function unknownKey(key: string, known: readonly string[], what: string): string {
  const guess = closest(key, known);
  return `unknown ${what} "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; allowed: ${known.filter((k) => k !== '$schema').join(', ')}`;
}

function readRules(v: JsonNode, config: LockstepConfig, report: Report): void {
  if (v.kind !== 'object') {
    report('`rules` must be an object of rule id → "error" | "warning" | "info" | "hint" | "off"', 'rules', v);
    return;
  }
  const known = knownRuleIds();
  for (const entry of v.entries) {
    const path = `rules.${entry.key}`;
    if (!known.includes(entry.key)) {
      const guess = closest(entry.key, known);
      report(`unknown rule "${entry.key}"${guess ? ` (did you mean "${guess}"?)` : ''}; known rules: ${known.join(', ')}`, path, keyRange(entry));
      continue;
    }
    const value = entry.value;
    if (value.kind === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value.value)) config.rules[entry.key] = value.value as SeveritySetting;
    else report(`the severity of "${entry.key}" must be one of ${SEVERITY_SETTINGS.map((s) => `"${s}"`).join(', ')}`, path, value);
  }
}

function stringList(v: JsonNode, path: string, report: Report): string[] | undefined {
  const items = v.kind === 'string' ? [v] : v.kind === 'array' ? v.items : undefined;
  if (!items) {
    report(`\`${path}\` must be a list of paths or globs`, path, v);
    return undefined;
  }
  const out: string[] = [];
  items.forEach((item, n) => {
    if (item.kind !== 'string' || !item.value.trim()) {
      report('expected a non-empty string (a path or glob)', `${path}[${n}]`, item);
      return;
    }
    // an invalid glob is reported and left out, so matching never meets it
    const error = globError(item.value.trim());
    if (error) report(`invalid glob "${item.value.trim()}": ${error.replace(/^Invalid regular expression: \/.*\/: /, '')}`, `${path}[${n}]`, item);
    else out.push(item.value.trim());
  });
  return out;
}

function readMigrations(v: JsonNode, config: LockstepConfig, report: Report): void {
  // several databases: "migrations": [{ "paths": [...], "schema": {...} }, …]
  if (v.kind === 'array' && v.items.some((item) => item.kind === 'object')) {
    readSets(v.items, config, report);
    return;
  }
  // shorthand: "migrations": ["db/migrations"]
  if (v.kind === 'array' || v.kind === 'string') {
    const paths = stringList(v, 'migrations', report);
    if (paths && paths.length > 0) config.migrations.paths = paths;
    return;
  }
  if (v.kind !== 'object') {
    report('`migrations` must be an object { paths, convention, exclude }, a list of paths, or a list of sets { name, paths, convention, exclude, schema }', 'migrations', v);
    return;
  }
  for (const entry of v.entries) {
    const path = `migrations.${entry.key}`;
    if (entry.key === 'paths') {
      const paths = stringList(entry.value, path, report);
      if (paths && paths.length > 0) config.migrations.paths = paths;
    } else if (entry.key === 'exclude') {
      const globs = stringList(entry.value, path, report);
      if (globs) config.migrations.exclude = [...DEFAULT_EXCLUDES, ...globs];
    } else if (entry.key === 'convention') {
      const c = readConvention(entry.value, path, report);
      if (c === 'auto') delete config.migrations.convention;
      else if (c) config.migrations.convention = c;
    } else {
      report(unknownKey(entry.key, MIGRATION_KEYS, 'migrations setting'), path, keyRange(entry));
    }
  }
}

function readConvention(value: JsonNode, path: string, report: Report): Convention | 'auto' | undefined {
  if (value.kind === 'string' && (CONVENTIONS as readonly string[]).includes(value.value)) return value.value as Convention;
  if (value.kind === 'string' && value.value === 'auto') return 'auto';
  const guess = value.kind === 'string' ? closest(value.value, CONVENTIONS) : undefined;
  report(`unknown convention${value.kind === 'string' ? ` "${value.value}"` : ''}${guess ? ` (did you mean "${guess}"?)` : ''}; known conventions: auto, ${CONVENTIONS.join(', ')}`, path, value);
  return undefined;
}

function readSets(items: readonly JsonNode[], config: LockstepConfig, report: Report): void {
  const sets: MigrationSetConfig[] = [];
  items.forEach((item, n) => {
    const at = `migrations[${n}]`;
    if (item.kind !== 'object') {
      report('each migration set must be an object { name, paths, convention, exclude, schema }', at, item);
      return;
    }
    const set: MigrationSetConfig = { name: `set ${n + 1}`, paths: [], exclude: [], schema: { baseline: [], current: [] } };
    for (const entry of item.entries) {
      const path = `${at}.${entry.key}`;
      const value = entry.value;
      if (entry.key === 'name') {
        if (value.kind === 'string' && value.value.trim()) set.name = value.value.trim();
        else report('`name` must be a non-empty string', path, value);
      } else if (entry.key === 'paths') {
        set.paths = stringList(value, path, report) ?? [];
      } else if (entry.key === 'exclude') {
        set.exclude = stringList(value, path, report) ?? [];
      } else if (entry.key === 'convention') {
        const c = readConvention(value, path, report);
        if (c && c !== 'auto') set.convention = c;
      } else if (entry.key === 'schema') {
        set.schema = readSchemaSources(value, path, report);
      } else {
        report(unknownKey(entry.key, SET_KEYS, 'migration set setting'), path, keyRange(entry));
      }
    }
    if (set.paths.length === 0) report('a migration set needs `paths`: the folders or globs of its migration files', at, item);
    else sets.push(set);
  });
  if (sets.length === 0) return;
  config.sets = sets;
  config.migrations.paths = sets.flatMap((s) => s.paths);
}

function readSchemaSources(v: JsonNode, path: string, report: Report): SchemaSourcesConfig {
  const out: SchemaSourcesConfig = { baseline: [], current: [] };
  if (v.kind !== 'object') {
    report(`\`${path}\` must be an object { "baseline": [files], "current": [files] }`, path, v);
    return out;
  }
  for (const entry of v.entries) {
    const at = `${path}.${entry.key}`;
    if (entry.key === 'baseline' || entry.key === 'current') out[entry.key] = stringList(entry.value, at, report) ?? [];
    else report(unknownKey(entry.key, SCHEMA_KEYS, 'schema source'), at, keyRange(entry));
  }
  return out;
}

function readTables(v: JsonNode, config: LockstepConfig, report: Report): void {
  if (v.kind !== 'object') {
    report('`tables` must be an object of table name → { "rows": n }', 'tables', v);
    return;
  }
  for (const entry of v.entries) {
    const path = `tables.${entry.key}`;
    const value = entry.value;
    const rowsNode = value.kind === 'number' ? value : value.kind === 'object' ? value.entries.find((e) => e.key === 'rows')?.value : undefined;
    if (value.kind === 'object') {
      for (const e of value.entries) if (e.key !== 'rows') report(unknownKey(e.key, ['rows'], 'table setting'), `${path}.${e.key}`, keyRange(e));
    }
    if (rowsNode?.kind === 'number' && rowsNode.value >= 0) config.tables[entry.key.toLowerCase()] = { rows: Math.floor(rowsNode.value) };
    else report(`table "${entry.key}" needs a row count: { "rows": 5000000 }`, path, value);
  }
}

function readOrm(v: JsonNode, config: LockstepConfig, report: Report): void {
  if (v.kind !== 'object') {
    report('`orm` must be an object { base, models, typeorm }', 'orm', v);
    return;
  }
  for (const entry of v.entries) {
    const path = `orm.${entry.key}`;
    if (entry.key === 'base') {
      if (entry.value.kind === 'string' && entry.value.value.trim()) config.orm.base = entry.value.value.trim();
      else report('`orm.base` must be a git revision such as "HEAD" or "origin/main"', path, entry.value);
    } else if (entry.key === 'models') {
      const globs = stringList(entry.value, path, report);
      if (globs) config.orm.models = globs;
    } else if (entry.key === 'typeorm') {
      readTypeorm(entry.value, config, report);
    } else {
      report(unknownKey(entry.key, ORM_KEYS, 'orm setting'), path, keyRange(entry));
    }
  }
}

function readTypeorm(v: JsonNode, config: LockstepConfig, report: Report): void {
  if (v.kind !== 'object') {
    report('`orm.typeorm` must be an object { "naming": "default" | "snake" }', 'orm.typeorm', v);
    return;
  }
  for (const entry of v.entries) {
    const path = `orm.typeorm.${entry.key}`;
    if (entry.key !== 'naming') report(unknownKey(entry.key, TYPEORM_KEYS, 'orm.typeorm setting'), path, keyRange(entry));
    else if (entry.value.kind === 'string' && isTypeormNaming(entry.value.value)) config.orm.typeorm = { naming: entry.value.value };
    else report('`orm.typeorm.naming` must be "default" (DefaultNamingStrategy) or "snake" (SnakeNamingStrategy)', path, entry.value);
  }
}

// ---------------------------------------------------------------------------------------------
// What the rest of the product derives from a config

/** the options `analyzeFile` takes (catalog and new tables come from the workspace replay) */
export function analyzeOptionsFrom(config: LockstepConfig): AnalyzeOptions {
  const tableRows = Object.fromEntries(Object.entries(config.tables).map(([name, t]) => [name, t.rows]));
  return { target: config.target, rules: { ...config.rules }, settings: { tableRows, largeTableRows: config.largeTableRows, serverDefaultCharset: config.serverDefaultCharset } };
}

/** whether a relative path (forward slashes) is a migration the config includes and does not exclude */
export function migrationFilter(config: LockstepConfig): { included(relPath: string): boolean; excluded(relPath: string): boolean } {
  return {
    included: (p) => matchesAny(p, config.migrations.paths),
    excluded: (p) => matchesAny(p, config.migrations.exclude),
  };
}

export { applySeverityOverrides } from './findings';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** true when a finding of this severity fails a run configured with `failOn` */
export function failsAt(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && RANK[severity] >= RANK[failOn];
}

export { matchesGlob, matchesAny } from './config/glob';
export { createBaseline, filterByBaseline, findingFingerprint, fingerprintFindings, parseBaseline, serializeBaseline, statementSpanMap, type Baseline, type BaselineEntry, type BaselineFile } from './config/baseline';
