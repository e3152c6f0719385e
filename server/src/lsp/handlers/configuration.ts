// Settings per document: the client's `lockstep` section (workspace/configuration, cached per URI)
// overlaid by the project's config file — the nearest `lockstep.config.json` from the document's
// folder upwards, found and parsed by the engine as `lockstep lint` does (the file wins). The file's
// errors are published as diagnostics on it; the server goes on with the defaults for the invalid
// parts. Each distinct (config, settings) pair gets one project model, shared by its documents.
// Changes to either clear the caches and re-analyze the open documents. The dev database the client
// is connected to (handlers/dev-database.ts) is a `current` schema source of every project model and
// its row counts win over the config's `tables`.
import { dirname } from 'node:path';
import { analyzeOptionsFrom, defaultConfig, loadProjectConfig, type LockstepConfig, parseTarget, Project, type RuleSettings, type SeveritySetting, type Target } from '../../engine';
import { releaseFromGit } from '../../common/release';
import type { ServerContext } from '../context';
import { DEFAULT_MAX_FILE_BYTES } from '../limits';
import type { ClientSettings } from '../protocol';
import { pathToUri, uriToPath } from '../uri';
import { configDiagnostics } from '../workspace/project-config';
import { notifyProjectChanged } from './project-info';

export interface EffectiveSettings {
  /** the config file's folder; without one, the workspace folder (or the file's folder outside every folder) */
  root: string;
  /** the project model every analysis of this document asks */
  project: Project;
  target: Target;
  rules: Record<string, SeveritySetting>;
  ruleSettings: Partial<RuleSettings>;
  docsBase?: string;
  maxFileSize: number;
  /** the config file in force (absolute path), when there is one */
  configPath?: string;
  /** where the target comes from */
  targetSource: 'config-file' | 'setting' | 'default';
  /** the migration globs (`migrations.paths`, relative to `root`) and the `exclude` globs */
  migrationGlobs: string[];
  excludeGlobs: string[];
}

