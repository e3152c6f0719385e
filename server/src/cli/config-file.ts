// Finds and reads the config file; turns it into what the CLI needs.
// TODO(config): parse with engine/config.ts `parseConfig` once it lands.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SeveritySetting } from '../engine';
import type { RuleSettings } from '../engine/rules/rule';
import type { Convention } from '../engine/workspace';
import type { FailLevel } from './args';
import { UsageError } from './errors';
import type { PathFilter } from './files';

export const CONFIG_FILE_NAMES = ['lockstep.config.json', '.lockstep.json'] as const;

export interface CliConfig {
  /** the directory that globs, the baseline path and baseline entries are relative to */
  root: string;
  /** the config file, when one was found */
  source?: string;
  target?: string;
  rules: Record<string, SeveritySetting>;
  settings: Partial<RuleSettings>;
  filter: PathFilter;
  convention?: Convention;
  /** absolute path of the baseline file named in the config */
  baseline?: string;
  failOn?: FailLevel;
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

export function loadConfig(explicitPath: string | undefined, cwd: string): CliConfig {
  const path = explicitPath !== undefined ? resolve(cwd, explicitPath) : findConfigFile(cwd);
  if (path === undefined) return defaultCliConfig(cwd);
  if (!existsSync(path)) throw new UsageError(`config file not found: ${explicitPath}`);
  throw new UsageError(`${path}: config files are not supported yet`);
}

export function defaultCliConfig(root: string): CliConfig {
  return { root, rules: {}, settings: {}, filter: { included: () => true, excluded: () => false } };
}
