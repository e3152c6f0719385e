// "Lockstep: Show Rule Documentation": opens docs/rules/<id>.md bundled with the extension, or the
// page under the docs base the user configured (`lockstep.docsBase`, `docsBase` in the config file).
import * as vscode from 'vscode';

const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The rule id from a command argument: a string, `{ rule }`, or a diagnostic with a `code`. */
export function ruleIdFromArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const candidate = (arg as { rule?: unknown; code?: unknown }).rule ?? (arg as { code?: unknown }).code;
    if (typeof candidate === 'string') return candidate;
    if (candidate && typeof candidate === 'object' && typeof (candidate as { value?: unknown }).value === 'string') return (candidate as { value: string }).value;
  }
  return undefined;
}

export async function listDocumentedRules(extensionUri: vscode.Uri): Promise<string[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(extensionUri, 'docs', 'rules'));
    return entries
      .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md'))
      .map(([name]) => name.slice(0, -3))
      .filter((id) => RULE_ID.test(id))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Opens the rule's page: `docsUrl` when it is a web page (the server passes the page under a
 * configured docs base as the second argument), else the bundled page in the Markdown preview.
 * Resolves to what was opened.
 */
export async function showRuleDocs(extensionUri: vscode.Uri, arg?: unknown, docsUrl?: unknown): Promise<vscode.Uri | undefined> {
  let rule = ruleIdFromArgument(arg);
  if (!rule) {
    const known = await listDocumentedRules(extensionUri);
    rule = await vscode.window.showQuickPick(known, { title: 'Lockstep: rule documentation', placeHolder: 'Rule id' });
    if (!rule) return undefined;
  }
  if (!RULE_ID.test(rule)) {
    void vscode.window.showErrorMessage(`Lockstep: "${rule}" is not a rule id.`);
    return undefined;
  }
  if (typeof docsUrl === 'string' && /^https?:\/\//.test(docsUrl)) {
    const url = vscode.Uri.parse(docsUrl);
    await vscode.env.openExternal(url);
    return url;
  }
  const page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${rule}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showErrorMessage(`Lockstep: no documentation is bundled for rule "${rule}".`);
    return undefined;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
  return page;
}
