// Where a project's configuration is: the nearest `lockstep.config.json` (or `.lockstep.json`) from a
// folder upwards. One rule for the CLI (from the first linted path), the language server and the
// VS Code client (from the file's folder, answered by the server).
import { CONFIG_FILE_NAMES, defaultConfig, parseConfig, type ParsedConfig } from '../config';
import type { ProjectHost } from './host';
import { dirOf, joinPath } from './paths';

export interface LoadedConfig {
  /** the config file's folder, else the fallback root */
  root: string;
  /** absolute path of the config file, when one was found */
  path?: string;
  /** its text (for positions of errors) */
  text?: string;
  parsed: ParsedConfig;
  /** the file could not be read (a message), when named explicitly */
  readError?: string;
}

/** the nearest config file from `dir` upwards */
export function findConfigFile(host: ProjectHost, dir: string): string | undefined {
  let at = dir;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = joinPath(at, name);
      if (host.stat(candidate) === 'file') return candidate;
    }
    const parent = dirOf(at);
    if (parent === at) return undefined;
    at = parent;
  }
}

/**
 * Reads the config: `explicit` when given, else the nearest one from `searchFrom`. `display` names
 * the file in error messages (the CLI: relative to the working directory). Never throws.
 */
export function loadProjectConfig(host: ProjectHost, options: { searchFrom: string; fallbackRoot: string; explicit?: string; display?: (path: string) => string }): LoadedConfig {
  const path = options.explicit ?? findConfigFile(host, options.searchFrom);
  if (path === undefined) return { root: options.fallbackRoot, parsed: { config: defaultConfig(), errors: [], given: new Set() } };
  const read = host.read(path);
  const display = options.display?.(path) ?? path;
  if (!read.ok) return { root: dirOf(path), path, parsed: { config: defaultConfig(), errors: [], given: new Set() }, readError: read.reason };
  return { root: dirOf(path), path, text: read.text, parsed: parseConfig(read.text, display) };
}
