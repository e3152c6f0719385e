// Workspace awareness: warms every project's migration chains at start (in the background), and
// keeps the project models current from file events (watched files): a changed migration drops its
// cached read and the replay from that file on; a config file change reloads the settings.
import { basename } from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { pathToUri, uriToPath } from '../uri';
import { CONFIG_FILE_NAMES } from '../../engine';
import { notifyProjectChanged } from './project-info';

/** registers the file-event handler; returns what to do once the client is initialized */
export function registerWorkspace(ctx: ServerContext): () => void {
  const initialized = (): void => {
    if (ctx.flags.watchedFilesRegistration) {
      // every file: migrations may have any extension the config's globs name
      void ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    }
    void warmProjects(ctx).catch((err: unknown) => ctx.connection.console.warn(`lockstep: workspace scan failed: ${String(err)}`));
  };

  ctx.connection.onDidChangeWatchedFiles((params) => {
    let configChanged = false;
    const touched: string[] = [];
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (!path) continue;
      ctx.host.forget(path);
      if ((CONFIG_FILE_NAMES as readonly string[]).includes(basename(path))) {
        configChanged = true;
        continue;
      }
      for (const project of ctx.settings.allProjects()) {
        if (!project.isMigration(path) && !project.isSchemaSource(path)) continue;
        project.invalidate(path, change.type !== FileChangeType.Changed);
        touched.push(path);
      }
    }
    if (configChanged) {
      ctx.settings.clear();
      notifyProjectChanged(ctx);
      ctx.analyses.reanalyzeAll();
      return;
    }
    if (touched.length > 0) ctx.analyses.reanalyzeMigrations();
  });
  return initialized;
}

/** replays every migration chain of the workspace folders once, in the background */
async function warmProjects(ctx: ServerContext): Promise<void> {
  for (const root of ctx.roots) {
    const settings = await ctx.settings.get(pathToUri(`${root}/${CONFIG_FILE_NAMES[0]}`));
    for (const chain of settings.project.allChains()) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      settings.project.schemaOf(chain);
    }
  }
}
