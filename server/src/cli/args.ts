// argv → a typed command. Uses node's util.parseArgs; every mistake becomes a UsageError.
import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { docsBaseFrom, FAIL_ON_LEVELS, type FailOn } from '../engine';
import { UsageError } from './errors';
import { FORMATS, isFormat, type Format } from './reporters';

export interface LintCommand {
  command: 'lint';
  paths: string[];
  format: Format;
  target?: string;
  config?: string;
  baseline?: string;
  writeBaseline: boolean;
  failOn?: FailOn;
  /** base URL of the rule docs pages (wins over the config's `docsBase`) */
  docsBase?: string;
  /** git revision of the last release: files not in it form the release being prepared */
  releaseBase?: string;
  /** --git-base: ORM model files are checked against their text at this git revision */
  gitBase?: string;
  /** --url: a development database read as a `current` schema source (else LOCKSTEP_DATABASE_URL, else the config's devDatabase) */
  url?: string;
  /** connect to a database host outside the allow-list */
  yesRemoteHost: boolean;
  noColor: boolean;
}

export interface ExplainCommand {
  command: 'explain';
  /** the SQL text, or `-` for stdin */
  sql: string;
  schema: string[];
  target?: string;
  config?: string;
  format: 'text' | 'json';
  noColor: boolean;
}

export interface SchemaCommand {
  command: 'schema';
  paths: string[];
  /** print the schema before this migration */
  at?: string;
  target?: string;
  config?: string;
  format: 'sql' | 'json';
}

export interface DryRunCommand {
  command: 'dry-run';
  file: string;
  /** --url, else LOCKSTEP_DATABASE_URL (resolved by the caller) */
  url?: string;
  statement?: number;
  format: 'text' | 'json';
  mdlPreview: boolean;
  yesRemoteHost: boolean;
  sampleRows?: number;
  config?: string;
}

export interface PlanCommand {
  command: 'plan';
  /** a migration, or an ORM model file (its finding planned against the git base) */
  file: string;
  statement?: number;
  /** --line: the model finding on this line (1-based) of a model file */
  line?: number;
  /** --git-base: the revision a model file is compared with (default: the config's `orm.base`) */
  gitBase?: string;
  /** the finding to plan when the statement has several (a rule id) */
  rule?: string;
  out?: string;
  format: 'text' | 'json';
  triggers: boolean;
  batchSize?: number;
  /** --move-table <t> --to <schema> */
  moveTable?: { table: string; to: string };
  config?: string;
}

export interface LspCommand {
  command: 'lsp';
}

export interface HelpCommand {
  command: 'help';
  topic?: 'lint' | 'explain' | 'schema' | 'dry-run' | 'plan' | 'lsp';
}

export interface VersionCommand {
  command: 'version';
}

export type Command = LintCommand | ExplainCommand | SchemaCommand | DryRunCommand | PlanCommand | LspCommand | HelpCommand | VersionCommand;

const COMMANDS = ['lint', 'explain', 'schema', 'dry-run', 'plan', 'lsp'] as const;
type CommandName = (typeof COMMANDS)[number];

function isCommandName(s: string | undefined): s is CommandName {
  return (COMMANDS as readonly (string | undefined)[]).includes(s);
}

function parse<T extends ParseArgsConfig['options']>(args: string[], options: T, command: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0].replace(/\. To specify a positional.*$/, '');
    throw new UsageError(`${message}. See \`lockstep ${command} --help\`.`);
  }
}

export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help') return { command: 'help' };
  if (first === '-v' || first === '--version' || first === 'version') return { command: 'version' };
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { command: 'help' };
    if (!isCommandName(topic)) throw new UsageError(`unknown command "${topic}". Commands: ${COMMANDS.join(', ')}.`);
    return { command: 'help', topic };
  }
  if (!isCommandName(first)) {
    if (first.startsWith('-')) throw new UsageError(`unknown option "${first}". See \`lockstep --help\`.`);
    throw new UsageError(`unknown command "${first}". Commands: ${COMMANDS.join(', ')}. See \`lockstep --help\`.`);
  }
  if (rest.includes('-h') || rest.includes('--help')) return { command: 'help', topic: first };
  switch (first) {
    case 'lint':
      return parseLint(rest);
    case 'explain':
      return parseExplain(rest);
    case 'schema':
      return parseSchema(rest);
    case 'dry-run':
      return parseDryRun(rest);
    case 'plan':
      return parsePlan(rest);
    case 'lsp':
      // the language server library reads --stdio / --node-ipc / --socket=N / --pipe=… from process.argv itself
      if (!rest.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
        throw new UsageError('lsp needs a transport: lockstep lsp --stdio');
      }
      return { command: 'lsp' };
  }
}

function parseLint(args: string[]): LintCommand {
  const { values, positionals } = parse(
    args,
    {
      format: { type: 'string' },
      target: { type: 'string' },
      config: { type: 'string' },
      baseline: { type: 'string' },
      'write-baseline': { type: 'boolean' },
      'fail-on': { type: 'string' },
      'docs-base': { type: 'string' },
      'release-base': { type: 'string' },
      'git-base': { type: 'string' },
      url: { type: 'string' },
      'yes-remote-host': { type: 'boolean' },
      'no-color': { type: 'boolean' },
    },
    'lint',
  );
  const format = values.format ?? 'text';
  if (!isFormat(format)) throw new UsageError(`unknown --format "${format}": use one of ${FORMATS.join(', ')}.`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !(FAIL_ON_LEVELS as readonly string[]).includes(failOn)) {
    throw new UsageError(`unknown --fail-on "${failOn}": use one of ${FAIL_ON_LEVELS.join(', ')}.`);
  }
  const docsBase = values['docs-base'];
  if (docsBase !== undefined && docsBaseFrom(docsBase) === undefined) {
    throw new UsageError(`invalid --docs-base "${docsBase}": use an http(s):// or file:// URL of a folder holding <rule-id>.md pages.`);
  }
  return {
    command: 'lint',
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    target: values.target,
    config: values.config,
    baseline: values.baseline,
    writeBaseline: values['write-baseline'] ?? false,
    failOn: failOn as FailOn | undefined,
    docsBase: docsBase !== undefined ? docsBaseFrom(docsBase) : undefined,
    releaseBase: values['release-base'],
    gitBase: values['git-base'],
    url: values.url,
    yesRemoteHost: values['yes-remote-host'] ?? false,
    noColor: values['no-color'] ?? false,
  };
}

