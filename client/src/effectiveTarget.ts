// The target flavor/version Lockstep analyzes for: lockstep.config.json (or .lockstep.json) wins
// over the `lockstep.target` setting, as the server does.
import * as vscode from 'vscode';
import { parseJson } from '../../server/src/engine/config/json';
import { parseTarget } from '../../server/src/engine/targets';
import { DEFAULT_TARGET } from './targetLabels';

export const CONFIG_FILE_NAMES = ['lockstep.config.json', '.lockstep.json'] as const;

export interface EffectiveTarget {
  label: string;
  /** where the label comes from: a config file's URI, or the settings */
  source: { kind: 'config-file'; uri: vscode.Uri } | { kind: 'setting' } | { kind: 'default' };
}

export function targetFromSettings(scope: vscode.ConfigurationScope | undefined): EffectiveTarget {
  const inspected = vscode.workspace.getConfiguration('lockstep', scope).inspect<string>('target');
  const configured = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  if (typeof configured === 'string' && configured.length > 0) return { label: configured, source: { kind: 'setting' } };
  return { label: inspected?.defaultValue ?? DEFAULT_TARGET, source: { kind: 'default' } };
}

/** The config file of a workspace folder and the target it sets, if any. */
export async function targetFromConfigFile(folder: vscode.WorkspaceFolder): Promise<EffectiveTarget | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      continue; // no such file
    }
    const target = readTargetField(new TextDecoder().decode(bytes));
    return target ? { label: target, source: { kind: 'config-file', uri } } : undefined;
  }
  return undefined;
}

/**
 * The `target` of a config file's text, read as the server reads it (comments and trailing commas
 * allowed); undefined when absent, not a known flavor and version, or the file is broken — the
 * server then uses the settings too.
 */
export function readTargetField(json: string): string | undefined {
  const parsed = parseJson(json);
  if (!parsed.ok || parsed.node.kind !== 'object') return undefined;
  const value = parsed.node.entries.find((e) => e.key === 'target')?.value;
  return value?.kind === 'string' && parseTarget(value.value) ? value.value : undefined;
}

export async function effectiveTarget(folder: vscode.WorkspaceFolder | undefined): Promise<EffectiveTarget> {
  const fromFile = folder ? await targetFromConfigFile(folder) : undefined;
  return fromFile ?? targetFromSettings(folder?.uri);
}

/** The folder of the active editor, else the first workspace folder. */
export function currentFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}
