// "Lockstep: Set Target": pick the flavor/version migrations are analyzed for.
import * as vscode from 'vscode';
import { currentFolder, effectiveTarget } from '../effectiveTarget';
import { displayTarget, KNOWN_TARGETS } from '../targetLabels';

interface TargetPick extends vscode.QuickPickItem {
  target: string;
}

/** Shows the quick pick and writes `lockstep.target`; resolves to the chosen label, or undefined when cancelled. */
export async function setTarget(preselected?: string): Promise<string | undefined> {
  const folder = currentFolder();
  const current = await effectiveTarget(folder);
  let chosen = preselected;
  if (!chosen) {
    const items: TargetPick[] = KNOWN_TARGETS.map((target) => ({
      target,
      label: displayTarget(target),
      description: target === current.label ? `${target} (current)` : target,
    }));
    chosen = (await pickOne(items, items.find((i) => i.target === current.label)))?.target;
  }
  if (!chosen) return undefined;
  if (!(KNOWN_TARGETS as readonly string[]).includes(chosen)) {
    void vscode.window.showErrorMessage(`Lockstep: unknown target "${chosen}". Choose one of ${KNOWN_TARGETS.join(', ')}.`);
    return undefined;
  }
  const where = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('lockstep').update('target', chosen, where);
  if (current.source.kind === 'config-file') {
    const file = current.source.uri;
    const open = 'Open config file';
    void vscode.window
      .showWarningMessage(`Lockstep: ${vscode.workspace.asRelativePath(file)} sets the target to ${current.label}, and it wins over the setting.`, open)
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
