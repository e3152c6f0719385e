// The dry-run panel: one webview, revealed beside the editor, showing the last report (or error).
// No scripts and no local resources: the HTML (html.ts) is static and self-contained.
import * as vscode from 'vscode';

export class DryRunPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  /** sets the panel's HTML; `render` gets the webview's CSP source */
  show(render: (cspSource: string) => string): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'lockstep.dryRun',
        'Lockstep Dry-run',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, enableCommandUris: false, enableFindWidget: true, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.webview.html = render(this.panel.webview.cspSource);
    this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
  }

  get visible(): boolean {
    return this.panel?.visible === true;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
