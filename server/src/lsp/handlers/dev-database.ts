// `lockstep/devDatabase`: the dev database the client is connected to becomes a schema source, as
// `lockstep lint --url` makes it: tables the migration chains do not create come from its CREATE
// TABLEs (findings name `<database mysql://user@host:port/db>`), its row counts win over the config's
// `tables`. The schema is read once per notification (dryrun/schema-source.ts: allow-list, timeouts);
// the password is used for that read only, never kept, logged or put in a message. A failure is one
// warning and keeps the previous state; `null` forgets the database. A newer notification supersedes
// a read still under way.
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { readDatabaseSchema, redactUrl } from '../../dryrun';
import type { DryRunConnection } from '../../dryrun/types';
import type { ServerContext } from '../context';
import { DevDatabaseNotification, type DevDatabaseParams } from '../protocol';
import type { DevDatabaseSchema } from './configuration';
import { safeMessage } from './dry-run';
import { notifyProjectChanged } from './project-info';

export function registerDevDatabase(ctx: ServerContext): void {
  let generation = 0;
  let reading: AbortController | undefined;
  ctx.connection.onNotification(DevDatabaseNotification, async (params: DevDatabaseParams) => {
    const mine = ++generation;
    reading?.abort();
    reading = undefined;
    const connection = params?.connection;
    if (connection === null) {
      if (ctx.settings.devDatabase() !== undefined) apply(ctx, undefined);
      return;
    }
    if (typeof connection !== 'object' || typeof connection.url !== 'string' || connection.url === '') {
      warn(ctx, 'Lockstep: lockstep/devDatabase without a database URL; the schema sources stay as they were.');
      return;
    }
    const controller = new AbortController();
    reading = controller;
    const result = await read(connection, controller.signal);
    if (mine !== generation) return; // superseded (or forgotten) meanwhile
    reading = undefined;
    if ('error' in result) warn(ctx, `Lockstep: could not read the dev database ${redactUrl(connection.url)} (${result.error}); the schema sources stay as they were.`);
    else {
      const { notes, ...database } = result;
      for (const note of notes) ctx.connection.console.info(`dev database: ${note}`);
      apply(ctx, database);
    }
  });
}

async function read(connection: DryRunConnection, signal: AbortSignal): Promise<(DevDatabaseSchema & { notes: string[] }) | { error: string }> {
  try {
    const schema = await readDatabaseSchema(connection, signal);
    return { rel: schema.rel, text: schema.text, tableRows: schema.tableRows, rowVersions: schema.rowVersions, notes: schema.notes };
  } catch (error) {
    return { error: safeMessage(error, connection.password) };
  }
}

function apply(ctx: ServerContext, database: DevDatabaseSchema | undefined): void {
  ctx.settings.setDevDatabase(database);
  ctx.settings.clear();
  notifyProjectChanged(ctx);
  ctx.analyses.reanalyzeAll();
  const tables = database ? Object.keys(database.tableRows).length : 0;
  ctx.connection.console.info(database ? `dev database ${database.rel}: ${tables} table(s) as a schema source` : 'dev database forgotten');
}

/** one window/showMessage notification (not a request: nothing waits for an answer) */
function warn(ctx: ServerContext, message: string): void {
  void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
}
