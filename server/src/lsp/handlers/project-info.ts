// `lockstep/projectInfo`: what the server uses for a document (target, where it comes from, the
// config file, which files are migrations), so clients show and filter without reading the config
// themselves; `lockstep/projectChanged` tells them to ask again after the settings were cleared.
import { join } from 'node:path';
import { CONFIG_FILE_NAMES } from '../../engine';
import type { ServerContext } from '../context';
import { ProjectChangedNotification, ProjectInfoRequest, type DocumentPattern, type ProjectInfo } from '../protocol';
import { pathToUri, uriToPath } from '../uri';
import type { EffectiveSettings } from './configuration';

export function registerProjectInfo(ctx: ServerContext): void {
  ctx.connection.onRequest(ProjectInfoRequest, async (params): Promise<ProjectInfo> => projectInfo(await ctx.settings.get(settingsScope(ctx, params.uri))));
}

/** call after `ctx.settings.clear()` (once the client is initialized) */
export function notifyProjectChanged(ctx: ServerContext): void {
  void ctx.connection.sendNotification(ProjectChangedNotification).catch(() => undefined);
}

export function projectInfo(settings: EffectiveSettings): ProjectInfo {
  const baseUri = pathToUri(settings.root);
  return {
    target: settings.target.label,
    targetSource: settings.targetSource,
    ...(settings.configPath !== undefined ? { configUri: pathToUri(settings.configPath) } : {}),
    // model files the config's `orm.models` names are sent too, whatever their name
    documentPatterns: [...settings.migrationGlobs, ...settings.project.config.orm.models].flatMap(lspGlobs).map((pattern): DocumentPattern => ({ baseUri, pattern })),
  };
}

/**
 * The URI whose settings answer: the document's; for a workspace folder's URI (or none: the first
 * folder `ctx.roots` lists) those of a file directly inside the folder, where its config file is,
 * so the answer is the folder's whether settings are looked up from a file's folder or upwards.
 */
function settingsScope(ctx: ServerContext, uri: string | undefined): string {
  const path = uri === undefined ? undefined : uriToPath(uri);
  if (uri !== undefined && (path === undefined || !ctx.roots.includes(path.replace(/\/+$/, '')))) return uri;
  return pathToUri(join(path ?? ctx.roots[0] ?? process.cwd(), CONFIG_FILE_NAMES[0]));
}

/**
 * A config glob (engine semantics: no slash = the file name in any folder, no glob character = that
 * path and everything below it) as LSP/VS Code globs relative to the same folder.
 */
export function lspGlobs(configGlob: string): string[] {
  const p = configGlob.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (p === '') return [];
  const anchored = p.includes('/') ? p : `**/${p}`;
  return /[*?[{]/.test(p) ? [anchored] : [anchored, `${anchored}/**`];
}