/** a dev database read as a schema source: no connection details, no password */
export interface DevDatabaseSchema {
  /** names the source in findings: `<database mysql://user@host:port/db>` */
  rel: string;
  /** its CREATE TABLEs */
  text: string;
  /** lower-cased table name → rows */
  tableRows: Record<string, number>;
  /** lower-cased table name → INSTANT row versions the server already counts (MySQL 8.0.29+) */
  rowVersions: Record<string, number>;
}

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<EffectiveSettings>>();
  private readonly projects = new Map<string, Project>();
  /** config files whose diagnostics were published */
  private readonly published = new Set<string>();
  private readonly reported = new Set<string>();
  /** settings pushed with didChangeConfiguration, for clients without workspace/configuration */
  private pushed: ClientSettings = {};
  /** the connected dev database (`lockstep/devDatabase`) */
  private database: DevDatabaseSchema | undefined;

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
    this.projects.clear();
    this.reported.clear();
    this.published.clear();
    // a config file that was deleted takes its problems with it
    for (const uri of [...this.hadErrors]) {
      const path = uriToPath(uri);
      if (path && this.ctx().host.stat(path) === undefined) {
        this.hadErrors.delete(uri);
        void this.ctx().connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
  }

  /** the dev database in force from now on (undefined: none); call `clear()` after it */
  setDevDatabase(database: DevDatabaseSchema | undefined): void {
    this.database = database;
  }

  devDatabase(): DevDatabaseSchema | undefined {
    return this.database;
  }

  /** every project model in use (file events invalidate their listings) */
  allProjects(): Project[] {
    return [...this.projects.values()];
  }

  private async resolve(uri: string): Promise<EffectiveSettings> {
    const ctx = this.ctx();
    const fsPath = uriToPath(uri);
    const folder = (fsPath && ctx.roots.find((r) => fsPath === r || fsPath.startsWith(r.endsWith('/') ? r : `${r}/`))) ?? (fsPath ? dirname(fsPath) : ctx.roots[0] ?? process.cwd());
    const client = await this.clientSettings(uri);
    const loaded = loadProjectConfig(ctx.host, { searchFrom: fsPath ? dirname(fsPath) : folder, fallbackRoot: folder });
    this.publish(loaded.path, loaded.text, loaded.parsed.errors);
    const config = this.merge(loaded.path !== undefined ? loaded.parsed : undefined, client);
    const options = analyzeOptionsFrom(config);
    const given = loaded.parsed.given;
    return {
      root: loaded.root,
      project: this.projectFor(loaded.root, loaded.path, config),
      target: config.target,
      rules: options.rules ?? {},
      ruleSettings: this.withDatabaseRows(options.settings ?? {}),
      docsBase: config.docsBase ?? client.docsBase,
      maxFileSize: typeof client.maxFileSize === 'number' && client.maxFileSize > 0 ? client.maxFileSize : DEFAULT_MAX_FILE_BYTES,
      configPath: loaded.path,
      targetSource: given.has('target') ? 'config-file' : client.target !== undefined && parseTarget(client.target) ? 'setting' : 'default',
      migrationGlobs: [...config.migrations.paths],
      excludeGlobs: [...config.migrations.exclude],
    };
  }

  /** one project model per config file and effective settings */
  private projectFor(root: string, configPath: string | undefined, config: LockstepConfig): Project {
    const key = JSON.stringify([root, configPath ?? '', config.target.label, config.migrations, config.sets ?? null, config.schema, config.releaseBase ?? '']);
    let project = this.projects.get(key);
    if (!project) {
      let inRelease: ((path: string) => boolean) | undefined;
      if (config.releaseBase !== undefined) {
        const release = releaseFromGit(root, config.releaseBase);
        if (release.ok) inRelease = release.inRelease;
        else this.report(`releaseBase in ${configPath ?? 'the settings'}`, [`${release.reason}; files are checked as if each were already deployed`]);
      }
      const extraCurrent = this.database ? [{ rel: this.database.rel, text: this.database.text, rowVersions: this.database.rowVersions }] : undefined;
      project = new Project(this.ctx().host, { root, config, configPath, inRelease, extraCurrent });
      this.projects.set(key, project);
    }
    return project;
  }

  /** the dev database's row counts over the config's `tables` */
  private withDatabaseRows(settings: Partial<RuleSettings>): Partial<RuleSettings> {
    if (!this.database) return settings;
    return { ...settings, tableRows: { ...(settings.tableRows ?? {}), ...this.database.tableRows } };
  }

  /** the config file's settings, with the editor settings where the file gives none */
  private merge(parsed: { config: LockstepConfig; given: Set<string> } | undefined, client: ClientSettings): LockstepConfig {
    const config = parsed?.config ?? defaultConfig();
    const given = parsed?.given ?? new Set<string>();
    const merged: LockstepConfig = { ...config, rules: { ...(client.rules ?? {}), ...config.rules }, migrations: { ...config.migrations } };
    if (!given.has('target') && client.target !== undefined) {
      const target = parseTarget(client.target);
      if (target) merged.target = target;
      else this.report('settings', [`unknown lockstep.target "${client.target}"; using ${config.target.label}`]);
    }
    const clientGlobs = client.migrations?.globs?.filter((g) => typeof g === 'string' && g.trim() !== '') ?? [];
    if (!given.has('migrations.paths') && !config.sets && clientGlobs.length > 0) merged.migrations.paths = clientGlobs;
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

  /** the config file's errors on the file (once per clear); clears them when it was fixed */
  private publish(path: string | undefined, text: string | undefined, errors: Parameters<typeof configDiagnostics>[1]): void {
    if (path === undefined) return;
    const uri = pathToUri(path);
    const key = `${uri}\n${errors.map((e) => e.message).join('\n')}`;
    if (this.published.has(key)) return;
    for (const k of [...this.published]) if (k.startsWith(`${uri}\n`)) this.published.delete(k);
    this.published.add(key);
    if (errors.length === 0 && !this.hadErrors.has(uri)) return;
    if (errors.length > 0) this.hadErrors.add(uri);
    else this.hadErrors.delete(uri);
    void this.ctx().connection.sendDiagnostics({ uri, diagnostics: configDiagnostics(text ?? '', errors) });
  }

  private readonly hadErrors = new Set<string>();

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
    notifyProjectChanged(ctx);
    ctx.analyses.reanalyzeAll();
  });
}