function parseExplain(args: string[]): ExplainCommand {
  const { values, positionals } = parse(
    args,
    {
      schema: { type: 'string', multiple: true },
      target: { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string' },
      'no-color': { type: 'boolean' },
    },
    'explain',
  );
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown --format "${format}" for explain: use text or json.`);
  if (positionals.length === 0) throw new UsageError('explain needs the SQL to explain, e.g. lockstep explain "ALTER TABLE t ADD c INT". See `lockstep explain --help`.');
  const schema = values.schema ?? [];
  let sql = positionals[0];
  let extra = positionals.slice(1);
  if (extra.length > 0) {
    // `--schema a.sql b.sql "ALTER …"`: the files after the first --schema value arrive as
    // positionals; the SQL is the one argument that is not an existing path
    const sqlLike = positionals.filter((p) => p === '-' || !existsSync(p));
    if (schema.length === 0 || sqlLike.length !== 1) {
      throw new UsageError(`unexpected argument "${extra[0]}": quote the SQL as one argument, and pass schema files with --schema.`);
    }
    sql = sqlLike[0];
    extra = positionals.filter((p) => p !== sql);
  }
  return { command: 'explain', sql, schema: [...schema, ...extra], target: values.target, config: values.config, format, noColor: values['no-color'] ?? false };
}

function parseSchema(args: string[]): SchemaCommand {
  const { values, positionals } = parse(args, { at: { type: 'string' }, target: { type: 'string' }, config: { type: 'string' }, format: { type: 'string' } }, 'schema');
  const format = values.format ?? 'sql';
  if (format !== 'sql' && format !== 'json') throw new UsageError(`unknown --format "${format}" for schema: use sql or json.`);
  if (values.at !== undefined && positionals.length > 0) throw new UsageError('schema takes either paths or --at <file>, not both. See `lockstep schema --help`.');
  return { command: 'schema', paths: positionals.length > 0 ? positionals : ['.'], at: values.at, target: values.target, config: values.config, format };
}

function nonNegativeInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${option} needs a whole number ≥ 0, got "${value}".`);
  return Number(value);
}

function parseDryRun(args: string[]): DryRunCommand {
  const { values, positionals } = parse(
    args,
    {
      url: { type: 'string' },
      statement: { type: 'string' },
      format: { type: 'string' },
      'mdl-preview': { type: 'boolean' },
      'yes-remote-host': { type: 'boolean' },
      'sample-rows': { type: 'string' },
      config: { type: 'string' },
    },
    'dry-run',
  );
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown --format "${format}" for dry-run: use text or json.`);
  if (positionals.length !== 1) throw new UsageError('dry-run needs exactly one migration file, e.g. lockstep dry-run --url mysql://root@localhost/app migrations/V2__add.sql. See `lockstep dry-run --help`.');
  return {
    command: 'dry-run',
    file: positionals[0],
    url: values.url,
    statement: nonNegativeInteger(values.statement, '--statement'),
    format,
    mdlPreview: values['mdl-preview'] ?? false,
    yesRemoteHost: values['yes-remote-host'] ?? false,
    sampleRows: nonNegativeInteger(values['sample-rows'], '--sample-rows'),
    config: values.config,
  };
}

function parsePlan(args: string[]): PlanCommand {
  const { values, positionals } = parse(
    args,
    {
      statement: { type: 'string' },
      line: { type: 'string' },
      'git-base': { type: 'string' },
      rule: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      triggers: { type: 'boolean' },
      'batch-size': { type: 'string' },
      'move-table': { type: 'string' },
      to: { type: 'string' },
      config: { type: 'string' },
    },
    'plan',
  );
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown --format "${format}" for plan: use text or json.`);
  if (positionals.length !== 1) throw new UsageError('plan needs exactly one migration file (or ORM model file), e.g. lockstep plan migrations/V5__rename.sql or lockstep plan prisma/schema.prisma --line 12. See `lockstep plan --help`.');
  if ((values['move-table'] === undefined) !== (values.to === undefined)) throw new UsageError('--move-table <table> and --to <schema> go together. See `lockstep plan --help`.');
  const batchSize = nonNegativeInteger(values['batch-size'], '--batch-size');
  if (batchSize === 0) throw new UsageError('--batch-size needs a whole number ≥ 1, got "0".');
  const line = nonNegativeInteger(values.line, '--line');
  if (line === 0) throw new UsageError('--line counts from 1, as editors and `lockstep lint` do; got "0".');
  return {
    command: 'plan',
    file: positionals[0],
    statement: nonNegativeInteger(values.statement, '--statement'),
    line,
    gitBase: values['git-base'],
    rule: values.rule,
    out: values.out,
    format,
    triggers: values.triggers ?? false,
    batchSize,
    moveTable: values['move-table'] !== undefined && values.to !== undefined ? { table: values['move-table'], to: values.to } : undefined,
    config: values.config,
  };
}
