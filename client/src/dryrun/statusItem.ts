// Status bar item for the dev database: `$(database) dev: user@host/db`; hidden when not connected.
// A click connects (again, or to another database).
import * as vscode from 'vscode';
import type { DatabaseConnection } from './connection';

export class ConnectionStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('lockstep.database', vscode.StatusBarAlignment.Right, 99);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly connection: DatabaseConnection) {
    this.item.name = 'Lockstep dev database';
    this.item.command = 'lockstep.connect';
    this.subscription = connection.onDidChange(() => this.update());
    this.update();
  }

  update(): void {
    const label = this.connection.label();
    void vscode.commands.executeCommand('setContext', 'lockstep.connected', label !== undefined);
    if (!label) {
      this.item.hide();
      return;
    }
    this.item.text = `$(database) dev: ${label}`;
    this.item.tooltip = `Lockstep dry-runs DDL on scratch copies in ${label}. Click to connect to another database; "Lockstep: Disconnect" forgets it.`;
    this.item.accessibilityInformation = { label: `Lockstep dev database ${label}` };
    this.item.show();
  }

  get text(): string | undefined {
    return this.connection.label() ? this.item.text : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
