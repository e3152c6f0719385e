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
    const pick = await vscode.window.showQuickPick(items, { title: 'Lockstep: target database', placeHolder: 'The server version your migrations run on' });
    chosen = pick?.target;
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
