// The CLI's project: the config found by the engine's one discovery rule (the nearest
// lockstep.config.json from the first linted path upwards, or --config), the release from git, and
// the project model over the disk.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { analyzeOptionsFrom, type ExtraSchemaSource, type FailOn, KNOWN_TARGETS, loadProjectConfig, type LockstepConfig, parseTarget, Project, type RuleSettings, type SeveritySetting, type Target } from '../engine';
import { NodeHost } from '../common/node-host';
import { releaseFromGit } from '../common/release';
import { UsageError } from './errors';
import { relativePath } from './files';

export interface CliConfig {
  /** the directory that globs, the baseline path and baseline entries are relative to */
  root: string;
  /** the config file, when one was found */
  source?: string;
  config: LockstepConfig;
  target: Target;
  rules: Record<string, SeveritySetting>;
  settings: Partial<RuleSettings>;
  /** absolute path of the baseline file named in the config */
  baseline?: string;
  failOn: FailOn;
  /** the config's `docsBase` */
  docsBase?: string;
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

export function resolveTarget(label: string): Target {
  const target = parseTarget(label);
  if (!target) throw new UsageError(`unknown target "${label}": use a flavor and version such as ${KNOWN_TARGETS.join(', ')}.`);
  return target;
}

/**
 * Reads the config: `--config`, else the nearest file from `searchFrom` upwards. Any error in it is
 * a usage error naming file:line:column. `targetLabel` (--target) wins over the config's target.
 */
export function loadConfig(explicitPath: string | undefined, cwd: string, searchFrom = cwd, targetLabel?: string, host = new NodeHost()): CliConfig {
  const explicit = explicitPath !== undefined ? resolve(cwd, explicitPath) : undefined;
  const loaded = loadProjectConfig(host, { explicit, searchFrom, fallbackRoot: cwd, display: (p) => relativePath(cwd, p) });
  if (loaded.readError !== undefined) {
    throw new UsageError(/ENOENT/.test(loaded.readError) ? `config file not found: ${explicitPath ?? loaded.path}` : `cannot read config file ${loaded.path} (${loaded.readError})`);
  }
  const { config, errors } = loaded.parsed;
  if (errors.length > 0) throw new UsageError(`invalid configuration:\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
  const target = targetLabel !== undefined ? resolveTarget(targetLabel) : config.target;
  const options = analyzeOptionsFrom(config);
  return {
    root: loaded.root,
    source: loaded.path,
    config: { ...config, target },
    target,
    rules: options.rules ?? {},
    settings: options.settings ?? {},
    baseline: config.baseline !== undefined ? resolve(loaded.root, config.baseline) : undefined,
    failOn: config.failOn,
    docsBase: config.docsBase,
  };
}

/**
 * The baseline to read or write: `--baseline` as given, else the config's, which must stay inside
 * the config file's folder: a cloned repository's config must not choose where `--write-baseline`
 * writes (an absolute path, `../`, or a symlinked folder leading out).
 */
export function baselineFor(cli: CliConfig, commandLine: string | undefined, cwd: string): string | undefined {
  if (commandLine !== undefined) return resolve(cwd, commandLine);
  if (cli.baseline === undefined || isInside(cli.root, cli.baseline)) return cli.baseline;
  const named = cli.config.baseline ?? cli.baseline;
  throw new UsageError(`the config's baseline "${named}" is outside the config file's folder ${cli.root}; keep it inside, or name it on the command line with --baseline.`);
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(realPath(folder), realPath(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** the path with its nearest existing ancestor's symlinks resolved */
function realPath(path: string): string {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    return join(realpathSync(existing), relative(existing, path));
  } catch {
    return path;
  }
}

/** the project model of the CLI run; `releaseBase` (--release-base, else the config's) groups the release's files */
export function openProject(cli: CliConfig, host: NodeHost, releaseBase: string | undefined, notes: string[], extraCurrent?: readonly ExtraSchemaSource[]): Project {
  const rev = releaseBase ?? cli.config.releaseBase;
  let inRelease: ((path: string) => boolean) | undefined;
  if (rev !== undefined) {
    const release = releaseFromGit(cli.root, rev);
    if (release.ok) inRelease = release.inRelease;
    else if (releaseBase !== undefined) throw new UsageError(`--release-base: ${release.reason}`);
    else notes.push(`releaseBase: ${release.reason}; files are checked as if each were already deployed.`);
  }
  return new Project(host, { root: cli.root, config: cli.config, configPath: cli.source, inRelease, extraCurrent });
}

/** one migration named on the command line, read, with the project it belongs to (dry-run, plan) */
export interface FileInProject {
  /** absolute path */
  abs: string;
  text: string;
  project: Project;
}

export function openFileProject(file: string, configPath: string | undefined, cwd: string): FileInProject {
  const host = new NodeHost();
  const abs = resolve(cwd, file);
  const read = host.read(abs);
  if (!read.ok) throw new UsageError(`${relativePath(cwd, abs)}: ${read.reason}`);
  const config = loadConfig(configPath, cwd, searchStart(cwd, file), undefined, host);
  return { abs, text: read.text, project: openProject(config, host, undefined, []) };
}
