// Status bar item showing the target flavor/version the server uses for the active document; a
// click opens "Set target". Shown while the active document is one the server analyzes.
import * as vscode from 'vscode';
import { isLockstepDocument } from './documents';
import { currentScope, type ProjectInfoSource } from './projectInfo';
import type { ProjectInfo } from './protocol';
import { displayTarget } from './targetLabels';

/** the text before the server has answered */
export const NEUTRAL_TEXT = '$(database) Lockstep';

export class TargetStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('lockstep.target', vscode.StatusBarAlignment.Right, 100);
  private refreshCount = 0;

  constructor(private readonly project: ProjectInfoSource) {
    this.item.name = 'Lockstep target';
    this.item.command = 'lockstep.setTarget';
    this.show(undefined);
  }

  /** Asks the server again for the active document (or the first folder). */
  async refresh(): Promise<void> {
    const ticket = ++this.refreshCount;
    const info = await this.project.get(currentScope());
    if (ticket !== this.refreshCount) return; // a newer refresh started meanwhile
    this.show(info);
  }

  private show(info: ProjectInfo | undefined): void {
    if (info) {
      const source =
        info.targetSource === 'config-file' && info.configUri ? vscode.workspace.asRelativePath(vscode.Uri.parse(info.configUri)) : info.targetSource === 'setting' ? 'settings' : 'default';
      this.item.text = `$(database) ${displayTarget(info.target)}`;
      this.item.tooltip = `Lockstep analyzes migrations for ${info.target} (from ${source}). Click to change.`;
      this.item.accessibilityInformation = { label: `Lockstep target ${displayTarget(info.target)}` };
    } else {
      this.item.text = NEUTRAL_TEXT;
      this.item.tooltip = 'Lockstep: the language server is starting. Click to choose the target database.';
      this.item.accessibilityInformation = { label: 'Lockstep' };
    }
    const active = vscode.window.activeTextEditor?.document;
    if (active && isLockstepDocument(active, info)) this.item.show();
    else this.item.hide();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
