// Status bar item showing the target flavor/version; a click opens "Set target".
import * as vscode from 'vscode';
import { currentFolder, effectiveTarget } from './effectiveTarget';
import { displayTarget } from './targetLabels';

export class TargetStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('lockstep.target', vscode.StatusBarAlignment.Right, 100);
  private refreshCount = 0;

  constructor() {
    this.item.name = 'Lockstep target';
    this.item.command = 'lockstep.setTarget';
  }

  /** Re-reads the effective target; shown while a SQL editor is active. */
  async refresh(): Promise<void> {
    const ticket = ++this.refreshCount;
    const target = await effectiveTarget(currentFolder());
    if (ticket !== this.refreshCount) return; // a newer refresh started meanwhile
    const source = target.source.kind === 'config-file' ? vscode.workspace.asRelativePath(target.source.uri) : target.source.kind === 'setting' ? 'settings' : 'default';
    this.item.text = `$(database) ${displayTarget(target.label)}`;
    this.item.tooltip = `Lockstep analyzes migrations for ${target.label} (from ${source}). Click to change.`;
    this.item.accessibilityInformation = { label: `Lockstep target ${displayTarget(target.label)}` };
    if (vscode.window.activeTextEditor?.document.languageId === 'sql') this.item.show();
    else this.item.hide();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
