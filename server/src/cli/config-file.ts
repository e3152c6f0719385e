// Finds and reads the config file; turns the engine's parsed config into what the CLI needs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyzeOptionsFrom, CONFIG_FILE_NAMES, defaultConfig, migrationFilter, parseConfig, type FailOn, type LockstepConfig } from '../engine/config';
import type { SeveritySetting } from '../engine';
import type { RuleSettings } from '../engine/rules/rule';
import type { Convention } from '../engine/workspace';
import { UsageError } from './errors';
import type { PathFilter } from './files';
import { relativePath } from './files';

export interface CliConfig {
  /** the directory that globs, the baseline path and baseline entries are relative to */
  root: string;
  /** the config file, when one was found */
  source?: string;
  /** the target label (the config's, or the default) */
  target: string;
  rules: Record<string, SeveritySetting>;
  settings: Partial<RuleSettings>;
  filter: PathFilter;
  convention?: Convention;
  /** absolute path of the baseline file named in the config */
  baseline?: string;
  failOn: FailOn;
  /** the config's `docsBase` */
  docsBase?: string;
}

/** the nearest config file from `cwd` upwards */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** where to start looking: the first linted path (its folder), so `lockstep lint examples` finds examples/lockstep.config.json */
export function searchStart(cwd: string, firstPath: string | undefined): string {
  if (firstPath === undefined) return cwd;
  const abs = resolve(cwd, firstPath);
  try {
    return statSync(abs).isDirectory() ? abs : dirname(abs);
  } catch {
    return cwd;
  }
}

/**
 * Reads the config: `--config`, else the nearest file from `searchFrom` upwards. Any error in it is
 * a usage error naming file:line:column.
 */
export function loadConfig(explicitPath: string | undefined, cwd: string, searchFrom = cwd): CliConfig {
  const path = explicitPath !== undefined ? resolve(cwd, explicitPath) : findConfigFile(searchFrom);
  if (path === undefined) return cliConfig(defaultConfig(), cwd);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : String(err);
    throw new UsageError(code === 'ENOENT' ? `config file not found: ${explicitPath ?? path}` : `cannot read config file ${path} (${code})`);
  }
  const display = relativePath(cwd, path);
  const { config, errors } = parseConfig(text, display);
  if (errors.length > 0) {
    throw new UsageError(`invalid configuration:\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
  }
  return { ...cliConfig(config, dirname(path)), source: path };
}

function cliConfig(config: LockstepConfig, root: string): CliConfig {
  const options = analyzeOptionsFrom(config);
  return {
    root,
    target: config.target.label,
    rules: options.rules ?? {},
    settings: options.settings ?? {},
    filter: migrationFilter(config),
    convention: config.migrations.convention,
    baseline: config.baseline !== undefined ? resolve(root, config.baseline) : undefined,
    failOn: config.failOn,
    docsBase: config.docsBase,
  };
}
