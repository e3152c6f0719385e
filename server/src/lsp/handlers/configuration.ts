// Settings per document: the client's `lockstep` section (workspace/configuration, cached per URI)
// overlaid by `lockstep.config.json` at the folder root (the file wins). Changes to either clear
// the caches and re-analyze the open documents.
import { dirname } from 'node:path';
import { DEFAULT_TARGET, parseTarget, type SeveritySetting, type Target } from '../../engine';
import type { RuleSettings } from '../../engine/rules/rule';
import type { Convention } from '../../engine/workspace';
import type { ServerContext } from '../context';
import { DEFAULT_MAX_FILE_BYTES } from '../limits';
import type { ClientSettings } from '../protocol';
import { readFileConfig, type FileConfig } from '../workspace/config-file';
import { globToRegExp } from '../workspace/glob';
import { uriToPath } from '../uri';

export interface EffectiveSettings {
  /** the workspace folder (or the file's folder when outside every workspace folder) */
  root: string;
  target: Target;
  rules: Record<string, SeveritySetting>;
  ruleSettings: Partial<RuleSettings>;
  globs: RegExp[];
  exclude: RegExp[];
  convention?: Convention;
  docsBase?: string;
  maxFileSize: number;
}

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<EffectiveSettings>>();
  private readonly fileConfigs = new Map<string, Promise<FileConfig>>();
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
    this.fileConfigs.clear();
    this.reported.clear();
  }

  private async resolve(uri: string): Promise<EffectiveSettings> {
    const ctx = this.ctx();
    const fsPath = uriToPath(uri);
    const root = (fsPath && ctx.roots.find((r) => fsPath === r || fsPath.startsWith(r.endsWith('/') ? r : `${r}/`))) ?? (fsPath ? dirname(fsPath) : ctx.roots[0] ?? process.cwd());
    const client = await this.clientSettings(uri);
    const file = await this.fileConfig(root);
    const problems = [...file.problems];

    const label = file.target ?? client.target ?? DEFAULT_TARGET;
    let target = parseTarget(label);
    if (!target) {
      problems.push(`unknown target "${label}"; using ${DEFAULT_TARGET}`);
      target = parseTarget(DEFAULT_TARGET)!;
    }
    this.report(file.source ?? 'settings', problems);
    return {
      root,
      target,
      rules: { ...(client.rules ?? {}), ...(file.rules ?? {}) },
      ruleSettings: file.settings ?? {},
      globs: (file.migrations ?? client.migrations?.globs ?? []).map(globToRegExp),
      exclude: (file.exclude ?? []).map(globToRegExp),
      convention: file.convention,
      docsBase: client.docsBase,
      maxFileSize: typeof client.maxFileSize === 'number' && client.maxFileSize > 0 ? client.maxFileSize : DEFAULT_MAX_FILE_BYTES,
    };
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

  private fileConfig(root: string): Promise<FileConfig> {
    let config = this.fileConfigs.get(root);
    if (!config) {
      config = readFileConfig(root);
      this.fileConfigs.set(root, config);
    }
    return config;
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
