// Settings per document: the client's `lockstep` section (workspace/configuration, cached per URI)
// overlaid by `lockstep.config.json` at the folder root (the file wins), read by the engine's
// config parser as `lockstep lint` reads it. The file's errors are published as diagnostics on it;
// the server goes on with the defaults for the invalid parts. Changes to either clear the caches
// and re-analyze the open documents.
import { dirname } from 'node:path';
import { parseTarget, type SeveritySetting, type Target } from '../../engine';
import { analyzeOptionsFrom, defaultConfig, migrationFilter, type LockstepConfig } from '../../engine/config';
import type { RuleSettings } from '../../engine/rules/rule';
import type { Convention } from '../../engine/workspace';
import type { ServerContext } from '../context';
import { DEFAULT_MAX_FILE_BYTES } from '../limits';
import type { ClientSettings } from '../protocol';
import { pathToUri, uriToPath } from '../uri';
import { readProjectConfig, type ProjectConfig } from '../workspace/project-config';

export interface EffectiveSettings {
  /** the workspace folder (or the file's folder when outside every workspace folder) */
  root: string;
  target: Target;
  rules: Record<string, SeveritySetting>;
  ruleSettings: Partial<RuleSettings>;
  /** which paths (relative to `root`, forward slashes) are migrations */
  filter: { included(relPath: string): boolean; excluded(relPath: string): boolean };
  convention?: Convention;
  docsBase?: string;
  maxFileSize: number;
}

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<EffectiveSettings>>();
  private readonly projectConfigs = new Map<string, Promise<ProjectConfig | undefined>>();
  /** config files whose diagnostics were published, per folder root */
  private readonly published = new Map<string, string>();
  private readonly reported = new Set<string>();
  /** settings pushed with didChangeConfiguration, for clients without workspace/configuration */
  private pushed: ClientSettings = {};

  constructor(private readonly ctx: () => ServerContext) {}

  get(uri: string): Promise<EffectiveSettings> {
    let settings = this.perUri.get(uri);
    if (!settings) {
      settings = this.resolve(uri);
      this.perUri.set(uri, settings);
    }
    return settings;
  }

  clear(pushed?: ClientSettings): void {
    if (pushed) this.pushed = pushed;
    this.perUri.clear();
    this.projectConfigs.clear();
    this.reported.clear();
  }

  private async resolve(uri: string): Promise<EffectiveSettings> {
    const ctx = this.ctx();
    const fsPath = uriToPath(uri);
    const root = (fsPath && ctx.roots.find((r) => fsPath === r || fsPath.startsWith(r.endsWith('/') ? r : `${r}/`))) ?? (fsPath ? dirname(fsPath) : ctx.roots[0] ?? process.cwd());
    const client = await this.clientSettings(uri);
    const project = await this.projectConfig(root);
    const config = this.merge(project, client);
    const options = analyzeOptionsFrom(config);
    return {
      root,
      target: config.target,
      rules: options.rules ?? {},
      ruleSettings: options.settings ?? {},
      filter: migrationFilter(config),
      convention: config.migrations.convention,
      docsBase: config.docsBase ?? client.docsBase,
      maxFileSize: typeof client.maxFileSize === 'number' && client.maxFileSize > 0 ? client.maxFileSize : DEFAULT_MAX_FILE_BYTES,
    };
  }

  /** the config file's settings, with the editor settings where the file gives none */
  private merge(project: ProjectConfig | undefined, client: ClientSettings): LockstepConfig {
    const config = project?.parsed.config ?? defaultConfig();
    const given = project?.parsed.given ?? new Set<string>();
    const merged: LockstepConfig = { ...config, rules: { ...(client.rules ?? {}), ...config.rules }, migrations: { ...config.migrations } };
    if (!given.has('target') && client.target !== undefined) {
      const target = parseTarget(client.target);
      if (target) merged.target = target;
      else this.report('settings', [`unknown lockstep.target "${client.target}"; using ${config.target.label}`]);
    }
    const clientGlobs = client.migrations?.globs?.filter((g) => typeof g === 'string' && g.trim() !== '') ?? [];
    if (!given.has('migrations.paths') && clientGlobs.length > 0) merged.migrations.paths = clientGlobs;
    return merged;
  }

  private async clientSettings(uri: string): Promise<ClientSettings> {
    const ctx = this.ctx();
    if (!ctx.flags.configuration) return this.pushed;
    try {
      const value: unknown = await ctx.connection.workspace.getConfiguration({ scopeUri: uri, section: 'lockstep' });
      return typeof value === 'object' && value !== null ? (value as ClientSettings) : this.pushed;
    } catch {
      return this.pushed;
    }
  }

  private projectConfig(root: string): Promise<ProjectConfig | undefined> {
    let config = this.projectConfigs.get(root);
    if (!config) {
      config = readProjectConfig(root).then((project) => {
        this.publish(root, project);
        return project;
      });
      this.projectConfigs.set(root, config);
    }
    return config;
  }

  /** the config file's errors on the file; clears those of a file that was fixed or removed */
  private publish(root: string, project: ProjectConfig | undefined): void {
    const connection = this.ctx().connection;
    const before = this.published.get(root);
    const now = project ? pathToUri(project.source) : undefined;
    if (before !== undefined && before !== now) void connection.sendDiagnostics({ uri: before, diagnostics: [] });
    if (!project || now === undefined) {
      this.published.delete(root);
      return;
    }
    if (project.diagnostics.length === 0 && before !== now) return;
    this.published.set(root, now);
    void connection.sendDiagnostics({ uri: now, diagnostics: project.diagnostics });
  }

  private report(source: string, problems: string[]): void {
    if (problems.length === 0 || this.reported.has(source)) return;
    this.reported.add(source);
    void this.ctx().connection.window.showWarningMessage(`Lockstep: ${source}: ${problems.join('; ')}`);
  }
}

export function registerConfiguration(ctx: ServerContext): void {
  ctx.connection.onDidChangeConfiguration((params) => {
    const settings: unknown = params.settings;
    const pushed = typeof settings === 'object' && settings !== null ? (settings as { lockstep?: ClientSettings }).lockstep : undefined;
    ctx.settings.clear(pushed ?? undefined);
    ctx.analyses.reanalyzeAll();
  });
}
