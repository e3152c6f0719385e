// "Lockstep: Set Target": pick the flavor/version migrations are analyzed for. The current one is
// the server's answer for the active document (a config file's target wins over the setting).
import * as vscode from 'vscode';
import type { ProjectInfo } from '../protocol';
import { displayTarget, KNOWN_TARGETS } from '../targetLabels';

interface TargetPick extends vscode.QuickPickItem {
  target: string;
}

/**
 * Shows the quick pick and writes `lockstep.target`; resolves to the chosen label, or undefined when
 * cancelled. `current` is what the server uses now (undefined before it answers).
 */
export async function setTarget(current: ProjectInfo | undefined, preselected?: string): Promise<string | undefined> {
  let chosen = preselected;
  if (!chosen) {
    const items: TargetPick[] = KNOWN_TARGETS.map((target) => ({
      target,
      label: displayTarget(target),
      description: target === current?.target ? `${target} (current)` : target,
    }));
    chosen = (await pickOne(items, items.find((i) => i.target === current?.target)))?.target;
  }
  if (!chosen) return undefined;
  if (!(KNOWN_TARGETS as readonly string[]).includes(chosen)) {
    void vscode.window.showErrorMessage(`Lockstep: unknown target "${chosen}". Choose one of ${KNOWN_TARGETS.join(', ')}.`);
    return undefined;
  }
  const where = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('lockstep').update('target', chosen, where);
  if (current?.targetSource === 'config-file' && current.configUri) {
    const file = vscode.Uri.parse(current.configUri);
    const open = 'Open config file';
    void vscode.window
      .showWarningMessage(`Lockstep: ${vscode.workspace.asRelativePath(file)} sets the target to ${current.target}, and it wins over the setting.`, open)
      .then((answer) => (answer === open ? vscode.window.showTextDocument(file) : undefined));
  }
  return chosen;
}

/** A quick pick with the current target focused, so Enter keeps it. */
function pickOne(items: TargetPick[], active: TargetPick | undefined): Promise<TargetPick | undefined> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<TargetPick>();
    quickPick.title = 'Lockstep: target database';
    quickPick.placeholder = 'The server version your migrations run on';
    quickPick.items = items;
    if (active) quickPick.activeItems = [active];
    let chosen: TargetPick | undefined;
    quickPick.onDidAccept(() => {
      chosen = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(chosen);
    });
    quickPick.show();
  });
}
