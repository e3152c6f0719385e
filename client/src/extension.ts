// The Lockstep VS Code extension: starts the language server and adds the status bar and commands.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { setTarget } from './commands/setTarget';
import { SCHEMA_SCHEME, SchemaDocuments, showSchemaBefore, type SchemaBeforeOutcome } from './commands/showSchemaBefore';
import { showRuleDocs } from './commands/showRuleDocs';
import { PLAN_SCHEME, PlanDocuments, showMigrationPlan, type ShowPlanOutcome } from './commands/showPlan';
import { dryRunCommand, type DryRunOutcome } from './dryrun/command';
import { DatabaseConnection } from './dryrun/connection';
import { DevDatabaseSync } from './dryrun/devDatabaseSync';
import { DryRunPanel } from './dryrun/panel';
import { ConnectionStatusItem } from './dryrun/statusItem';
import { createLanguageClient } from './languageClient';
import { currentScope } from './projectInfo';
import { DevDatabaseNotification } from './protocol';
import { RestartPolicy } from './restartPolicy';
import { TargetStatusItem } from './statusBar';

/** What `activate` returns: used by the extension tests, and by other extensions if they like. */
export interface LockstepApi {
  readonly client: LanguageClient;
  /** milliseconds from activation start until the server answered `initialize` */
  readonly startupMs: number;
  readonly statusText: () => string;
  /** the dev database status bar text; undefined while not connected */
  readonly databaseStatusText: () => string | undefined;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<LockstepApi> {
  const started = Date.now();
  const log = vscode.window.createOutputChannel('Lockstep', { log: true });
  const restarts = new RestartPolicy();
  const { client: languageClient, project, disposables } = createLanguageClient(context, log, restarts);
  const status = new TargetStatusItem(project);
  client = languageClient;
  const database = new DatabaseConnection(context);
  const databaseStatus = new ConnectionStatusItem(database);
  const panel = new DryRunPanel();
  context.subscriptions.push(log, status, ...disposables, database, databaseStatus, panel);
  const dryRunDeps = { client: languageClient, connection: database, panel };
  const schemaDocuments = new SchemaDocuments(languageClient);
  context.subscriptions.push(schemaDocuments, vscode.workspace.registerTextDocumentContentProvider(SCHEMA_SCHEME, schemaDocuments));
  const planDocuments = new PlanDocuments(languageClient);
  context.subscriptions.push(planDocuments, vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, planDocuments));

  context.subscriptions.push(
    vscode.commands.registerCommand('lockstep.restartServer', async () => {
      restarts.reset();
      log.info('restarting the language server');
      await languageClient.restart();
    }),
    vscode.commands.registerCommand('lockstep.showRuleDocs', (rule?: unknown, url?: unknown) => showRuleDocs(context.extensionUri, rule, url)),
    vscode.commands.registerCommand('lockstep.setTarget', async (target?: string) => {
      const chosen = await setTarget(await project.get(currentScope()), typeof target === 'string' ? target : undefined);
      await status.refresh();
      return chosen;
    }),
    vscode.commands.registerCommand('lockstep.showSchemaBefore', (uri?: unknown): Promise<SchemaBeforeOutcome> => showSchemaBefore(schemaDocuments, uri)),
    vscode.commands.registerCommand('lockstep.showMigrationPlan', (uri?: unknown, position?: unknown): Promise<ShowPlanOutcome> => showMigrationPlan(planDocuments, uri, position)),
    vscode.commands.registerCommand('lockstep.connect', async () => (await database.connect())?.url),
    vscode.commands.registerCommand('lockstep.disconnect', () => database.disconnect()),
    vscode.commands.registerCommand('lockstep.dryRun', (uri?: unknown, statementIndex?: unknown): Promise<DryRunOutcome> => dryRunCommand(dryRunDeps, uri, statementIndex)),
    vscode.commands.registerCommand('lockstep.dryRunFile', (uri?: unknown): Promise<DryRunOutcome> => dryRunCommand(dryRunDeps, uri, undefined, { wholeFile: true })),
    vscode.commands.registerCommand('lockstep.dryRunMdlPreview', (uri?: unknown, statementIndex?: unknown): Promise<DryRunOutcome> =>
      dryRunCommand(dryRunDeps, uri, statementIndex, { mdlPreview: true }),
    ),
  );

  // the connected dev database is a schema source of the server (lockstep/devDatabase); a new server is told again
  const devDatabase = new DevDatabaseSync({
    trusted: () => vscode.workspace.isTrusted,
    running: () => languageClient.state === State.Running,
    connection: () => database.wire(),
    send: (params) => languageClient.sendNotification(DevDatabaseNotification, params),
    failed: (error) => log.warn(`telling the server about the dev database failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  context.subscriptions.push(
    database.onDidChange((target) => void (target ? devDatabase.connected() : devDatabase.disconnected())),
    languageClient.onDidChangeState((e) => {
      if (e.newState === State.Running) void devDatabase.serverStarted();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void devDatabase.trustGranted()),
  );

  // the server says when its settings change (config files, lockstep.* settings): lockstep/projectChanged
  const refreshStatus = (): void => void status.refresh();
  context.subscriptions.push(project.onDidChange(refreshStatus), vscode.window.onDidChangeActiveTextEditor(refreshStatus));

  try {
    await languageClient.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`the language server did not start: ${message}`);
    void vscode.window.showErrorMessage(`Lockstep: the language server did not start (${message}). See the Lockstep output.`);
  }
  const startupMs = Date.now() - started;
  log.info(`activated in ${startupMs} ms`);
  return { client: languageClient, startupMs, statusText: () => status.text, databaseStatusText: () => databaseStatus.text };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
