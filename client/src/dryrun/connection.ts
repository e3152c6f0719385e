// The dev database the dry-run uses: its URL (without password) in workspaceState, the password in
// SecretStorage keyed by that URL. Never in settings, never in a log.
import * as vscode from 'vscode';
import type { DryRunConnection } from '../protocol';
import { connectionLabel, isLocalHost, parseDatabaseUrl, type DatabaseTarget } from './url';

const STATE_KEY = 'lockstep.dryRun.database';
const secretKey = (url: string): string => `lockstep.dryRun.password:${url}`;

interface Stored {
  url: string;
  /** the user confirmed a host outside the local allow-list */
  confirmedHost: boolean;
}

export const RESTRICTED_MESSAGE = 'Lockstep connects to a database and dry-runs migrations only in a trusted workspace. Linting works in Restricted Mode; trust the workspace to use the dry-run.';

/** false (after telling the user why) in Restricted Mode */
export function workspaceTrusted(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(RESTRICTED_MESSAGE, 'Manage Workspace Trust').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}

export class DatabaseConnection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DatabaseTarget | undefined>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly context: vscode.ExtensionContext) {}

  current(): DatabaseTarget | undefined {
    const stored = this.stored();
    if (!stored) return undefined;
    const target = parseDatabaseUrl(stored.url);
    return 'error' in target ? undefined : target;
  }

  label(): string | undefined {
    const target = this.current();
    return target ? connectionLabel(target) : undefined;
  }

  /** asks for the URL and the password; undefined when the user cancelled */
  async connect(): Promise<DatabaseTarget | undefined> {
    if (!workspaceTrusted()) return undefined;
    const input = await vscode.window.showInputBox({
      title: 'Lockstep: connect to a development database',
      prompt: 'MySQL or MariaDB URL without the password. The dry-run works on scratch copies of your tables there.',
      placeHolder: 'mysql://user@127.0.0.1:3306/app_dev',
      value: this.stored()?.url ?? 'mysql://root@127.0.0.1:3306/',
      ignoreFocusOut: true,
      validateInput: (value) => {
        const parsed = parseDatabaseUrl(value);
        return 'error' in parsed ? parsed.error : undefined;
      },
    });
    if (input === undefined) return undefined;
    const target = parseDatabaseUrl(input);
    if ('error' in target) return undefined;
    const password = await vscode.window.showInputBox({
      title: `Lockstep: password for ${connectionLabel(target)}`,
      prompt: 'Kept in VS Code\'s secret storage, never in settings. Leave empty for none.',
      password: true,
      ignoreFocusOut: true,
    });
    if (password === undefined) return undefined;
    let confirmedHost = false;
    if (!isLocalHost(target.host)) {
      const answer = await vscode.window.showWarningMessage(
        `${target.host} is not a local host. The dry-run creates scratch copies of tables and measures DDL there: use it only if it is a development database.`,
        { modal: true },
        'Use this database',
      );
      if (answer !== 'Use this database') return undefined;
      confirmedHost = true;
    }
    await this.forget();
    if (password !== '') await this.context.secrets.store(secretKey(target.url), password);
    const stored: Stored = { url: target.url, confirmedHost };
    await this.context.workspaceState.update(STATE_KEY, stored);
    this.changed.fire(target);
    return target;
  }

  async disconnect(): Promise<void> {
    await this.forget();
    this.changed.fire(undefined);
  }

  /** what `lockstep/dryRun` needs: the URL, the password, the host confirmation */
  async wire(): Promise<DryRunConnection | undefined> {
    const stored = this.stored();
    const target = this.current();
    if (!stored || !target) return undefined;
    const password = await this.context.secrets.get(secretKey(target.url));
    return { url: target.url, ...(password ? { password } : {}), ...(stored.confirmedHost ? { confirmedHost: true } : {}) };
  }

  dispose(): void {
    this.changed.dispose();
  }

  private stored(): Stored | undefined {
    const value = this.context.workspaceState.get<unknown>(STATE_KEY);
    if (typeof value !== 'object' || value === null) return undefined;
    const { url, confirmedHost } = value as Partial<Stored>;
    return typeof url === 'string' ? { url, confirmedHost: confirmedHost === true } : undefined;
  }

  private async forget(): Promise<void> {
    const stored = this.stored();
    if (stored) await this.context.secrets.delete(secretKey(stored.url));
    await this.context.workspaceState.update(STATE_KEY, undefined);
  }
}
