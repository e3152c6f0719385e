// "Lockstep: Dry-Run": not available yet. Says so plainly instead of showing an invented result.
import * as vscode from 'vscode';

export const DRY_RUN_UNAVAILABLE =
  'Lockstep dry-run needs a connection to a development MySQL/MariaDB database and comes with the dry-run panel, which is not available in this version. ' +
  'Until then, hover a DDL statement to see the predicted algorithm, lock and rebuild for your target.';

/** Shows the explanation (without waiting for it to be dismissed) and returns it. */
export function dryRun(): string {
  void vscode.window.showInformationMessage(DRY_RUN_UNAVAILABLE);
  return DRY_RUN_UNAVAILABLE;
}
