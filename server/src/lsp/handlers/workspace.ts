// Workspace awareness: finds the migration sets at start and warms their catalogs; keeps them
// current from file events (watched files) and from edits of open earlier migrations.
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { pathToUri, uriToPath } from '../uri';
import { CONFIG_FILE_NAMES } from '../../engine/config';
import { setDirOf } from '../workspace/catalog-chain';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'target', 'vendor']);
const MAX_SCANNED_FILES = 5000;

/** registers the file-event handler; returns what to do once the client is initialized */
export function registerWorkspace(ctx: ServerContext): () => void {
  const initialized = (): void => {
    if (ctx.flags.watchedFilesRegistration) {
      void ctx.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.sql' }, ...CONFIG_FILE_NAMES.map((n) => ({ globPattern: `**/${n}` }))],
      });
    }
    void warmCatalogs(ctx).catch((err: unknown) => ctx.connection.console.warn(`lockstep: workspace scan failed: ${String(err)}`));
  };

  ctx.connection.onDidChangeWatchedFiles((params) => {
    let configChanged = false;
    const touchedSets = new Set<string>();
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (!path) continue;
      if ((CONFIG_FILE_NAMES as readonly string[]).includes(basename(path))) {
        configChanged = true;
      } else if (path.toLowerCase().endsWith('.sql')) {
        ctx.chains.fileChanged(path, change.type !== FileChangeType.Changed);
        touchedSets.add(setDirOf(path));
      }
    }
    if (configChanged) {
      ctx.settings.clear();
      ctx.analyses.reanalyzeAll();
      return;
    }
    for (const doc of ctx.documents.all()) {
      const path = uriToPath(doc.uri);
      if (path && touchedSets.has(setDirOf(path))) ctx.analyses.schedule(doc.uri);
    }
  });
  return initialized;
}

/** replays every migration set found under the workspace folders once, in the background */
async function warmCatalogs(ctx: ServerContext): Promise<void> {
  const lastOfSet = new Map<string, string>();
  let scanned = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 8 || scanned > MAX_SCANNED_FILES) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(abs, depth + 1);
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.sql')) {
        scanned++;
        const set = setDirOf(abs);
        const last = lastOfSet.get(set);
        if (!last || abs > last) lastOfSet.set(set, abs);
      }
    }
  };
  for (const root of ctx.roots) await walk(root, 0);
  for (const last of lastOfSet.values()) {
    const settings = await ctx.settings.get(pathToUri(last));
    await ctx.chains.catalogBefore(last, settings);
  }
}
